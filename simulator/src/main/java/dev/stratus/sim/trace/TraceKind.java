package dev.stratus.sim.trace;

/**
 * What a recorded event is. Each says what the {@link Trace}'s columns hold for it; a column not
 * named is -1 (node, edge, container, request, invocation) or 0 (flags, value, value2). Times are
 * microseconds from the start of the run.
 */
public enum TraceKind {
    /**
     * A container starts. Node: the function; container; flags {@link Trace#PROVISIONED} or {@link
     * Trace#PREWARMED}; value: its init time, µs, for a cold start (0 otherwise); request: the request
     * whose cold start it is. A cold start's container is created when the request starts.
     */
    CONTAINER_CREATED,
    /**
     * A container is reclaimed, at the moment it expired (idle since plus keep-alive), or at its
     * invocation's end with a keep-alive of 0. Under the hybrid policy an unloaded container expires
     * when unloaded and comes back as a new, {@link Trace#PREWARMED} one. Node: the function; container.
     */
    CONTAINER_EXPIRED,
    /** A request or event arrives at an entry trigger. Node: the trigger; request. */
    REQUEST_ARRIVED,
    /**
     * A request or message crosses an edge. Time: its departure; edge; request; value: the travel time,
     * µs (0 when instant); value2: the messages it carries (a batch from a queue counts once with its
     * size, anything else 1).
     */
    HOP,
    /**
     * An invocation gets an instance. Node: the function; container; request; invocation; flags {@link
     * Trace#COLD}; value: the init time when cold, µs (the container is starting until time + value,
     * then busy).
     */
    INVOCATION_STARTED,
    /**
     * An invocation ends. Node: the function; container; request; invocation; flags {@link
     * Trace#FAILED} (and {@link Trace#TIMED_OUT} for a timeout); value: its billed duration, µs.
     */
    INVOCATION_ENDED,
    /**
     * An invocation finds no instance. Node: the function; request; flags {@link Trace#SCALE_OUT} when
     * the scale-out rate stopped it (else the instance limit); value2: the function's instance limit.
     */
    THROTTLED,
    /** The API gateway's rate limit turns a request away. Node: the gateway; request. */
    GATEWAY_THROTTLED,
    /** The API gateway's cache answers a request. Node: the gateway; request. */
    CACHE_HIT,
    /** A service over its capacity fails a call. Node: the service; request. */
    SERVICE_FAILED,
    /**
     * A queue's or stream's depth changes. Node: the Queue service or the Queue/Stream trigger; value:
     * the depth after the change.
     */
    QUEUE_DEPTH,
    /**
     * A request an entry trigger started is answered or has failed. Node: the trigger; request; flags
     * {@link Trace#FAILED}; value: its end-to-end latency, µs; value2: the messages (a batch's size, else 1).
     */
    REQUEST_DONE;

    static final TraceKind[] ALL = values();
}
