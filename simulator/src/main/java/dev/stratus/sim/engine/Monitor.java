package dev.stratus.sim.engine;

/**
 * Watches a run from outside: told the progress every so many events, and asked whether to stop.
 * Called on the simulating thread; implementations must be quick and thread-safe.
 */
public interface Monitor {

    /** A monitor that watches nothing and never cancels. */
    Monitor NONE = new Monitor() {};

    /** Events between calls to the monitor: a power of two, so checking is a mask. */
    int CHECK_EVERY = 1 << 16;

    /**
     * How far the run is.
     *
     * @param fraction of the simulated time done, 0 to 1
     */
    default void progress(double fraction) {}

    /**
     * How far the run is, and how much work it has done: what a view needs to show events per
     * second. By default the same as {@link #progress(double)}.
     *
     * @param fraction of the simulated time done, 0 to 1
     * @param events events processed so far
     */
    default void progress(double fraction, long events) {
        progress(fraction);
    }

    /** Whether the run should stop as soon as it can; its results then cover the time simulated so far. */
    default boolean cancelled() {
        return false;
    }
}
