package dev.stratus.sim.workload;

/**
 * A source of arrival times for one entry point of a simulation.
 *
 * <p>Invariants: times are microseconds from the start of the run; successive calls to {@link
 * #next()} never return a smaller value; once a process returns {@link Long#MAX_VALUE} (no more
 * arrivals) it keeps returning it. Implementations allocate nothing per call and are not
 * thread-safe: a process belongs to one simulation.
 */
public interface ArrivalProcess {

    /** A process with no arrivals at all. */
    ArrivalProcess NONE = () -> Long.MAX_VALUE;

    /** The time of the next arrival in microseconds, or {@link Long#MAX_VALUE} when there is none. */
    long next();
}
