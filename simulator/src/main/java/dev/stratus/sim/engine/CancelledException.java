package dev.stratus.sim.engine;

/**
 * Thrown by a run that has nothing to give when its {@link Monitor} asks it to stop: {@code
 * ModelSimulation}'s. A design simulation stops with the result of the time it simulated instead.
 */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("the simulation was cancelled");
    }
}
