package dev.stratus.sim.workload;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An AWS six-field cron expression ({@code minutes hours day-of-month month day-of-week year}, UTC)
 * compiled to bit masks, and the search for its next firing minute. Times are epoch minutes (minutes
 * since 1970-01-01T00:00Z).
 *
 * <p>Fields take values, names ({@code JAN}–{@code DEC}, {@code SUN}–{@code SAT}), lists ({@code ,}),
 * ranges ({@code -}, wrapping round when the end is before the start, as {@code FRI-MON}), steps
 * ({@code /}) and {@code *}. The day fields add {@code ?} (any: the other day field decides), {@code
 * L} (the last day of the month; alone in day-of-week, Saturday), {@code nW} (the weekday nearest the
 * n-th, within the month), {@code LW} (the last weekday), {@code dL} (the month's last day d of the
 * week) and {@code d#n} (its n-th day d). Day-of-week 1 is Sunday.
 *
 * <p>The search skips years, then months, that cannot match, tests each remaining day once and finds
 * the minute within a day with bit operations, so it never walks minute by minute. Immutable.
 */
final class CronSchedule {

    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;
    private static final int MINUTES_PER_DAY = 1440;
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int SATURDAY = 7;
    private static final int SUNDAY = 1;

    private final long minutes;
    private final int hours;
    private final int months;
    private final BitSet years;
    private final boolean byDayOfWeek;
    private final long daysOfMonth;
    private final long nearestWeekdays;
    private final boolean lastDayOfMonth;
    private final boolean lastWeekdayOfMonth;
    private final int daysOfWeek;
    private final int lastDaysOfWeek;
    /** Index n (1–5): the days of the week whose n-th occurrence in the month matches. */
    private final int[] nthDaysOfWeek = new int[6];

    /** Compiles the six fields, which {@code ScheduleExpression.parse} has already checked. */
    CronSchedule(List<String> fields) {
        if (fields.size() != 6) {
            throw new IllegalArgumentException("a cron expression has six fields, not " + fields);
        }
        minutes = bits(values(fields.get(0), 0, 59, List.of()));
        hours = (int) bits(values(fields.get(1), 0, 23, List.of()));
        months = (int) bits(values(fields.get(3), 1, 12, MONTHS));
        years = values(fields.get(5), FIRST_YEAR, LAST_YEAR, List.of());

        String dayOfMonth = fields.get(2).toUpperCase(Locale.ROOT);
        String dayOfWeek = fields.get(4).toUpperCase(Locale.ROOT);
        byDayOfWeek = dayOfMonth.equals("?");

        BitSet plain = new BitSet();
        BitSet nearest = new BitSet();
        boolean last = false;
        boolean lastWeekday = false;
        for (String part : dayOfMonth.split(",", -1)) {
            if (part.equals("?")) {
                // Any day: day-of-week decides.
                continue;
            }
            if (part.equals("L")) {
                last = true;
            } else if (part.equals("LW")) {
                lastWeekday = true;
            } else if (part.endsWith("W")) {
                nearest.set(value(part.substring(0, part.length() - 1), List.of()));
            } else {
                addPart(plain, part, 1, 31, List.of());
            }
        }
        daysOfMonth = bits(plain);
        nearestWeekdays = bits(nearest);
        lastDayOfMonth = last;
        lastWeekdayOfMonth = lastWeekday;

        BitSet weekdays = new BitSet();
        BitSet lastWeekdays = new BitSet();
        for (String part : dayOfWeek.split(",", -1)) {
            if (part.equals("?")) {
                // Any day: day-of-month decides.
                continue;
            }
            if (part.equals("L")) {
                weekdays.set(SATURDAY);
            } else if (part.endsWith("L")) {
                lastWeekdays.set(value(part.substring(0, part.length() - 1), DAYS));
            } else if (part.contains("#")) {
                int hash = part.indexOf('#');
                int day = value(part.substring(0, hash), DAYS);
                int nth = Integer.parseInt(part.substring(hash + 1));
                nthDaysOfWeek[nth] |= 1 << day;
            } else {
                addPart(weekdays, part, 1, 7, DAYS);
            }
        }
        daysOfWeek = (int) bits(weekdays);
        lastDaysOfWeek = (int) bits(lastWeekdays);
    }

    /**
     * The first firing minute at or after {@code epochMinute}, or -1 if there is none up to the end
     * of {@value #LAST_YEAR}.
     */
    long firstAtOrAfter(long epochMinute) {
        long day = Math.floorDiv(epochMinute, MINUTES_PER_DAY);
        int fromMinuteOfDay = (int) Math.floorMod(epochMinute, (long) MINUTES_PER_DAY);
        while (true) {
            int date = CivilDays.date(day);
            int year = CivilDays.year(date);
            int month = CivilDays.month(date);
            if (year > LAST_YEAR) {
                return -1;
            }
            if (year < FIRST_YEAR || !years.get(year - FIRST_YEAR)) {
                int next = years.nextSetBit(Math.max(0, year - FIRST_YEAR + 1));
                if (next < 0) {
                    return -1;
                }
                day = CivilDays.epochDay(FIRST_YEAR + next, 1, 1);
                fromMinuteOfDay = 0;
                continue;
            }
            if ((months & (1 << month)) == 0) {
                int later = months & (-1 << (month + 1));
                day = later == 0
                        ? CivilDays.epochDay(year + 1, 1, 1)
                        : CivilDays.epochDay(year, Integer.numberOfTrailingZeros(later), 1);
                fromMinuteOfDay = 0;
                continue;
            }
            if (dayMatches(day, date)) {
                int minuteOfDay = firstMinuteOfDay(fromMinuteOfDay);
                if (minuteOfDay >= 0) {
                    return day * MINUTES_PER_DAY + minuteOfDay;
                }
            }
            day++;
            fromMinuteOfDay = 0;
        }
    }

    /** Whether the schedule fires at the epoch minute; the slow, obvious test the search must agree with. */
    boolean matches(long epochMinute) {
        long day = Math.floorDiv(epochMinute, MINUTES_PER_DAY);
        int minuteOfDay = (int) Math.floorMod(epochMinute, (long) MINUTES_PER_DAY);
        int date = CivilDays.date(day);
        int year = CivilDays.year(date);
        return year >= FIRST_YEAR
                && year <= LAST_YEAR
                && years.get(year - FIRST_YEAR)
                && (months & (1 << CivilDays.month(date))) != 0
                && dayMatches(day, date)
                && (hours & (1 << (minuteOfDay / 60))) != 0
                && (minutes & (1L << (minuteOfDay % 60))) != 0;
    }

    /** The first minute of a matching day at or after {@code from} whose hour and minute match, or -1. */
    private int firstMinuteOfDay(int from) {
        int fromHour = from / 60;
        int matchingHours = hours & (-1 << fromHour);
        while (matchingHours != 0) {
            int hour = Integer.numberOfTrailingZeros(matchingHours);
            long matchingMinutes = hour == fromHour ? minutes & (-1L << (from % 60)) : minutes;
            if (matchingMinutes != 0) {
                return hour * 60 + Long.numberOfTrailingZeros(matchingMinutes);
            }
            matchingHours &= matchingHours - 1;
        }
        return -1;
    }

    private boolean dayMatches(long epochDay, int date) {
        int day = CivilDays.day(date);
        int length = CivilDays.lengthOfMonth(CivilDays.year(date), CivilDays.month(date));
        int weekday = CivilDays.dayOfWeek(epochDay);
        if (byDayOfWeek) {
            int bit = 1 << weekday;
            return (daysOfWeek & bit) != 0
                    || ((lastDaysOfWeek & bit) != 0 && day + 7 > length)
                    || (nthDaysOfWeek[(day - 1) / 7 + 1] & bit) != 0;
        }
        if ((daysOfMonth & (1L << day)) != 0) {
            return true;
        }
        if (lastDayOfMonth && day == length) {
            return true;
        }
        if (lastWeekdayOfMonth && day == nearestWeekday(length, day, weekday, length)) {
            return true;
        }
        if (nearestWeekdays == 0) {
            return false;
        }
        // The weekday nearest the n-th is at most two days from it.
        for (int n = Math.max(1, day - 2); n <= Math.min(length, day + 2); n++) {
            if ((nearestWeekdays & (1L << n)) != 0 && nearestWeekday(n, day, weekday, length) == day) {
                return true;
            }
        }
        return false;
    }

    /**
     * The weekday nearest day {@code n} of the month without leaving the month: Saturday moves to the
     * Friday before (or the Monday after, on the 1st), Sunday to the Monday after (or the Friday
     * before, on the last day). {@code day} and {@code weekday} are any known day and its weekday.
     */
    private static int nearestWeekday(int n, int day, int weekday, int length) {
        int weekdayOfN = Math.floorMod(weekday - 1 + n - day, 7) + 1;
        if (weekdayOfN == SATURDAY) {
            return n == 1 ? 3 : n - 1;
        }
        if (weekdayOfN == SUNDAY) {
            return n == length ? n - 2 : n + 1;
        }
        return n;
    }

    private static BitSet values(String field, int min, int max, List<String> names) {
        BitSet set = new BitSet();
        for (String part : field.toUpperCase(Locale.ROOT).split(",", -1)) {
            addPart(set, part, min, max, names);
        }
        // Year bits are stored from FIRST_YEAR so the set stays small.
        return min == FIRST_YEAR ? set.get(FIRST_YEAR, LAST_YEAR + 1) : set;
    }

    /** Adds {@code *}, a value, a range (wrapping round) or a stepped form of either. */
    private static void addPart(BitSet set, String part, int min, int max, List<String> names) {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            step = Integer.parseInt(part.substring(slash + 1));
            range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*") || range.equals("?")) {
            from = min;
            to = max;
        } else if (range.indexOf('-') > 0) {
            int dash = range.indexOf('-');
            from = value(range.substring(0, dash), names);
            to = value(range.substring(dash + 1), names);
        } else {
            from = value(range, names);
            to = slash >= 0 ? max : from;
        }
        int span = max - min + 1;
        if (to < from) {
            to += span;
        }
        for (int v = from; v <= to; v += step) {
            set.set(v > max ? v - span : v);
        }
    }

    private static int value(String text, List<String> names) {
        int named = names.indexOf(text);
        if (named >= 0) {
            // Months and days of the week both number from 1.
            return named + 1;
        }
        return Integer.parseInt(text);
    }

    private static long bits(BitSet set) {
        long[] words = set.toLongArray();
        return words.length == 0 ? 0 : words[0];
    }
}
