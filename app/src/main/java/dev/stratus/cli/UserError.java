package dev.stratus.cli;

/**
 * A failure the user can act on, told in one line with no stack trace: an unreadable file, a
 * missing folder. {@link #exitCode()} is what the command exits with.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UserError(String message) {
        this(message, StratusCommand.UNUSABLE, null);
    }

    public UserError(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
