package dev.stratus.sim.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Routing;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class FunctionPoolTest {

    private static final long SECOND = 1_000_000;

    private static FunctionPool pool(int max, long keepAliveSeconds, Routing routing) {
        return new FunctionPool(
                max,
                1,
                keepAliveSeconds * SECOND,
                0,
                routing,
                RandomSource.XO_RO_SHI_RO_128_PP.create(1L),
                ScaleOutLimit.NONE);
    }

    @Test
    void theFirstRequestIsColdAndTheNextOneWarm() {
        FunctionPool pool = pool(10, 60, Routing.NEWEST);
        int slot = pool.acquire(0);
        assertThat(pool.lastWasCold()).isTrue();
        pool.release(slot, SECOND);
        assertThat(pool.acquire(2 * SECOND)).isEqualTo(slot);
        assertThat(pool.lastWasCold()).isFalse();
        assertThat(pool.coldStarts()).isEqualTo(1);
        assertThat(pool.warmStarts()).isEqualTo(1);
    }

    @Test
    void coldStartHappensAfterKeepAliveExpires() {
        FunctionPool pool = pool(10, 60, Routing.NEWEST);
        pool.release(pool.acquire(0), SECOND);
        pool.acquire(61 * SECOND);
        assertThat(pool.lastWasCold())
                .as("idle for exactly the keep-alive: reclaimed")
                .isTrue();
        assertThat(pool.instances()).isEqualTo(1);
    }

    @Test
    void anExpiredInstanceCountsUntilTheMomentItExpired() {
        FunctionPool pool = pool(10, 60, Routing.NEWEST);
        pool.release(pool.acquire(0), 2 * SECOND);
        pool.trim(1_000 * SECOND);
        assertThat(pool.instances()).isZero();
        assertThat(pool.instanceMicros()).isEqualTo(62 * SECOND);
        assertThat(pool.busyInstanceMicros()).isEqualTo(2 * SECOND);
    }

    @Test
    void aRequestOverTheLimitIsThrottled() {
        FunctionPool pool = pool(2, 60, Routing.NEWEST);
        pool.acquire(0);
        pool.acquire(0);
        assertThat(pool.acquire(0)).isEqualTo(FunctionPool.THROTTLED);
        assertThat(pool.throttles()).isEqualTo(1);
        assertThat(pool.canAcquire(0)).isFalse();
    }

    @Test
    void keepAliveZeroMakesEveryStartCold() {
        FunctionPool pool = pool(10, 0, Routing.MRU);
        for (int i = 0; i < 5; i++) {
            pool.release(pool.acquire(i * SECOND), i * SECOND + 1);
        }
        assertThat(pool.coldStarts()).isEqualTo(5);
        assertThat(pool.instances()).isZero();
    }

    /** Three instances become idle at 10, 20 and 30 s; they were created in the order a, b, c. */
    private static int[] threeIdle(FunctionPool pool) {
        int a = pool.acquire(0);
        int b = pool.acquire(0);
        int c = pool.acquire(0);
        pool.release(b, 10 * SECOND);
        pool.release(c, 20 * SECOND);
        pool.release(a, 30 * SECOND);
        return new int[] {a, b, c};
    }

    @Test
    void newestRoutingTakesTheLastCreatedIdleInstance() {
        FunctionPool pool = pool(10, 600, Routing.NEWEST);
        int[] slots = threeIdle(pool);
        assertThat(pool.acquire(40 * SECOND)).isEqualTo(slots[2]);
        assertThat(pool.acquire(40 * SECOND)).isEqualTo(slots[1]);
        assertThat(pool.acquire(40 * SECOND)).isEqualTo(slots[0]);
    }

    @Test
    void mostRecentlyUsedRoutingTakesTheLastIdledInstance() {
        FunctionPool pool = pool(10, 600, Routing.MRU);
        int[] slots = threeIdle(pool);
        assertThat(pool.acquire(40 * SECOND)).isEqualTo(slots[0]);
        assertThat(pool.acquire(40 * SECOND)).isEqualTo(slots[2]);
    }

    @Test
    void leastRecentlyUsedRoutingTakesTheLongestIdleInstance() {
        FunctionPool pool = pool(10, 600, Routing.LRU);
        int[] slots = threeIdle(pool);
        assertThat(pool.acquire(40 * SECOND)).isEqualTo(slots[1]);
        assertThat(pool.acquire(40 * SECOND)).isEqualTo(slots[2]);
    }

    @Test
    void randomRoutingTakesEveryIdleInstanceSometimes() {
        int[] picked = new int[3];
        for (int seed = 0; seed < 60; seed++) {
            FunctionPool pool = new FunctionPool(
                    10,
                    1,
                    600 * SECOND,
                    0,
                    Routing.RANDOM,
                    RandomSource.XO_RO_SHI_RO_128_PP.create((long) seed),
                    ScaleOutLimit.NONE);
            int[] slots = threeIdle(pool);
            int slot = pool.acquire(40 * SECOND);
            for (int i = 0; i < 3; i++) {
                if (slots[i] == slot) {
                    picked[i]++;
                }
            }
        }
        assertThat(java.util.Arrays.stream(picked).min().orElseThrow()).isGreaterThan(5);
    }

    @Test
    void expiryRemovesInstancesFromTheRoutingIndexToo() {
        FunctionPool pool = pool(10, 15, Routing.NEWEST);
        int[] slots = threeIdle(pool);
        // b idled at 10 s and c at 20 s have expired by 36 s; a (idle since 30 s) has not.
        assertThat(pool.acquire(36 * SECOND)).isEqualTo(slots[0]);
        assertThat(pool.instances()).isEqualTo(1);
        pool.acquire(36 * SECOND);
        assertThat(pool.lastWasCold()).isTrue();
    }

    @Test
    void provisionedInstancesAreWarmFromTheStartAndNeverExpire() {
        FunctionPool pool = new FunctionPool(10, 1, 60 * SECOND, 2, Routing.NEWEST, null, ScaleOutLimit.NONE);
        assertThat(pool.instances()).isEqualTo(2);
        int slot = pool.acquire(10_000 * SECOND);
        assertThat(pool.lastWasCold()).isFalse();
        pool.release(slot, 10_001 * SECOND);
        pool.trim(1_000_000 * SECOND);
        assertThat(pool.instances()).isEqualTo(2);
        pool.close(1_000_000 * SECOND);
        assertThat(pool.instanceMicros()).isEqualTo(2 * 1_000_000 * SECOND);
    }

    @Test
    void oneInstanceServesSeveralRequestsUpToItsConcurrency() {
        FunctionPool pool = new FunctionPool(10, 3, 60 * SECOND, 0, Routing.NEWEST, null, ScaleOutLimit.NONE);
        int first = pool.acquire(0);
        assertThat(pool.acquire(0)).isEqualTo(first);
        assertThat(pool.acquire(0)).isEqualTo(first);
        int fourth = pool.acquire(0);
        assertThat(fourth).isNotEqualTo(first);
        assertThat(pool.instances()).isEqualTo(2);
        assertThat(pool.coldStarts()).isEqualTo(2);
        pool.release(first, SECOND);
        assertThat(pool.acquire(SECOND))
                .as("a partly busy instance takes the next request")
                .isIn(first, fourth);
        assertThat(pool.peakRequests()).isEqualTo(4);
        assertThat(pool.busyInstances()).isEqualTo(2);
    }

    @Test
    void theScaleOutRateLimitsNewInstances() {
        FunctionPool pool = new FunctionPool(
                10_000, 1, 600 * SECOND, 0, Routing.NEWEST, null, new ScaleOutLimit(1_000, 10 * SECOND));
        int started = 0;
        while (pool.acquire(0) >= 0) {
            started++;
        }
        assertThat(started).isEqualTo(1_000);
        assertThat(pool.acquire(0)).isEqualTo(FunctionPool.SCALE_OUT_LIMITED);
        // 100 more per second.
        int later = 0;
        while (pool.acquire(SECOND) >= 0) {
            later++;
        }
        assertThat(later).isEqualTo(100);
    }

    @Test
    void busyAndInstanceTimeAddUpExactly() {
        FunctionPool pool = pool(10, 5, Routing.NEWEST);
        // Two overlapping requests, then idle until the end.
        int a = pool.acquire(0);
        int b = pool.acquire(SECOND);
        pool.release(a, 3 * SECOND);
        pool.release(b, 4 * SECOND);
        pool.close(100 * SECOND);
        assertThat(pool.busyInstanceMicros()).isEqualTo(6 * SECOND);
        // a lives 0..8 s (idle from 3, 5 s keep-alive), b lives 1..9 s.
        assertThat(pool.instanceMicros()).isEqualTo(16 * SECOND);
    }
}
