package dev.stratus.sim.trace;

import dev.stratus.sim.pool.PoolListener;
import java.util.List;
import java.util.Map;

/**
 * Told by the design simulation what happens to requests, invocations and containers, as it happens:
 * see {@link TraceKind} for what each call means. Times are microseconds from the start of the run
 * and may lie ahead of the engine's clock (a function's calls are timed as its run is planned) or
 * behind it (an expiry found late); nodes are indices in the project's node list, edges in its edge
 * list. {@link #NONE} hears nothing and costs nothing: the engine always calls, never checks.
 */
public interface LifecycleListener {

    /** A listener that records nothing. */
    LifecycleListener NONE = new LifecycleListener() {};

    /** When the watched window starts, µs: the engine calls {@link #open} once before its first event there. */
    default long windowStart() {
        return Long.MAX_VALUE;
    }

    /** Whether queued messages must remember their request numbers. */
    default boolean tracksMessages() {
        return false;
    }

    /** The state at the window's start: the containers alive and the queues' depths by node id. */
    default void open(List<Trace.Snapshot> alive, Map<String, Integer> queueDepths) {}

    /** The listener for the pool of the function at node index {@code function}. */
    default PoolListener pool(int function) {
        return PoolListener.NONE;
    }

    /** Whether the listener has heard enough: the engine finishes the instant and stops. */
    default boolean full() {
        return false;
    }

    default void arrived(long time, int trigger, long request) {}

    default void hop(long time, int edge, long request, long travelMicros, long messages) {}

    /** An invocation started; returns its number, for {@link #invocationEnded}. */
    default int invocationStarted(long time, int function, int container, long request, boolean cold, long initMicros) {
        return -1;
    }

    /** @param flags {@link Trace#FAILED}, {@link Trace#TIMED_OUT} */
    default void invocationEnded(
            long time, int function, int container, long request, int invocation, int flags, long billedMicros) {}

    default void throttled(long time, int function, long request, boolean scaleOut, int instanceLimit) {}

    default void gatewayThrottled(long time, int gateway, long request) {}

    default void cacheHit(long time, int gateway, long request) {}

    default void serviceFailed(long time, int service, long request) {}

    default void queueDepth(long time, int queue, int depth) {}

    default void requestDone(long time, int trigger, long request, boolean failed, long latencyMicros, long messages) {}

    /** The run is over: everything before {@code horizon}, µs, has been told. */
    default void finished(long horizon) {}
}
