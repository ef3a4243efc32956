package dev.stratus.sim.engine;

/** Thrown by a run whose {@link Monitor} asked it to stop. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("the simulation was cancelled");
    }
}
