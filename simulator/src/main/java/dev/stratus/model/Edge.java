package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A connection from one node to another. What an edge means follows from the kinds it joins (see
 * {@link ConnectionRules}); the few settings that are a choice live here.
 *
 * @param id stable identifier
 * @param from id of the node the edge leaves
 * @param to id of the node the edge enters
 * @param invocation for a function calling a function: wait for the answer ({@code sync}) or not
 *     ({@code async}); {@code null} elsewhere, where the kinds decide
 * @param route for an API gateway's edge to a function: method and path, like {@code GET /items/{id}}
 * @param batching for an edge from a queue or stream to a function: how messages are batched
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Edge(String id, String from, String to, Invocation invocation, String route, Batching batching) {

    /** Whether a caller waits for the callee's answer. */
    public enum Invocation {
        SYNC("sync"),
        ASYNC("async");

        private final String id;

        Invocation(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /**
     * How a poller batches messages for a function.
     *
     * @param size most messages per invocation, at least 1
     * @param windowSeconds longest wait to fill a batch, seconds (0: take what is there)
     */
    public record Batching(int size, double windowSeconds) {
        public Batching {
            if (size < 1) {
                throw new IllegalArgumentException("batching.size must be at least 1, not " + size);
            }
            Checks.nonNegative(windowSeconds, "batching.windowSeconds");
        }
    }

    public Edge {
        Checks.text(id, "id");
        Checks.text(from, "from");
        Checks.text(to, "to");
        route = route == null || route.isBlank() ? null : route.strip();
    }

    public static Edge of(String id, String from, String to) {
        return new Edge(id, from, to, null, null, null);
    }

    public Edge withRoute(String route) {
        return new Edge(id, from, to, invocation, route, batching);
    }

    public Edge withInvocation(Invocation invocation) {
        return new Edge(id, from, to, invocation, route, batching);
    }

    public Edge withBatching(Batching batching) {
        return new Edge(id, from, to, invocation, route, batching);
    }
}
