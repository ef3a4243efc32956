package dev.stratus.export;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Bucket;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Database;
import dev.stratus.model.Edge;
import dev.stratus.model.Email;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.ScheduleExpression;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.StreamTrigger;
import dev.stratus.model.Topic;
import dev.stratus.model.TopicTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a design means for deployment, worked out once for every target: each function with the
 * events that start it, the services and functions it calls and the environment those calls imply;
 * the cloud resources (tables, buckets, queues, topics, streams) the design needs; and each API
 * gateway with its routes.
 *
 * <p>Connections become environment variables. A variable the function already has whose value is
 * the connected node's name (or an external API's URL) becomes the reference to that node; otherwise
 * a new variable is added, named after the node ({@code ITEMS_TABLE}, {@code ORDERS_QUEUE}, ...).
 */
public record ExportPlan(
        Project project, List<Function> functions, List<Resource> resources, List<Api> apis, List<String> notes) {

    public ExportPlan {
        functions = List.copyOf(functions);
        resources = List.copyOf(resources);
        apis = List.copyOf(apis);
        // A route's note is found both from the gateway and from the function it reaches.
        notes = notes.stream().distinct().toList();
    }

    /** The HTTP methods a route may name; {@code ANY} matches every method. */
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

    private static final Pattern ROUTE = Pattern.compile("([A-Za-z]+)\\s+(\\S.*)", Pattern.DOTALL);

    /** What kind of cloud resource a service or trigger stands for. */
    public enum ResourceKind {
        TABLE("TABLE"),
        BUCKET("BUCKET"),
        QUEUE("QUEUE"),
        TOPIC("TOPIC"),
        STREAM("STREAM"),
        EMAIL("EMAIL"),
        EXTERNAL_API("URL");

        private final String variableSuffix;

        ResourceKind(String variableSuffix) {
            this.variableSuffix = variableSuffix;
        }

        /** The last word of the environment variable a connection to such a resource adds. */
        public String variableSuffix() {
            return variableSuffix;
        }
    }

    /**
     * A cloud resource the design needs: a service node, or the queue, bucket, stream or topic behind
     * a trigger ({@code fromTrigger}). Email and external APIs are resources too, though only email
     * needs anything created (a sending identity), and an external API only its URL.
     */
    public record Resource(Node node, ResourceKind kind, boolean fromTrigger) {
        public String id() {
            return node.id();
        }

        public String name() {
            return node.name().isBlank() ? node.id() : node.name();
        }
    }

    /** What starts a function. */
    public sealed interface Event {}

    /**
     * An HTTP request: through a gateway's route ({@code gateway} set), or straight from an HTTP
     * trigger to the function ({@code gateway} null: a function URL or HTTP-triggered function).
     */
    public record Http(String method, String path, ApiGateway gateway) implements Event {}

    /** A timer. */
    public record Schedule(ScheduleTrigger trigger, ScheduleExpression expression) implements Event {}

    /** Messages from a queue, in batches of up to {@code batchSize}. */
    public record QueueMessages(Resource queue, int batchSize, double windowSeconds) implements Event {}

    /** An object created or deleted in a bucket, filtered by key prefix and suffix (empty: any). */
    public record StorageEvent(Resource bucket, StorageTrigger.Event event, String prefix, String suffix)
            implements Event {}

    /** Records from a stream, in batches. */
    public record StreamRecords(Resource stream, int batchSize, double windowSeconds) implements Event {}

    /** Messages published to a topic. */
    public record TopicMessages(Resource topic) implements Event {}

    /**
     * A call from the function to a service ({@code resource} set) or to another function
     * ({@code function} set, {@code async} when the caller does not wait). {@code variable} is the
     * environment variable that carries the target's name, URL or ARN; null for email, whose
     * sender is the function's own setting.
     */
    public record Connection(Resource resource, FunctionNode function, boolean async, String variable) {
        public String targetId() {
            return resource != null ? resource.id() : function.id();
        }
    }

    /**
     * An environment variable: a literal value, or a reference to what a connection reaches (the
     * exporter writes the deployed name, URL or ARN of it).
     */
    public record Variable(String name, String literal, Connection reference) {
        public boolean isReference() {
            return reference != null;
        }
    }

    /** A function with everything that concerns its deployment. */
    public record Function(
            FunctionNode node, List<Event> events, List<Connection> connections, List<Variable> environment) {
        public Function {
            events = List.copyOf(events);
            connections = List.copyOf(connections);
            environment = List.copyOf(environment);
        }

        public String id() {
            return node.id();
        }

        public String name() {
            return node.name().isBlank() ? node.id() : node.name();
        }

        /** The Java feature release the runtime names ("java21" gives 21), 21 when it names none. */
        public int javaVersion() {
            Matcher m = Pattern.compile("java(\\d+)").matcher(node.runtime().toLowerCase(Locale.ROOT));
            return m.find() ? Integer.parseInt(m.group(1)) : 21;
        }
    }

    /** An API gateway with its routes, in edge order; {@code exposed} when an HTTP trigger feeds it. */
    public record Api(ApiGateway gateway, List<Route> routes, boolean exposed) {
        public Api {
            routes = List.copyOf(routes);
        }
    }

    /** One route: method, path and the function it reaches. */
    public record Route(String method, String path, FunctionNode function) {}

    /** Works out the plan; a design with a problem that no target could express is refused. */
    public static ExportPlan of(Project project) throws ExportException {
        return new Planner(project).plan();
    }

    /** The resource for a node id, if the node is one. */
    public Optional<Resource> resource(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Function> function(String id) {
        return functions.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * Splits "GET /items/{id}" into method and path; a route without a method is ANY. The method is
     * the first word when it is all letters and more follows; the rest, spaces and all, is the path.
     */
    static String[] parseRoute(String route, String defaultPath) {
        if (route == null || route.isBlank()) {
            return new String[] {"ANY", defaultPath};
        }
        String text = route.strip();
        Matcher m = ROUTE.matcher(text);
        if (m.matches()) {
            return new String[] {m.group(1).toUpperCase(Locale.ROOT), m.group(2).strip()};
        }
        return new String[] {"ANY", text};
    }

    private static final class Planner {
        private final Project project;
        private final Architecture architecture;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Map<String, Resource> resources = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        Planner(Project project) {
            this.project = project;
            this.architecture = project.architecture();
            architecture.nodes().forEach(n -> nodes.put(n.id(), n));
        }

        ExportPlan plan() throws ExportException {
            for (Node node : architecture.nodes()) {
                resourceKind(node)
                        .ifPresent(kind -> resources.put(
                                node.id(), new Resource(node, kind, node instanceof dev.stratus.model.Trigger)));
            }
            List<Api> apis = new ArrayList<>();
            for (Node node : architecture.nodes()) {
                if (node instanceof ApiGateway gateway) {
                    apis.add(api(gateway));
                }
            }
            List<Function> functions = new ArrayList<>();
            for (Node node : architecture.nodes()) {
                if (node instanceof FunctionNode function) {
                    functions.add(function(function));
                }
            }
            if (functions.isEmpty()) {
                throw new ExportException("the design has no function to export; add one from the palette");
            }
            return new ExportPlan(project, functions, List.copyOf(resources.values()), apis, notes);
        }

        private static Optional<ResourceKind> resourceKind(Node node) {
            ResourceKind kind = null;
            if (node instanceof Database) {
                kind = ResourceKind.TABLE;
            } else if (node instanceof Bucket || node instanceof StorageTrigger) {
                kind = ResourceKind.BUCKET;
            } else if (node instanceof Queue || node instanceof QueueTrigger) {
                kind = ResourceKind.QUEUE;
            } else if (node instanceof Topic || node instanceof TopicTrigger) {
                kind = ResourceKind.TOPIC;
            } else if (node instanceof StreamTrigger) {
                kind = ResourceKind.STREAM;
            } else if (node instanceof Email) {
                kind = ResourceKind.EMAIL;
            } else if (node instanceof ExternalApi) {
                kind = ResourceKind.EXTERNAL_API;
            }
            return Optional.ofNullable(kind);
        }

        private Api api(ApiGateway gateway) throws ExportException {
            List<Route> routes = new ArrayList<>();
            boolean isPublic = false;
            for (Edge edge : architecture.edges()) {
                Node from = nodes.get(edge.from());
                Node to = nodes.get(edge.to());
                if (from == null || to == null) {
                    continue;
                }
                if (to == gateway && from instanceof HttpTrigger) {
                    isPublic = true;
                }
                if (from == gateway && to instanceof FunctionNode function) {
                    String[] route = route(edge, function);
                    routes.add(new Route(route[0], route[1], function));
                }
            }
            return new Api(gateway, routes, isPublic);
        }

        private String[] route(Edge edge, FunctionNode function) throws ExportException {
            String fallback = "/" + Names.kebab(function.name(), "function", 60);
            String[] route = parseRoute(edge.route(), fallback);
            if (!METHODS.contains(route[0])) {
                throw new ExportException("the route '" + edge.route() + "' to '" + function.name()
                        + "' has the method " + route[0] + "; use one of GET, POST, PUT, DELETE, PATCH, HEAD,"
                        + " OPTIONS or ANY");
            }
            String path = route[1].startsWith("/") ? route[1] : "/" + route[1];
            String clean = path.replaceAll("[^A-Za-z0-9._~{}/-]", "");
            clean = clean.replaceAll("/{2,}", "/");
            if (!clean.equals(path)) {
                notes.add("The route '" + edge.route() + "' to '" + function.name() + "' is exported as " + route[0]
                        + " " + clean + ": a path keeps only letters, digits, / . _ ~ - and {parameters}.");
            }
            return new String[] {route[0], clean};
        }

        private Function function(FunctionNode function) throws ExportException {
            List<Event> events = new ArrayList<>();
            List<Connection> connections = new ArrayList<>();
            for (Edge edge : architecture.edges()) {
                Node from = nodes.get(edge.from());
                Node to = nodes.get(edge.to());
                if (from == null || to == null) {
                    continue;
                }
                if (to == function) {
                    event(from, edge, function).ifPresent(events::add);
                } else if (from == function) {
                    connection(to, edge).ifPresent(connections::add);
                }
            }
            List<Variable> environment = new ArrayList<>();
            Map<String, String> literals = new LinkedHashMap<>(function.environment());
            List<Connection> named = new ArrayList<>();
            for (Connection connection : connections) {
                if (connection.resource() != null && connection.resource().kind() == ResourceKind.EMAIL) {
                    named.add(connection);
                    continue;
                }
                String match = matchingVariable(literals, connection);
                String variable = match != null ? match : newVariable(function, literals, environment, connection);
                literals.remove(variable);
                named.add(new Connection(connection.resource(), connection.function(), connection.async(), variable));
            }
            literals.forEach((name, value) -> environment.add(new Variable(name, value, null)));
            for (Connection connection : named) {
                if (connection.variable() != null) {
                    environment.add(new Variable(connection.variable(), null, connection));
                }
            }
            environment.sort(java.util.Comparator.comparing(Variable::name));
            return new Function(function, events, named, environment);
        }

        private static String matchingVariable(Map<String, String> literals, Connection connection) {
            String wanted = connection.resource() != null
                    ? (connection.resource().node() instanceof ExternalApi api
                                    && !api.url().isBlank()
                            ? api.url()
                            : connection.resource().name())
                    : connection.function().name();
            return literals.entrySet().stream()
                    .filter(e -> e.getValue().equals(wanted))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        private static String newVariable(
                FunctionNode function, Map<String, String> literals, List<Variable> added, Connection connection) {
            String base = connection.resource() != null
                    ? Names.upperSnake(connection.resource().name(), "service") + "_"
                            + connection.resource().kind().variableSuffix()
                    : Names.upperSnake(connection.function().name(), "function") + "_FUNCTION";
            base = base.replaceAll("_(TABLE|BUCKET|QUEUE|TOPIC|URL|FUNCTION)_\\1$", "_$1");
            String name = base;
            for (int n = 2; literals.containsKey(name) || isAdded(added, name); n++) {
                name = base + "_" + n;
            }
            return name;
        }

        private static boolean isAdded(List<Variable> added, String name) {
            return added.stream().anyMatch(v -> v.name().equals(name));
        }

        private Optional<Event> event(Node from, Edge edge, FunctionNode function) throws ExportException {
            Optional<Edge.Batching> defaults = ConnectionRules.defaultBatching(from.kind());
            Edge.Batching batching = edge.batching() != null ? edge.batching() : defaults.orElse(null);
            if (from instanceof HttpTrigger) {
                String[] route = parseRoute(edge.route(), "/" + Names.kebab(function.name(), "function", 60));
                return Optional.of(new Http(route[0], route[1].startsWith("/") ? route[1] : "/" + route[1], null));
            }
            if (from instanceof ApiGateway gateway) {
                String[] route = route(edge, function);
                return Optional.of(new Http(route[0], route[1], gateway));
            }
            if (from instanceof ScheduleTrigger schedule) {
                try {
                    return Optional.of(new Schedule(schedule, ScheduleExpression.parse(schedule.expression())));
                } catch (ScheduleExpression.InvalidScheduleException e) {
                    throw new ExportException("the schedule '" + schedule.name() + "': " + e.getMessage());
                }
            }
            Resource resource = resources.get(from.id());
            if (from instanceof QueueTrigger || from instanceof Queue) {
                return Optional.of(new QueueMessages(resource, batching.size(), batching.windowSeconds()));
            }
            if (from instanceof StreamTrigger) {
                return Optional.of(new StreamRecords(resource, batching.size(), batching.windowSeconds()));
            }
            if (from instanceof StorageTrigger s) {
                return Optional.of(new StorageEvent(resource, s.event(), s.prefix(), s.suffix()));
            }
            if (from instanceof Bucket) {
                return Optional.of(new StorageEvent(resource, StorageTrigger.Event.CREATED, "", ""));
            }
            if (from instanceof TopicTrigger || from instanceof Topic) {
                return Optional.of(new TopicMessages(resource));
            }
            return Optional.empty();
        }

        private Optional<Connection> connection(Node to, Edge edge) {
            if (to instanceof FunctionNode target) {
                boolean async = edge.invocation() == Edge.Invocation.ASYNC;
                return Optional.of(new Connection(null, target, async, null));
            }
            Resource resource = resources.get(to.id());
            return resource == null ? Optional.empty() : Optional.of(new Connection(resource, null, false, null));
        }
    }
}
