package dev.stratus.model;

import dev.stratus.model.NodeKind.Category;
import java.util.Optional;

/**
 * Which kinds of node may be connected, what the connection means, and whether the caller waits for
 * it. The studio asks it before it draws an edge; the validator asks it of every edge in a file.
 */
public final class ConnectionRules {

    /** What an edge means, given the kinds it joins. */
    public enum EdgeKind {
        /** A trigger, queue, topic or bucket starts a function (or the HTTP trigger feeds a gateway). */
        EVENT,
        /** The API gateway routes requests to a function. */
        ROUTE,
        /** A function calls a service. */
        CALL,
        /** A function invokes another function. */
        INVOKE
    }

    private ConnectionRules() {}

    /** The edge kind for a connection, or empty when the connection is not allowed. */
    public static Optional<EdgeKind> kindOf(NodeKind from, NodeKind to) {
        return refusal(from, to).isPresent() ? Optional.empty() : Optional.of(classify(from, to));
    }

    public static boolean allows(NodeKind from, NodeKind to) {
        return refusal(from, to).isEmpty();
    }

    /**
     * Why a connection from {@code from} to {@code to} is not allowed, in words for the person who
     * tried it; empty when it is allowed.
     */
    public static Optional<String> refusal(NodeKind from, NodeKind to) {
        String fromName = article(from);
        if (to.isTrigger()) {
            return Optional.of(
                    "Nothing can connect into " + article(to) + ": a trigger is where events enter the design.");
        }
        return switch (from.category()) {
            case TRIGGER -> {
                if (to == NodeKind.API_GATEWAY) {
                    yield from == NodeKind.HTTP_TRIGGER
                            ? Optional.empty()
                            : Optional.of("Only an HTTP trigger can send requests to an API gateway.");
                }
                yield to == NodeKind.FUNCTION
                        ? Optional.empty()
                        : Optional.of(capitalised(fromName) + " must start a function"
                                + (from == NodeKind.HTTP_TRIGGER ? " or an API gateway" : "")
                                + ", not " + article(to) + ".");
            }
            case GATEWAY ->
                to == NodeKind.FUNCTION
                        ? Optional.empty()
                        : Optional.of("An API gateway routes requests to functions; put a function between it and "
                                + article(to) + ".");
            case FUNCTION ->
                to == NodeKind.API_GATEWAY
                        ? Optional.of(
                                "A function cannot call the API gateway; connect it to the function behind the route.")
                        : Optional.empty();
            case SERVICE -> {
                if (to != NodeKind.FUNCTION) {
                    yield Optional.of("Services do not call each other: put a function between " + fromName + " and "
                            + article(to) + ".");
                }
                yield switch (from) {
                    case QUEUE, TOPIC, BUCKET -> Optional.empty();
                    default ->
                        Optional.of(capitalised(fromName)
                                + " cannot start a function; only a queue, a topic or a bucket can.");
                };
            }
        };
    }

    /**
     * Whether the caller waits for the answer. Only a function calling a function has a choice; it
     * is synchronous unless the edge says {@code async}.
     */
    public static boolean isSynchronous(NodeKind from, NodeKind to, Edge.Invocation invocation) {
        return switch (classify(from, to)) {
            case ROUTE, CALL -> true;
            case INVOKE -> invocation != Edge.Invocation.ASYNC;
            case EVENT -> from == NodeKind.HTTP_TRIGGER;
        };
    }

    /** Whether a function started from {@code from} is fed batches of messages by a poller. */
    public static boolean isBatched(NodeKind from) {
        return from == NodeKind.QUEUE_TRIGGER || from == NodeKind.QUEUE || from == NodeKind.STREAM_TRIGGER;
    }

    /** The batching a new edge from {@code from} gets: 10 messages for queues, 100 records for streams. */
    public static Optional<Edge.Batching> defaultBatching(NodeKind from) {
        return switch (from) {
            case QUEUE_TRIGGER, QUEUE -> Optional.of(new Edge.Batching(10, 0));
            case STREAM_TRIGGER -> Optional.of(new Edge.Batching(100, 0));
            default -> Optional.empty();
        };
    }

    private static EdgeKind classify(NodeKind from, NodeKind to) {
        if (from.category() == Category.GATEWAY) {
            return EdgeKind.ROUTE;
        }
        if (from == NodeKind.FUNCTION) {
            return to == NodeKind.FUNCTION ? EdgeKind.INVOKE : EdgeKind.CALL;
        }
        return EdgeKind.EVENT;
    }

    private static String article(NodeKind kind) {
        return kind.withArticle();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
