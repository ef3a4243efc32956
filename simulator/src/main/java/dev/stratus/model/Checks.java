package dev.stratus.model;

import java.util.Objects;

/** Argument checks shared by the records' constructors; each failure names the field. */
final class Checks {
    private Checks() {}

    static String text(String value, String field) {
        Objects.requireNonNull(value, () -> field + " is missing");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static double positive(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive number, not " + value);
        }
        return value;
    }

    static double nonNegative(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be zero or more, not " + value);
        }
        return value;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be zero or more, not " + value);
        }
        return value;
    }

    static Double optionalPositive(Double value, String field) {
        return value == null ? null : positive(value, field);
    }
}
