package dev.stratus.sim.workload;

import dev.stratus.model.ScheduleExpression;
import dev.stratus.model.ScheduleTrigger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The firing times of schedule triggers, as an {@link ArrivalProcess} in microseconds from the start
 * of the run.
 *
 * <ul>
 *   <li>{@code rate(N unit)} fires every N units, the first time one period after the start;
 *   <li>{@code cron(...)} fires at the start of every matching minute at or after the start, reading
 *       the simulation clock as UTC wall time that begins at {@link #CLOCK_START}, Monday
 *       2026-01-05T00:00Z. After 2199, the last year AWS cron accepts, it fires no more.
 * </ul>
 *
 * Neither draws random numbers; both allocate nothing per firing.
 */
public final class ScheduleArrivals {

    /** The wall-clock time that simulated time 0 stands for when matching cron expressions. */
    public static final Instant CLOCK_START = Instant.parse("2026-01-05T00:00:00Z");

    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long START_EPOCH_MINUTE = CLOCK_START.getEpochSecond() / 60;

    private ScheduleArrivals() {}

    /**
     * The firings of a schedule trigger.
     *
     * @throws IllegalArgumentException if its expression is not a schedule AWS accepts (the validator
     *     reports that before a simulation starts)
     */
    public static ArrivalProcess of(ScheduleTrigger trigger) {
        Objects.requireNonNull(trigger, "trigger is missing");
        ScheduleExpression expression;
        try {
            expression = ScheduleExpression.parse(trigger.expression());
        } catch (ScheduleExpression.InvalidScheduleException e) {
            throw new IllegalArgumentException("the schedule '" + trigger.id() + "': " + e.getMessage(), e);
        }
        return of(expression);
    }

    /** The firings of a parsed schedule expression. */
    public static ArrivalProcess of(ScheduleExpression expression) {
        Objects.requireNonNull(expression, "expression is missing");
        if (expression instanceof ScheduleExpression.Rate rate) {
            return new RateFirings(rate.periodSeconds() * MICROS_PER_SECOND);
        }
        if (expression instanceof ScheduleExpression.Cron cron) {
            return new CronFirings(new CronSchedule(cron.fields()));
        }
        throw new IllegalArgumentException("no firings for " + expression);
    }

    /** Simulated time, in microseconds, of a wall-clock instant (whole minutes from {@link #CLOCK_START}). */
    static long micros(Instant instant) {
        return ChronoUnit.MINUTES.between(CLOCK_START, instant) * MICROS_PER_MINUTE;
    }

    /** Fires at k · period, k = 1, 2, ... */
    private static final class RateFirings implements ArrivalProcess {
        private final long periodMicros;
        private final long lastCount;
        private long count;

        RateFirings(long periodMicros) {
            this.periodMicros = periodMicros;
            this.lastCount = (long) ArrivalTimes.HORIZON_MICROS / periodMicros;
        }

        @Override
        public long next() {
            if (count >= lastCount) {
                return Long.MAX_VALUE;
            }
            count++;
            return count * periodMicros;
        }
    }

    /** Fires at each matching minute, searching from the minute after the last firing. */
    private static final class CronFirings implements ArrivalProcess {
        private final CronSchedule schedule;
        private long fromEpochMinute = START_EPOCH_MINUTE;
        private boolean finished;

        CronFirings(CronSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public long next() {
            if (finished) {
                return Long.MAX_VALUE;
            }
            long minute = schedule.firstAtOrAfter(fromEpochMinute);
            if (minute < 0) {
                finished = true;
                return Long.MAX_VALUE;
            }
            fromEpochMinute = minute + 1;
            return (minute - START_EPOCH_MINUTE) * MICROS_PER_MINUTE;
        }
    }
}
