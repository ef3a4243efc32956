package dev.stratus.sim.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Routing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pool tells its listener, and what it shows of the instances alive at a moment. */
class PoolListenerTest {

    private static final long SECOND = 1_000_000;

    private final List<String> heard = new ArrayList<>();

    private final PoolListener listener = new PoolListener() {
        @Override
        public void created(int slot, long container, long time, Origin origin) {
            heard.add("created " + container + " at " + time + " " + origin);
        }

        @Override
        public void expired(long container, long time) {
            heard.add("expired " + container + " at " + time);
        }
    };

    private List<String> alive(FunctionPool pool, long at) {
        List<String> alive = new ArrayList<>();
        pool.forEachAlive(
                at,
                (container, provisioned, running, idleSince, createdAt) -> alive.add(container + " provisioned "
                        + provisioned + " running " + running + " idle since " + idleSince + " created " + createdAt));
        return alive;
    }

    @Test
    void aHybridUnloadExpiresTheContainerAndThePrewarmCreatesANewOne() {
        HybridHistogram histogram = new HybridHistogram(600 * SECOND);
        for (int i = 0; i < HybridHistogram.MIN_SAMPLES; i++) {
            histogram.record(630 * SECOND);
        }
        // Every idle time in the 10th minute: pre-warm after 540 s, then keep for (660 - 540) × 1.1 = 132 s.
        assertThat(histogram.prewarmMicros()).isEqualTo(540 * SECOND);
        assertThat(histogram.keepAliveMicros()).isEqualTo(132 * SECOND);
        FunctionPool pool = new FunctionPool(10, 1, 600 * SECOND, 0, Routing.MRU, null, ScaleOutLimit.NONE)
                .withHybridKeepAlive(histogram)
                .withListener(listener);
        int slot = pool.acquire(0);
        pool.release(slot, SECOND);
        assertThat(alive(pool, 100 * SECOND)).isEmpty();
        pool.trim(600 * SECOND);
        assertThat(alive(pool, 600 * SECOND))
                .containsExactly("1 provisioned false running 0 idle since 541000000 created 541000000");
        pool.trim(700 * SECOND);
        assertThat(heard)
                .containsExactly(
                        "created 0 at 0 COLD",
                        "expired 0 at 1000000",
                        "created 1 at 541000000 PREWARMED",
                        "expired 1 at 673000000");
    }

    @Test
    void provisionedInstancesAreToldAsCreatedWhenTheListenerComes() {
        FunctionPool pool = new FunctionPool(10, 1, 0, 2, Routing.NEWEST, null, ScaleOutLimit.NONE);
        pool.withListener(listener);
        assertThat(heard).containsExactly("created 0 at 0 PROVISIONED", "created 1 at 0 PROVISIONED");
        int slot = pool.acquire(5 * SECOND);
        assertThat(pool.container(slot)).isEqualTo(1);
        assertThat(alive(pool, 6 * SECOND))
                .containsExactly(
                        "0 provisioned true running 0 idle since 0 created 0",
                        "1 provisioned true running 1 idle since -1 created 0");
    }

    @Test
    void anIdleInstanceIsAliveUntilTheMomentItExpiresThoughNotYetTrimmed() {
        FunctionPool pool = new FunctionPool(10, 1, 10 * SECOND, 0, Routing.NEWEST, null, ScaleOutLimit.NONE)
                .withListener(listener);
        int slot = pool.acquire(SECOND);
        pool.release(slot, 2 * SECOND);
        assertThat(alive(pool, 12 * SECOND))
                .containsExactly("0 provisioned false running 0 idle since 2000000 created 1000000");
        assertThat(alive(pool, 12 * SECOND + 1)).isEmpty();
        pool.trim(20 * SECOND);
        assertThat(heard).containsExactly("created 0 at 1000000 COLD", "expired 0 at 12000000");
    }
}
