package dev.stratus.learn;

import java.util.Locale;

/**
 * How the experiments write the figures of a run for people, the same in their sentences, in the
 * command line's tables and in the studio's columns, so a figure in a sentence can be found in the
 * table beside it: counts grouped by thousands ("1,234"), latencies in whole milliseconds from 10 ms
 * and to one decimal below ("12 ms", "4.5 ms"), shares as percentages, money in USD to the cent.
 */
public final class Numbers {

    private Numbers() {}

    /** A count grouped by thousands: {@code 1,234}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code value} things: {@code 1 invocation}, {@code 1,234 invocations}. */
    public static String count(long value, String one, String many) {
        return count(value) + " " + (value == 1 ? one : many);
    }

    /** A latency: {@code 512 ms} from 10 ms, {@code 4.5 ms} below. */
    public static String ms(double value) {
        return value >= 10
                ? String.format(Locale.ROOT, "%,.0f ms", value)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    /**
     * A share as a percentage: two significant decimals below 1 % ({@code 0.018 %}), one decimal
     * from 1 % ({@code 12.5 %}), and exactly {@code 0 %} and {@code 100 %} at the ends.
     */
    public static String percent(double fraction) {
        double percent = 100 * fraction;
        if (percent == 0 || percent == 100) {
            return String.format(Locale.ROOT, "%.0f %%", percent);
        }
        if (percent < 1) {
            return String.format(Locale.ROOT, "%.2g %%", percent);
        }
        return String.format(Locale.ROOT, "%.1f %%", percent);
    }

    /** USD to the cent, grouped by thousands: {@code $3.10}, {@code $2,480.29}. */
    public static String usd(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** A time in minutes or seconds: {@code 10 min}, {@code 45 s}. */
    public static String duration(double seconds) {
        if (seconds >= 60 && seconds % 60 == 0) {
            return String.format(Locale.ROOT, "%,.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%,.0f s", seconds);
    }
}
