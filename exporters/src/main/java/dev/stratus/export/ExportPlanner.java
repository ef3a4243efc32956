package dev.stratus.export;

import dev.stratus.export.ExportPlan.Api;
import dev.stratus.export.ExportPlan.Connection;
import dev.stratus.export.ExportPlan.Event;
import dev.stratus.export.ExportPlan.Function;
import dev.stratus.export.ExportPlan.Http;
import dev.stratus.export.ExportPlan.QueueMessages;
import dev.stratus.export.ExportPlan.Resource;
import dev.stratus.export.ExportPlan.ResourceKind;
import dev.stratus.export.ExportPlan.Route;
import dev.stratus.export.ExportPlan.Schedule;
import dev.stratus.export.ExportPlan.StorageEvent;
import dev.stratus.export.ExportPlan.StreamRecords;
import dev.stratus.export.ExportPlan.TopicMessages;
import dev.stratus.export.ExportPlan.Variable;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Works out an {@link ExportPlan} from a project: one pass over its nodes and edges per question. */
final class ExportPlanner {

    private final Project project;
    private final Architecture architecture;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String[]> routes = new HashMap<>();

    ExportPlanner(Project project) {
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

    /**
     * The method and cleaned path of the edge into {@code function}, worked out once per edge: the
     * gateway's route list and the function's events both ask, and a cleaned path gets one note.
     */
    private String[] route(Edge edge, FunctionNode function) throws ExportException {
        String[] known = routes.get(edge.id());
        if (known != null) {
            return known;
        }
        String[] route = cleanRoute(edge, function);
        routes.put(edge.id(), route);
        return route;
    }

    private String[] cleanRoute(Edge edge, FunctionNode function) throws ExportException {
        String fallback = "/" + Names.kebab(function.name(), "function", 60);
        String[] route = ExportPlan.parseRoute(edge.route(), fallback);
        if (!ExportPlan.METHODS.contains(route[0])) {
            throw new ExportException("the route '" + edge.route() + "' to '" + function.name()
                    + "' has the method " + route[0] + "; use one of GET, POST, PUT, DELETE, PATCH, HEAD,"
                    + " OPTIONS or ANY");
        }
        String path = route[1].startsWith("/") ? route[1] : "/" + route[1];
        String clean = path.replaceAll("[^A-Za-z0-9._~{}/-]", "");
        clean = clean.replaceAll("/{2,}", "/");
        if (!clean.equals(path)) {
            notes.add("The route '" + edge.route() + "' to '" + function.name() + "' is exported as " + route[0] + " "
                    + clean + ": a path keeps only letters, digits, / . _ ~ - and {parameters}.");
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
        environment.sort(Comparator.comparing(Variable::name));
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
        if (from instanceof HttpTrigger || from instanceof ApiGateway) {
            String[] route = route(edge, function);
            return Optional.of(new Http(route[0], route[1], from instanceof ApiGateway gateway ? gateway : null));
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
