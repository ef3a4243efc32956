package dev.stratus.provider;

import java.util.Objects;

/**
 * One published figure and where it comes from: a price, an allowance, a limit. Every number in the
 * price book is one of these, so a person can always ask "says who?".
 *
 * @param value the figure, in {@code unit}; {@code Double.POSITIVE_INFINITY} where the file says
 *     {@code null}, meaning "no limit"
 * @param unit what the value counts, for example {@code "USD per GB-s"} or {@code "MB"}
 * @param source the page or document it was read from; a figure that is not read from one starts with
 *     {@code "estimate"} and says what it rests on
 * @param asOf the date the figure was checked, {@code YYYY-MM-DD}
 */
public record Figure(double value, String unit, String source, String asOf) {

    public Figure {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a figure cannot be NaN");
        }
    }

    /** Whether the figure is an estimate rather than a published number. */
    public boolean isEstimate() {
        return source.startsWith("estimate");
    }

    /** Whether the figure is "no limit". */
    public boolean isUnbounded() {
        return value == Double.POSITIVE_INFINITY;
    }

    /** The value as a whole number; for counts and sizes, which the file holds as integers. */
    public int intValue() {
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalStateException("expected a whole number, not " + value + " " + unit);
        }
        return (int) value;
    }
}
