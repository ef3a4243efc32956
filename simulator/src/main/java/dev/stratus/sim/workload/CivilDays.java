package dev.stratus.sim.workload;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01) without allocating,
 * after Howard Hinnant's {@code days_from_civil} and {@code civil_from_days}. A date is packed in an
 * int as {@code year << 9 | month << 5 | day}.
 */
final class CivilDays {

    private CivilDays() {}

    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    static int date(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
        return year << 9 | month << 5 | day;
    }

    static int year(int date) {
        return date >> 9;
    }

    static int month(int date) {
        return (date >> 5) & 0xf;
    }

    static int day(int date) {
        return date & 0x1f;
    }

    /** The day of the week, 1 = Sunday to 7 = Saturday, as AWS cron numbers them. */
    static int dayOfWeek(long epochDay) {
        // 1970-01-01 was a Thursday, day 5.
        return (int) Math.floorMod(epochDay + 4, 7L) + 1;
    }

    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }
}
