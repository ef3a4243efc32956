package dev.stratus.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule in the AWS EventBridge form: {@code rate(5 minutes)} or {@code cron(0 2 * * ? *)} (six
 * fields: minutes, hours, day of month, month, day of week, year). {@link #parse} accepts exactly what
 * AWS accepts and explains what is wrong otherwise.
 */
public sealed interface ScheduleExpression {

    /** A fixed interval. */
    record Rate(long value, String unit) implements ScheduleExpression {
        /** The interval in seconds. */
        public long periodSeconds() {
            return value
                    * switch (unit) {
                        case "minute", "minutes" -> 60L;
                        case "hour", "hours" -> 3600L;
                        default -> 86_400L;
                    };
        }
    }

    /** A six-field cron schedule, fields as written. */
    record Cron(List<String> fields) implements ScheduleExpression {
        public Cron {
            fields = List.copyOf(fields);
        }
    }

    /** Thrown for an expression AWS would refuse; the message says why. */
    final class InvalidScheduleException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidScheduleException(String message) {
            super(message);
        }
    }

    Pattern RATE = Pattern.compile("rate\\((.*)\\)");
    Pattern CRON = Pattern.compile("cron\\((.*)\\)");

    static ScheduleExpression parse(String expression) throws InvalidScheduleException {
        String text = expression == null ? "" : expression.strip();
        if (text.isEmpty()) {
            throw new InvalidScheduleException("the schedule is empty; write rate(5 minutes) or cron(0 2 * * ? *)");
        }
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            return parseRate(rate.group(1).strip());
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return CronFields.parse(cron.group(1).strip());
        }
        throw new InvalidScheduleException(
                "'" + text + "' is neither rate(...) nor cron(...); write rate(5 minutes) or cron(0 2 * * ? *)");
    }

    private static Rate parseRate(String body) throws InvalidScheduleException {
        String[] parts = body.split("\\s+", -1);
        if (parts.length != 2) {
            throw new InvalidScheduleException("rate(" + body + ") needs a number and a unit, like rate(5 minutes)");
        }
        long value;
        try {
            value = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException("rate(" + body + "): '" + parts[0] + "' is not a whole number");
        }
        if (value < 1) {
            throw new InvalidScheduleException("rate(" + body + "): the value must be a positive whole number");
        }
        String unit = parts[1].toLowerCase(Locale.ROOT);
        if (!List.of("minute", "minutes", "hour", "hours", "day", "days").contains(unit)) {
            throw new InvalidScheduleException(
                    "rate(" + body + "): '" + parts[1] + "' is not a unit; use minutes, hours or days");
        }
        boolean singular = !unit.endsWith("s");
        if (value == 1 && !singular) {
            throw new InvalidScheduleException("rate(" + body + "): for a value of 1 the unit is singular, rate(1 "
                    + unit.substring(0, unit.length() - 1) + ")");
        }
        if (value != 1 && singular) {
            throw new InvalidScheduleException("rate(" + body + "): for a value other than 1 the unit is plural, rate("
                    + value + " " + unit + "s)");
        }
        return new Rate(value, unit);
    }
}
