package dev.stratus.validate;

import java.util.Objects;

/**
 * Something wrong with a design, in words for the person who drew it.
 *
 * @param severity an error stops a design from being simulated or exported; a warning does not
 * @param subject id of the node, edge or workload at fault, or {@code null} for the whole project
 * @param message what is wrong and, where it helps, what to do
 */
public record Problem(Severity severity, String subject, String message) {

    /** How much a problem matters. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String subject, String message) {
        return new Problem(Severity.ERROR, subject, message);
    }

    public static Problem warning(String subject, String message) {
        return new Problem(Severity.WARNING, subject, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: {@code error [orders]: message}. */
    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + (subject == null ? "" : " [" + subject + "]") + ": "
                + message;
    }
}
