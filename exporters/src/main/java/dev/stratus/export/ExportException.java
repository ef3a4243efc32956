package dev.stratus.export;

/** A design that cannot be exported to a target; the message names the node and what to change. */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
