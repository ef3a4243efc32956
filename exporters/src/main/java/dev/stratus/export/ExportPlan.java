package dev.stratus.export;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.ScheduleExpression;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import java.util.List;
import java.util.Locale;
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
        notes = List.copyOf(notes);
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
        return new ExportPlanner(project).plan();
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
}
