package dev.stratus.validate;

import static dev.stratus.validate.Validator.label;

import dev.stratus.model.Architecture;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of each edge: both ends exist, the connection is allowed, and its settings fit its kind. */
final class EdgeChecks {

    private static final Pattern ROUTE =
            Pattern.compile("(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) (/[A-Za-z0-9._~\\-{}+/]*)");

    private final Architecture architecture;
    private final Map<String, Node> nodes;

    EdgeChecks(Architecture architecture) {
        this.architecture = architecture;
        this.nodes = architecture.nodesById();
    }

    void addTo(List<Problem> problems) {
        Set<String> ids = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        Map<String, String> routes = new HashMap<>();
        for (Edge edge : architecture.edges()) {
            if (!ids.add(edge.id())) {
                problems.add(
                        Problem.error(edge.id(), "Two edges have the id '" + edge.id() + "'; ids must be unique."));
            }
            Node from = nodes.get(edge.from());
            Node to = nodes.get(edge.to());
            if (from == null || to == null) {
                String missing = from == null ? edge.from() : edge.to();
                problems.add(Problem.error(
                        edge.id(),
                        "The edge '" + edge.id() + "' " + (from == null ? "comes from" : "goes to") + " '" + missing
                                + "', which is not in the design."));
                continue;
            }
            Optional<String> refusal = ConnectionRules.refusal(from.kind(), to.kind());
            if (refusal.isPresent()) {
                problems.add(Problem.error(edge.id(), label(from) + " → " + label(to) + ": " + refusal.get()));
                continue;
            }
            if (!pairs.add(edge.from() + "\u0000" + edge.to())) {
                problems.add(Problem.warning(edge.id(), label(from) + " is connected to " + label(to) + " twice."));
            }
            if (from.id().equals(to.id()) && edge.invocation() == Edge.Invocation.ASYNC) {
                problems.add(Problem.warning(
                        edge.id(),
                        label(from) + " invokes itself asynchronously: every run " + "starts another, without end."));
            }
            checkRoute(edge, from, to, routes, problems);
            checkSettings(edge, from, to, problems);
        }
    }

    private void checkRoute(Edge edge, Node from, Node to, Map<String, String> routes, List<Problem> problems) {
        if (from.kind() != NodeKind.API_GATEWAY) {
            if (edge.route() != null) {
                problems.add(Problem.warning(
                        edge.id(),
                        "Only an API gateway's edges have routes; the route '" + edge.route() + "' on " + label(from)
                                + " → " + label(to) + " is ignored."));
            }
            return;
        }
        if (edge.route() == null) {
            problems.add(Problem.error(
                    edge.id(),
                    "The route from " + label(from) + " to " + label(to)
                            + " has no method and path; give it one like GET /items."));
            return;
        }
        if (!ROUTE.matcher(edge.route()).matches()) {
            problems.add(Problem.error(
                    edge.id(),
                    "The route '" + edge.route() + "' to " + label(to)
                            + " is not a method and a path like GET /items/{id}."));
            return;
        }
        // Paths are case-sensitive; parameters match whatever their name, so /items/{id} and /items/{key} clash.
        String[] methodAndPath = edge.route().split(" ", 2);
        String key = from.id() + " " + methodAndPath[0] + " " + methodAndPath[1].replaceAll("\\{[^}]*}", "{}");
        String other = routes.putIfAbsent(key, to.id());
        if (other != null) {
            problems.add(Problem.error(
                    edge.id(), "The API gateway " + label(from) + " has the route '" + edge.route() + "' twice."));
        }
    }

    private void checkSettings(Edge edge, Node from, Node to, List<Problem> problems) {
        boolean functionToFunction = from.kind() == NodeKind.FUNCTION && to.kind() == NodeKind.FUNCTION;
        if (edge.invocation() != null && !functionToFunction) {
            problems.add(Problem.warning(
                    edge.id(),
                    "Only a function calling a function chooses sync or async; the " + "setting on " + label(from)
                            + " → " + label(to) + " is ignored."));
        }
        checkVisibilityTimeout(edge, from, to, problems);
        Edge.Batching batching = edge.batching();
        if (batching == null) {
            return;
        }
        if (!ConnectionRules.isBatched(from.kind())) {
            problems.add(Problem.warning(
                    edge.id(),
                    "Only queues and streams deliver batches; the batching on " + label(from) + " → " + label(to)
                            + " is ignored."));
            return;
        }
        boolean fifo = from instanceof Queue queue && queue.type() == Queue.Type.FIFO;
        int max = fifo ? 10 : 10_000;
        if (batching.size() > max) {
            problems.add(Problem.error(
                    edge.id(),
                    "A batch of " + batching.size() + " from " + label(from) + " is more than the " + max + " a "
                            + (fifo ? "FIFO queue" : "poller") + " delivers."));
        } else if (batching.size() > 10 && batching.windowSeconds() < 1 && from.kind() != NodeKind.STREAM_TRIGGER) {
            problems.add(Problem.error(
                    edge.id(),
                    "A batch of more than 10 messages from " + label(from)
                            + " needs a batching window of at least 1 s."));
        }
    }

    /** A message must stay hidden while the function works on it, or it is delivered twice; AWS refuses it. */
    private static void checkVisibilityTimeout(Edge edge, Node from, Node to, List<Problem> problems) {
        double visibility;
        if (from instanceof Queue queue) {
            visibility = queue.visibilityTimeoutSeconds();
        } else if (from instanceof QueueTrigger trigger) {
            visibility = trigger.visibilityTimeoutSeconds();
        } else {
            return;
        }
        if (to instanceof FunctionNode function && visibility < function.timeoutSeconds()) {
            problems.add(Problem.error(
                    edge.id(),
                    "The visibility timeout of " + label(from) + " (" + format(visibility)
                            + " s) is shorter than the timeout of " + label(to) + " ("
                            + format(function.timeoutSeconds())
                            + " s): a message would be delivered again while it is still being worked on."));
        }
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }
}
