package dev.stratus.sim.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Routing;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The pool's running integrals against a count of its instances step by step. Every request starts
 * and ends on a step, and every keep-alive, pre-warm and expiry falls on one too, so the step-by-step
 * sum is exact and so must the integrals be, at every step and after {@link FunctionPool#close}.
 */
class PoolIntegralsTest {

    private static final long STEP = 200_000;
    private static final long SECOND = 1_000_000;
    private static final long MINUTE = 60 * SECOND;

    /**
     * Sends a request at each step {@code arrives} accepts, each running a whole number of seconds
     * from 1 to {@code longest}, and compares the integrals with the step-by-step sums until {@code end}.
     */
    private static void drive(FunctionPool pool, long end, LongPredicate arrives, int longest, long seed) {
        Random random = new Random(seed);
        PriorityQueue<long[]> running = new PriorityQueue<>(Comparator.comparingLong((long[] r) -> r[0]));
        long alive = 0;
        long busy = 0;
        for (long t = 0; t < end; t += STEP) {
            while (!running.isEmpty() && running.peek()[0] == t) {
                pool.release((int) running.poll()[1], t);
            }
            if (arrives.test(t)) {
                int slot = pool.acquire(t);
                if (slot >= 0) {
                    running.add(new long[] {t + (1 + random.nextInt(longest)) * SECOND, slot});
                }
            }
            pool.trim(t);
            assertThat(pool.instanceMicrosUntil(t))
                    .as("instance time at %d µs", t)
                    .isEqualTo(alive);
            assertThat(pool.busyMicrosUntil(t)).as("busy time at %d µs", t).isEqualTo(busy);
            alive += pool.instances() * STEP;
            busy += pool.busyInstances() * STEP;
        }
        pool.close(end);
        assertThat(pool.instanceMicros()).isEqualTo(alive);
        assertThat(pool.busyInstanceMicros()).isEqualTo(busy);
    }

    private static LongPredicate everyStepWithChance(double chance, long seed) {
        Random random = new Random(seed);
        return t -> random.nextDouble() < chance;
    }

    @Test
    void aFixedKeepAliveWithProvisionedInstancesAndThrottles() {
        FunctionPool pool = new FunctionPool(12, 1, 2 * SECOND, 2, Routing.NEWEST, null, ScaleOutLimit.NONE);
        drive(pool, 20 * MINUTE, everyStepWithChance(0.8, 1), 5, 1);
        assertThat(pool.throttles()).isPositive();
        assertThat(pool.coldStarts()).isPositive();
    }

    @Test
    void noKeepAliveAndSeveralRequestsPerInstance() {
        FunctionPool pool = new FunctionPool(1_000, 3, 0, 0, Routing.NEWEST, null, ScaleOutLimit.NONE);
        drive(pool, 20 * MINUTE, everyStepWithChance(0.5, 2), 3, 2);
        assertThat(pool.peakRequests()).isGreaterThan(pool.peakInstances());
    }

    @Test
    void theHybridPolicyUnloadingAndPrewarmingInstances() {
        // A request about every 10 minutes (give or take a few seconds), now and then a burst of three.
        Random jitter = new Random(3);
        long[] next = {0};
        int[] burst = {0};
        LongPredicate arrives = t -> {
            if (burst[0] > 0) {
                burst[0]--;
                return true;
            }
            if (t < next[0]) {
                return false;
            }
            next[0] = t + 10 * MINUTE + (jitter.nextInt(11) - 5) * SECOND;
            burst[0] = jitter.nextInt(8) == 0 ? 3 : 0;
            return true;
        };
        FunctionPool pool = new FunctionPool(10, 1, 15 * MINUTE, 0, Routing.NEWEST, null, ScaleOutLimit.NONE)
                .withHybridKeepAlive(new HybridHistogram(15 * MINUTE));
        drive(pool, 12 * 60 * MINUTE, arrives, 2, 3);
        // It learnt the gap: far less instance time than a 15-minute keep-alive would give.
        assertThat(pool.instanceMicros()).isLessThan(6 * 60 * MINUTE);
    }
}
