package dev.stratus.app.results;

import java.util.Locale;

/**
 * How the studio writes the figures of a run: counts grouped by thousands, latencies in ms to one
 * decimal, probabilities as percentages, money in USD, and the change between two runs with an
 * arrow ({@code ▲ 12.0 ms}, {@code ▼ $3.10}). The tables use the same precision as {@code stratus
 * simulate}, so a figure can be found in either.
 */
public final class Figures {

    /** Up, for a figure that grew. */
    public static final String UP = "\u25b2";

    /** Down, for a figure that shrank. */
    public static final String DOWN = "\u25bc";

    private Figures() {}

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A latency, ms to one decimal: {@code 24.3 ms}. */
    public static String ms(double value) {
        if (value >= 100_000) {
            return String.format(Locale.ROOT, "%,.0f ms", value);
        }
        return String.format(Locale.ROOT, "%,.1f ms", value);
    }

    /** A share as a percentage to two decimals: {@code 0.41 %}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    /** USD to the cent, or to four significant decimals below a cent: {@code $1,234.50}, {@code $0.0031}. */
    public static String usd(double value) {
        if (value != 0 && Math.abs(value) < 0.01) {
            return String.format(Locale.ROOT, "$%.4f", value);
        }
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** {@code value} to 12 significant digits, as bills print quantities. */
    public static java.math.BigDecimal significant(double value) {
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(12))
                .stripTrailingZeros();
    }

    /** A bill's quantity: 12 significant digits, grouped by thousands, at most 6 decimals. */
    public static String quantity(double value) {
        java.math.BigDecimal rounded = significant(value);
        return rounded.scale() <= 0
                ? String.format(Locale.ROOT, "%,d", rounded.toBigInteger())
                : String.format(Locale.ROOT, "%,." + Math.min(rounded.scale(), 6) + "f", rounded);
    }

    /** A rate per second: {@code 50.2/s}, {@code 0.0031/s}. */
    public static String perSecond(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f/s", value);
        }
        if (value >= 1) {
            return String.format(Locale.ROOT, "%.1f/s", value);
        }
        return String.format(Locale.ROOT, "%.3g/s", value);
    }

    /** A number to three significant figures with a thousands, million or billion suffix: 3.1 M. */
    public static String compact(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.3g G", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.3g M", value / 1e6);
        }
        if (abs >= 1e4) {
            return String.format(Locale.ROOT, "%.3g k", value / 1e3);
        }
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** The change from {@code before} to {@code after} of a count: {@code ▲ 1,204}; empty when none. */
    public static String countDelta(long before, long after) {
        long change = after - before;
        return change == 0 ? "" : arrow(change) + " " + count(Math.abs(change));
    }

    /** The change of a latency: {@code ▲ 12.0 ms}; empty when it rounds to nothing. */
    public static String msDelta(double before, double after) {
        double change = after - before;
        return Math.abs(change) < 0.05 ? "" : arrow(change) + " " + ms(Math.abs(change));
    }

    /** The change of a share, in percentage points: {@code ▼ 0.12 pp}; empty when it rounds to nothing. */
    public static String percentDelta(double before, double after) {
        double change = 100 * (after - before);
        return Math.abs(change) < 0.005
                ? ""
                : arrow(change) + " " + String.format(Locale.ROOT, "%.2f pp", Math.abs(change));
    }

    /** The change of an amount of money: {@code ▼ $3.10}; empty when it rounds to nothing. */
    public static String usdDelta(double before, double after) {
        double change = after - before;
        return Math.abs(change) < 0.005 && Math.abs(change) < 1e-4 * Math.abs(before)
                ? ""
                : arrow(change) + " " + usd(Math.abs(change));
    }

    private static String arrow(double change) {
        return change > 0 ? UP : DOWN;
    }
}
