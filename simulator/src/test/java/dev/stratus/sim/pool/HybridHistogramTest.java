package dev.stratus.sim.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Routing;
import org.junit.jupiter.api.Test;

class HybridHistogramTest {

    private static final long MINUTE = HybridHistogram.BIN_MICROS;

    @Test
    void withTooFewIdleTimesItFallsBackToTheFixedKeepAlive() {
        HybridHistogram policy = new HybridHistogram(10 * MINUTE);
        for (int i = 0; i < HybridHistogram.MIN_SAMPLES - 1; i++) {
            policy.record(10 * MINUTE + 1);
        }
        assertThat(policy.representative()).isFalse();
        assertThat(policy.prewarmMicros()).isZero();
        assertThat(policy.keepAliveMicros()).isEqualTo(10 * MINUTE);
    }

    @Test
    void aRegularTenMinuteGapGivesAPrewarmJustBeforeItAndAShortKeepAlive() {
        HybridHistogram policy = new HybridHistogram(10 * MINUTE);
        for (int i = 0; i < 50; i++) {
            policy.record(10 * MINUTE + 1_000_000L * (i % 30));
        }
        assertThat(policy.representative()).isTrue();
        // Head (5th percentile) is bin 10 (10–11 min): pre-warm 10 min less 10% = 9 min.
        assertThat(policy.prewarmMicros()).isEqualTo(9 * MINUTE);
        // Tail (99th percentile) ends at 11 min: keep-alive (11 − 9) min plus 10% = 132 s.
        assertThat(policy.keepAliveMicros()).isEqualTo(132_000_000L);
    }

    @Test
    void idleTimesSpreadEvenlyAreNotRepresentative() {
        HybridHistogram policy = new HybridHistogram(5 * MINUTE);
        for (int bin = 0; bin < HybridHistogram.BINS; bin++) {
            policy.record(bin * MINUTE + 1);
        }
        assertThat(policy.representative()).isFalse();
        assertThat(policy.keepAliveMicros()).isEqualTo(5 * MINUTE);
    }

    @Test
    void mostlyOutOfBoundsIdleTimesAreNotRepresentative() {
        HybridHistogram policy = new HybridHistogram(5 * MINUTE);
        for (int i = 0; i < 20; i++) {
            policy.record(i % 3 == 0 ? MINUTE : 300 * MINUTE);
        }
        assertThat(policy.representative()).isFalse();
    }

    @Test
    void aPoolUnderTheHybridPolicyIsUnloadedBetweenRegularRequestsAndWarmWhenTheyCome() {
        // One 1-second request every 10 minutes for 10 hours.
        FunctionPool fixed = new FunctionPool(10, 1, 15 * MINUTE, 0, Routing.NEWEST, null, ScaleOutLimit.NONE);
        FunctionPool hybrid = new FunctionPool(10, 1, 15 * MINUTE, 0, Routing.NEWEST, null, ScaleOutLimit.NONE)
                .withHybridKeepAlive(new HybridHistogram(15 * MINUTE));
        long end = 600 * MINUTE;
        for (long t = 0; t < end; t += 10 * MINUTE) {
            for (FunctionPool pool : new FunctionPool[] {fixed, hybrid}) {
                int slot = pool.acquire(t);
                pool.release(slot, t + 1_000_000);
            }
        }
        fixed.close(end);
        hybrid.close(end);
        assertThat(fixed.coldStarts()).isEqualTo(1);
        assertThat(hybrid.coldStarts())
                .as("only while the histogram fills")
                .isLessThanOrEqualTo(HybridHistogram.MIN_SAMPLES + 1);
        // Fixed: loaded all the time. Hybrid: loaded for the last minute or two of every 10 once it has learnt.
        assertThat((double) fixed.instanceMicros() / end).isGreaterThan(0.99);
        assertThat((double) hybrid.instanceMicros() / end).isLessThan(0.4);
    }

    @Test
    void anUnloadedInstanceDoesNotCountAgainstTheLimit() {
        // Limit 1. Teach the policy a regular 10-minute gap, then ask again 2 minutes after a run:
        // the instance is unloaded, waiting for its pre-warm, so the request starts a new one.
        FunctionPool pool = new FunctionPool(1, 1, 15 * MINUTE, 0, Routing.NEWEST, null, ScaleOutLimit.NONE)
                .withHybridKeepAlive(new HybridHistogram(15 * MINUTE));
        long t = 0;
        for (int i = 0; i < 20; i++, t += 10 * MINUTE) {
            pool.release(pool.acquire(t), t + 1_000_000);
        }
        long last = t - 10 * MINUTE + 1_000_000;
        assertThat(pool.instances()).as("unloaded after its run").isZero();
        int slot = pool.acquire(last + 2 * MINUTE);
        assertThat(slot).isNotNegative();
        assertThat(pool.lastWasCold()).isTrue();
        assertThat(pool.throttles()).isZero();
    }
}
