package dev.stratus.sim.graph;

/** A run stopped because a queue's backlog grew past what a simulation holds; the message says which. */
public final class BacklogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BacklogException(String message) {
        super(message);
    }
}
