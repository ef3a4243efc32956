package dev.stratus.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.model.ScheduleTrigger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Expected firings are computed with java.time, independently of the schedule's own calendar code. */
class ScheduleArrivalsTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 0, 0);

    private static ArrivalProcess schedule(String expression) {
        return ScheduleArrivals.of(new ScheduleTrigger("nightly", "Nightly", expression));
    }

    private static long micros(LocalDateTime time) {
        return ChronoUnit.MICROS.between(START, time);
    }

    private static List<LocalDateTime> firings(String expression, int count) {
        ArrivalProcess process = schedule(expression);
        List<LocalDateTime> times = new ArrayList<>();
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long t = process.next();
            if (t == Long.MAX_VALUE) {
                break;
            }
            assertThat(t).isGreaterThan(previous);
            previous = t;
            times.add(START.plus(t, ChronoUnit.MICROS));
        }
        return times;
    }

    /** The given time of day on each date from the start for which {@code pick} holds, the first n. */
    private static List<LocalDateTime> daily(LocalTime time, int n, Function<LocalDate, Boolean> pick) {
        List<LocalDateTime> times = new ArrayList<>();
        for (LocalDate date = START.toLocalDate(); times.size() < n; date = date.plusDays(1)) {
            if (pick.apply(date)) {
                times.add(date.atTime(time));
            }
        }
        return times;
    }

    @Test
    void theClockStartsOnAMonday() {
        assertThat(START.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ScheduleArrivals.CLOCK_START).isEqualTo(START.toInstant(ZoneOffset.UTC));
    }

    @Test
    void rateFiveMinutesFiresEvery300SecondsStartingOnePeriodIn() {
        ArrivalProcess process = schedule("rate(5 minutes)");
        for (long k = 1; k <= 1000; k++) {
            assertThat(process.next()).isEqualTo(k * 300_000_000L);
        }
    }

    @Test
    void rateOneDayFiresDaily() {
        ArrivalProcess process = schedule("rate(1 day)");
        assertThat(process.next()).isEqualTo(86_400_000_000L);
        assertThat(process.next()).isEqualTo(2 * 86_400_000_000L);
    }

    @Test
    void cronAtTwoEveryNightFiresAtTwoEachDay() {
        assertThat(firings("cron(0 2 * * ? *)", 400))
                .containsExactlyElementsOf(daily(LocalTime.of(2, 0), 400, d -> true));
        assertThat(schedule("cron(0 2 * * ? *)").next()).isEqualTo(micros(START.plusHours(2)));
    }

    @Test
    void cronEveryQuarterHourFiresOnTheQuarters() {
        List<LocalDateTime> times = firings("cron(0/15 * * * ? *)", 200);
        for (int i = 0; i < times.size(); i++) {
            assertThat(times.get(i)).isEqualTo(START.plusMinutes(15L * i));
        }
        assertThat(times).hasSize(200);
    }

    @Test
    void cronOnWeekdaysSkipsTheWeekend() {
        List<LocalDateTime> times = firings("cron(0 9 ? * MON-FRI *)", 10);
        assertThat(times)
                .containsExactlyElementsOf(
                        daily(LocalTime.of(9, 0), 10, d -> d.getDayOfWeek().getValue() <= 5));
        assertThat(times).noneMatch(t -> t.toLocalDate().equals(LocalDate.of(2026, 1, 10)));
        assertThat(times).noneMatch(t -> t.toLocalDate().equals(LocalDate.of(2026, 1, 11)));
        assertThat(times.get(5)).isEqualTo(LocalDateTime.of(2026, 1, 12, 9, 0));
    }

    @Test
    void cronOnTheLastDayFiresAtTheEndOfEachMonthLeapYearsIncluded() {
        assertThat(firings("cron(0 0 L * ? *)", 30))
                .containsExactlyElementsOf(daily(LocalTime.MIDNIGHT, 30, d -> d.getDayOfMonth() == d.lengthOfMonth()))
                .contains(LocalDateTime.of(2028, 2, 29, 0, 0));
    }

    @Test
    void cronOnTheLastWeekdayOfTheMonth() {
        assertThat(firings("cron(30 17 LW * ? *)", 24))
                .containsExactlyElementsOf(daily(LocalTime.of(17, 30), 24, d -> d.equals(lastWeekday(d))));
    }

    @Test
    void cronOnTheWeekdayNearestTheFirstNeverLeavesTheMonth() {
        // 2026-02-01 is a Sunday (so the 2nd); 2026-08-01 a Saturday (so Monday the 3rd, not July 31).
        List<LocalDateTime> times = firings("cron(0 8 1W * ? *)", 12);
        assertThat(times).contains(LocalDateTime.of(2026, 2, 2, 8, 0), LocalDateTime.of(2026, 8, 3, 8, 0));
        assertThat(times).containsExactlyElementsOf(daily(LocalTime.of(8, 0), 12, d -> d.equals(nearestWeekday(d, 1))));
    }

    @Test
    void cronOnTheWeekdayNearestTheFifteenth() {
        assertThat(firings("cron(0 8 15W * ? *)", 24))
                .containsExactlyElementsOf(daily(LocalTime.of(8, 0), 24, d -> d.equals(nearestWeekday(d, 15))));
    }

    @Test
    void cronOnTheSecondTuesdayOfEachMonth() {
        assertThat(firings("cron(0 10 ? * 3#2 *)", 24))
                .containsExactlyElementsOf(daily(
                        LocalTime.of(10, 0),
                        24,
                        d -> d.equals(d.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY)))));
    }

    @Test
    void cronOnTheLastFridayOfEachMonth() {
        assertThat(firings("cron(0 18 ? * 6L *)", 24))
                .containsExactlyElementsOf(daily(
                        LocalTime.of(18, 0),
                        24,
                        d -> d.equals(d.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY)))));
    }

    @Test
    void lAloneInDayOfWeekMeansSaturday() {
        assertThat(firings("cron(0 6 ? * L *)", 10))
                .containsExactlyElementsOf(daily(LocalTime.of(6, 0), 10, d -> d.getDayOfWeek() == DayOfWeek.SATURDAY));
    }

    @Test
    void aDayOfWeekRangeMayWrapRoundTheWeekend() {
        assertThat(firings("cron(0 12 ? * FRI-MON *)", 20))
                .containsExactlyElementsOf(daily(
                        LocalTime.of(12, 0),
                        20,
                        d -> d.getDayOfWeek().getValue() >= 5 || d.getDayOfWeek() == DayOfWeek.MONDAY));
    }

    @Test
    void monthNamesListsAndYearsRestrictTheFirings() {
        assertThat(firings("cron(15 12 1 jan,JUL ? 2026-2027)", 10))
                .containsExactly(
                        LocalDateTime.of(2026, 7, 1, 12, 15),
                        LocalDateTime.of(2027, 1, 1, 12, 15),
                        LocalDateTime.of(2027, 7, 1, 12, 15));
    }

    @Test
    void stepsAndRangesCombineInHoursAndMinutes() {
        assertThat(firings("cron(5-20/5 9-10,22 * * ? *)", 13))
                .containsExactly(
                        START.plusHours(9).plusMinutes(5),
                        START.plusHours(9).plusMinutes(10),
                        START.plusHours(9).plusMinutes(15),
                        START.plusHours(9).plusMinutes(20),
                        START.plusHours(10).plusMinutes(5),
                        START.plusHours(10).plusMinutes(10),
                        START.plusHours(10).plusMinutes(15),
                        START.plusHours(10).plusMinutes(20),
                        START.plusHours(22).plusMinutes(5),
                        START.plusHours(22).plusMinutes(10),
                        START.plusHours(22).plusMinutes(15),
                        START.plusHours(22).plusMinutes(20),
                        START.plusDays(1).plusHours(9).plusMinutes(5));
    }

    @Test
    void aScheduleWhoseDayNeverComesNeverFires() {
        assertThat(schedule("cron(0 0 30 2 ? *)").next()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aScheduleInThePastNeverFires() {
        ArrivalProcess process = schedule("cron(0 0 * * ? 2025)");
        assertThat(process.next()).isEqualTo(Long.MAX_VALUE);
        assertThat(process.next()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anInvalidExpressionIsRefusedWithTheReason() {
        assertThatThrownBy(() -> schedule("cron(0 2 * * * *)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nightly")
                .hasMessageContaining("'?'");
    }

    private static LocalDate lastWeekday(LocalDate date) {
        LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
        while (last.getDayOfWeek().getValue() >= 6) {
            last = last.minusDays(1);
        }
        return last;
    }

    private static LocalDate nearestWeekday(LocalDate date, int day) {
        LocalDate target = date.withDayOfMonth(day);
        return switch (target.getDayOfWeek()) {
            case SATURDAY -> day == 1 ? target.plusDays(2) : target.minusDays(1);
            case SUNDAY -> day == target.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
            default -> target;
        };
    }
}
