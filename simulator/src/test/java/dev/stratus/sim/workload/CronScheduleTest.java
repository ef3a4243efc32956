package dev.stratus.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.ScheduleExpression;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    private static final long START = LocalDate.of(2026, 1, 5).toEpochDay() * 1440;
    private static final int MINUTES = 120 * 1440;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cron(0 2 * * ? *)",
                "cron(0/15 * * * ? *)",
                "cron(0 9 ? * MON-FRI *)",
                "cron(0 0 L * ? *)",
                "cron(30 17 LW * ? *)",
                "cron(0 8 1W,15W * ? *)",
                "cron(0 10 ? * 3#2,5#5 *)",
                "cron(0 18 ? * 6L,2 *)",
                "cron(7,59 23 29-2 * ? *)",
                "cron(*/20 */5 ? FEB-APR SAT-SUN *)",
                "cron(0 0 31 * ? 2026)"
            })
    void theFastSearchFindsExactlyTheMinutesThatMatch(String expression) throws Exception {
        ScheduleExpression.Cron cron = (ScheduleExpression.Cron) ScheduleExpression.parse(expression);
        CronSchedule schedule = new CronSchedule(cron.fields());
        long next = schedule.firstAtOrAfter(START);
        for (long minute = START; minute < START + MINUTES; minute++) {
            boolean expected = schedule.matches(minute);
            assertThat(minute == next).as("%s at minute %d", expression, minute).isEqualTo(expected);
            if (expected) {
                next = schedule.firstAtOrAfter(minute + 1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1970, 1999, 2000, 2024, 2026, 2100, 2199})
    void theCalendarAgreesWithJavaTime(int year) {
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            long epochDay = date.toEpochDay();
            int packed = CivilDays.date(epochDay);
            assertThat(new int[] {CivilDays.year(packed), CivilDays.month(packed), CivilDays.day(packed)})
                    .containsExactly(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            assertThat(CivilDays.epochDay(year, date.getMonthValue(), date.getDayOfMonth()))
                    .isEqualTo(epochDay);
            assertThat(CivilDays.dayOfWeek(epochDay))
                    .isEqualTo(date.getDayOfWeek().getValue() % 7 + 1);
            assertThat(CivilDays.lengthOfMonth(year, date.getMonthValue())).isEqualTo(date.lengthOfMonth());
        }
    }
}
