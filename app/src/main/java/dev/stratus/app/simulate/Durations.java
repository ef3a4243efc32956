package dev.stratus.app.simulate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated durations as people write them: {@code 90s}, {@code 15 min}, {@code 1h}, {@code 30
 * days}, {@code 1y} (365 days), or plain seconds; and back, in the largest whole unit.
 */
public final class Durations {

    /** The durations offered in the studio's list, seconds. */
    public static final List<Double> PRESETS =
            List.of(60.0, 600.0, 3_600.0, 6 * 3_600.0, 86_400.0, 7 * 86_400.0, 30 * 86_400.0);

    private static final Pattern DURATION =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?(?:e[0-9]+)?)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);

    private static final double MINUTE = 60;
    private static final double HOUR = 3_600;
    private static final double DAY = 86_400;
    private static final double YEAR = 365 * DAY;

    private Durations() {}

    /**
     * The seconds {@code text} stands for, or empty when it is no positive duration.
     *
     * @see #problem(String) for what to tell the person
     */
    public static Optional<Double> parse(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double unit = switch (m.group(2)) {
            case "ms" -> 0.001;
            case "", "s", "sec", "secs", "second", "seconds" -> 1;
            case "m", "min", "mins", "minute", "minutes" -> MINUTE;
            case "h", "hr", "hrs", "hour", "hours" -> HOUR;
            case "d", "day", "days" -> DAY;
            case "w", "wk", "week", "weeks" -> 7 * DAY;
            case "y", "yr", "year", "years" -> YEAR;
            default -> Double.NaN;
        };
        double seconds = Double.parseDouble(m.group(1)) * unit;
        return seconds > 0 && !Double.isInfinite(seconds) ? Optional.of(seconds) : Optional.empty();
    }

    /** What is wrong with {@code text} as a duration, in the person's words. */
    public static String problem(String text) {
        return "'" + text.strip() + "' is not a duration; write it like 90s, 15m, 1h, 1d or 1y";
    }

    /** {@code seconds} in the largest unit that divides it: 1 min, 6 h, 30 d, 1 y; else seconds. */
    public static String format(double seconds) {
        if (seconds >= YEAR && whole(seconds / YEAR)) {
            return number(seconds / YEAR) + " y";
        }
        if (seconds >= DAY && whole(seconds / DAY)) {
            return number(seconds / DAY) + " d";
        }
        if (seconds >= HOUR && whole(seconds / HOUR)) {
            return number(seconds / HOUR) + " h";
        }
        if (seconds >= MINUTE && whole(seconds / MINUTE)) {
            return number(seconds / MINUTE) + " min";
        }
        if (seconds < 1) {
            return number(Math.round(seconds * 1e6) / 1e3) + " ms";
        }
        return number(seconds) + " s";
    }

    /**
     * {@code seconds} to about three significant figures in a fitting unit, for a clock or progress
     * text: 12.5 s, 3.2 min, 14 h, 2.1 d.
     */
    public static String approximate(double seconds) {
        if (seconds >= YEAR) {
            return round(seconds / YEAR) + " y";
        }
        if (seconds >= DAY) {
            return round(seconds / DAY) + " d";
        }
        if (seconds >= HOUR) {
            return round(seconds / HOUR) + " h";
        }
        if (seconds >= MINUTE) {
            return round(seconds / MINUTE) + " min";
        }
        return round(seconds) + " s";
    }

    private static boolean whole(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9;
    }

    private static String number(double value) {
        if (whole(value)) {
            return String.format(Locale.ROOT, "%,d", Math.round(value));
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    private static String round(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
