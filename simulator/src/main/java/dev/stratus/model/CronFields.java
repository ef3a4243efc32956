package dev.stratus.model;

import dev.stratus.model.ScheduleExpression.InvalidScheduleException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the six fields of an AWS cron expression against AWS's rules. */
final class CronFields {

    private static final List<String> NAMES =
            List.of("minutes", "hours", "day-of-month", "month", "day-of-week", "year");
    private static final int[] MIN = {0, 0, 1, 1, 1, 1970};
    private static final int[] MAX = {59, 23, 31, 12, 7, 2199};
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern VALUE = Pattern.compile("[0-9]+|[A-Za-z]{3}");
    private static final int DAY_OF_MONTH = 2;
    private static final int MONTH = 3;
    private static final int DAY_OF_WEEK = 4;

    private CronFields() {}

    static ScheduleExpression.Cron parse(String body) throws InvalidScheduleException {
        String[] fields = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (fields.length != 6) {
            throw new InvalidScheduleException("cron(" + body + ") has " + fields.length
                    + " fields; AWS cron takes six: minutes hours day-of-month month day-of-week year");
        }
        for (int i = 0; i < 6; i++) {
            for (String part : fields[i].split(",", -1)) {
                checkPart(body, i, part.toUpperCase(Locale.ROOT));
            }
        }
        boolean domAny = fields[DAY_OF_MONTH].equals("?");
        boolean dowAny = fields[DAY_OF_WEEK].equals("?");
        if (domAny == dowAny) {
            throw new InvalidScheduleException("cron(" + body + "): exactly one of day-of-month and day-of-week "
                    + "must be '?', for example cron(0 2 * * ? *) or cron(0 2 ? * MON *)");
        }
        return new ScheduleExpression.Cron(List.of(fields));
    }

    private static void checkPart(String body, int field, String part) throws InvalidScheduleException {
        String where = "cron(" + body + "): the " + NAMES.get(field) + " field";
        if (part.isEmpty()) {
            throw new InvalidScheduleException(where + " has an empty value");
        }
        if (part.equals("*")) {
            return;
        }
        if (part.equals("?")) {
            if (field == DAY_OF_MONTH || field == DAY_OF_WEEK) {
                return;
            }
            throw new InvalidScheduleException(where + " cannot be '?'; only the day fields can");
        }
        if (field == DAY_OF_MONTH && (part.equals("L") || part.equals("LW"))) {
            return;
        }
        if (field == DAY_OF_MONTH && part.endsWith("W")) {
            checkValue(where, field, part.substring(0, part.length() - 1));
            return;
        }
        if (field == DAY_OF_WEEK && part.equals("L")) {
            return;
        }
        if (field == DAY_OF_WEEK && part.endsWith("L")) {
            checkValue(where, field, part.substring(0, part.length() - 1));
            return;
        }
        if (field == DAY_OF_WEEK && part.contains("#")) {
            String[] pieces = part.split("#", -1);
            checkValue(where, field, pieces[0]);
            if (pieces.length != 2 || !pieces[1].matches("[1-5]")) {
                throw new InvalidScheduleException(
                        where + ": '" + part + "' needs a week of the month from 1 to 5 after #");
            }
            return;
        }
        String range = part;
        if (part.contains("/")) {
            String[] pieces = part.split("/", -1);
            if (pieces.length != 2 || !pieces[1].matches("[0-9]+") || Integer.parseInt(pieces[1]) == 0) {
                throw new InvalidScheduleException(where + ": '" + part + "' needs a positive step after /");
            }
            range = pieces[0];
            if (range.equals("*")) {
                return;
            }
        }
        if (range.contains("-")) {
            String[] bounds = range.split("-", -1);
            if (bounds.length != 2) {
                throw new InvalidScheduleException(where + ": '" + part + "' is not a range like 1-5");
            }
            checkValue(where, field, bounds[0]);
            checkValue(where, field, bounds[1]);
            return;
        }
        checkValue(where, field, range);
    }

    private static void checkValue(String where, int field, String value) throws InvalidScheduleException {
        if (!VALUE.matcher(value).matches()) {
            throw new InvalidScheduleException(where + ": '" + value + "' is not a value it accepts");
        }
        if (Character.isLetter(value.charAt(0))) {
            boolean named =
                    (field == MONTH && MONTHS.contains(value)) || (field == DAY_OF_WEEK && DAYS.contains(value));
            if (!named) {
                throw new InvalidScheduleException(where + ": '" + value + "' is not a name it accepts");
            }
            return;
        }
        int number = Integer.parseInt(value);
        if (number < MIN[field] || number > MAX[field]) {
            throw new InvalidScheduleException(where + ": " + number + " is outside " + MIN[field] + "–" + MAX[field]);
        }
    }
}
