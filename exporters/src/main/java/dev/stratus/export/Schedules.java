package dev.stratus.export;

import dev.stratus.model.ScheduleExpression;
import java.util.List;
import java.util.Locale;

/**
 * Schedules in the forms other clouds take. Stratus keeps AWS's {@code rate(...)} and six-field
 * {@code cron(...)}; Google Cloud Scheduler and OpenWhisk's alarm feed take five-field Unix cron, Azure
 * takes six-field NCRONTAB with seconds first.
 */
public final class Schedules {

    private Schedules() {}

    /** A schedule in another form, with a note when it only approximates the original. */
    public record Converted(String expression, String note) {}

    /** Five-field Unix cron: minute, hour, day of month, month, day of week (0 = Sunday). */
    public static Converted unixCron(ScheduleExpression expression, String scheduleName) throws ExportException {
        if (expression instanceof ScheduleExpression.Rate rate) {
            return fromRate(rate, scheduleName);
        }
        return fromCron((ScheduleExpression.Cron) expression, scheduleName);
    }

    /** Six-field NCRONTAB for Azure timer triggers: second, minute, hour, day, month, day of week. */
    public static Converted ncrontab(ScheduleExpression expression, String scheduleName) throws ExportException {
        Converted unix = unixCron(expression, scheduleName);
        return new Converted("0 " + unix.expression(), unix.note());
    }

    private static Converted fromRate(ScheduleExpression.Rate rate, String name) {
        long seconds = rate.periodSeconds();
        long minutes = seconds / 60;
        String original = "rate(" + rate.value() + " " + rate.unit() + ")";
        if (minutes < 60) {
            return exact(minutes == 1 ? "* * * * *" : "*/" + minutes + " * * * *", 60 % minutes == 0, name, original);
        }
        long hours = minutes / 60;
        if (minutes % 60 == 0 && hours < 24) {
            return exact(hours == 1 ? "0 * * * *" : "0 */" + hours + " * * *", 24 % hours == 0, name, original);
        }
        if (minutes % 60 == 0 && hours % 24 == 0) {
            long days = hours / 24;
            return exact(days == 1 ? "0 0 * * *" : "0 0 */" + days + " * *", days == 1, name, original);
        }
        // A period in minutes that is not a whole number of hours, longer than an hour.
        return new Converted(
                "*/" + Math.min(minutes, 59) + " * * * *",
                "The schedule '" + name + "' (" + original + ") has no exact cron form; it is exported as every "
                        + Math.min(minutes, 59) + " minutes.");
    }

    private static Converted exact(String cron, boolean exact, String name, String original) {
        return new Converted(
                cron,
                exact
                        ? null
                        : "The schedule '" + name + "' (" + original + ") is exported as cron '" + cron
                                + "', which restarts its count at each hour, day or month.");
    }

    private static Converted fromCron(ScheduleExpression.Cron cron, String name) throws ExportException {
        List<String> fields = cron.fields();
        for (String field : fields) {
            if (field.contains("L") || field.contains("W") || field.contains("#")) {
                throw new ExportException("the schedule '" + name + "' uses L, W or #, which only AWS understands;"
                        + " write it with plain values, ranges, lists and steps");
            }
        }
        String dayOfMonth = fields.get(2).equals("?") ? "*" : fields.get(2);
        String dayOfWeek = fields.get(4).equals("?") ? "*" : dayOfWeek(fields.get(4));
        String note = fields.get(5).equals("*")
                ? null
                : "The schedule '" + name + "' names the years " + fields.get(5) + "; cron has no year field,"
                        + " so the exported schedule runs every year.";
        return new Converted(
                String.join(" ", fields.get(0), fields.get(1), dayOfMonth, fields.get(3), dayOfWeek), note);
    }

    /** AWS numbers days 1 (Sunday) to 7 (Saturday); Unix cron 0 (Sunday) to 6. Names stay names. */
    private static String dayOfWeek(String field) {
        StringBuilder out = new StringBuilder();
        StringBuilder number = new StringBuilder();
        boolean afterSlash = false;
        for (char c : field.toCharArray()) {
            if (Character.isDigit(c)) {
                number.append(c);
                continue;
            }
            // A step ("*/2") counts days, it does not name one: it is not shifted.
            flushDay(out, number, afterSlash);
            afterSlash = c == '/';
            out.append(c);
        }
        flushDay(out, number, afterSlash);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static void flushDay(StringBuilder out, StringBuilder number, boolean step) {
        if (number.length() > 0) {
            int value = Integer.parseInt(number.toString());
            out.append(step ? value : value - 1);
            number.setLength(0);
        }
    }
}
