package dev.stratus.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.sim.pool.PoolListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder on its own, told events as the engine would tell them. */
class TraceRecorderTest {

    private static final List<String> NODES = List.of("web", "api");

    @Test
    void anExpiryToldLateTakesItsPlaceInTimeAndTiesKeepTheirOrder() {
        TraceRecorder recorder = new TraceRecorder(NODES, 0, 10_000_000, 100);
        PoolListener pool = recorder.pool(1);
        recorder.arrived(5_000_000, 0, 7);
        recorder.hop(5_000_000, 0, 7, 0, 1);
        // The pool trims at 5 s and finds a container gone since 4.95 s.
        pool.expired(3, 4_950_000);
        recorder.hop(5_000_000, 0, 8, 0, 1);
        recorder.finished(10_000_000);
        Trace trace = recorder.trace();
        assertThat(Designs.lines(trace))
                .containsExactly(
                        "4950000 CONTAINER_EXPIRED node=1 edge=-1 c=3 r=-1 inv=-1  v=0 v2=0",
                        "5000000 REQUEST_ARRIVED node=0 edge=-1 c=-1 r=7 inv=-1  v=0 v2=0",
                        "5000000 HOP node=-1 edge=0 c=-1 r=7 inv=-1  v=0 v2=1",
                        "5000000 HOP node=-1 edge=0 c=-1 r=8 inv=-1  v=0 v2=1");
    }

    @Test
    void eventsOutsideTheWindowAreDroppedButHopsDepartingInsideStay() {
        TraceRecorder recorder = new TraceRecorder(NODES, 1_000_000, 2_000_000, 100);
        recorder.arrived(999_999, 0, 0);
        recorder.hop(1_999_999, 0, 1, 5_000_000, 1);
        recorder.arrived(2_000_000, 0, 2);
        recorder.finished(2_000_000);
        assertThat(Designs.lines(recorder.trace()))
                .containsExactly("1999999 HOP node=-1 edge=0 c=-1 r=1 inv=-1  v=5000000 v2=1");
    }

    @Test
    void aColdStartsContainerTakesTheInitTimeAndRequestOfItsInvocation() {
        TraceRecorder recorder = new TraceRecorder(NODES, 0, 10_000_000, 100);
        recorder.pool(1).created(0, 4, 1_000_000, PoolListener.Origin.COLD);
        int invocation = recorder.invocationStarted(1_000_000, 1, 4, 12, true, 250_000);
        recorder.finished(10_000_000);
        assertThat(invocation).isZero();
        assertThat(Designs.lines(recorder.trace()))
                .containsExactly(
                        "1000000 CONTAINER_CREATED node=1 edge=-1 c=4 r=12 inv=-1  v=250000 v2=0",
                        "1000000 INVOCATION_STARTED node=1 edge=-1 c=4 r=12 inv=0 COLD v=250000 v2=0");
    }

    @Test
    void theFlagsReadAsTheirNames() {
        assertThat(Trace.flagNames(Trace.COLD | Trace.FAILED)).isEqualTo("COLD|FAILED");
        assertThat(Trace.flagNames(Trace.TIMED_OUT | Trace.PREWARMED | Trace.SCALE_OUT))
                .isEqualTo("TIMED_OUT|PREWARMED|SCALE_OUT");
        assertThat(Trace.flagNames(0)).isEmpty();
    }

    @Test
    void aTraceIsReadOnlyAfterTheRunHasFinished() {
        TraceRecorder recorder = new TraceRecorder(NODES, 0, 10, 1);
        assertThatThrownBy(recorder::trace)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the run has not finished");
    }

    @Test
    void aStableSortOfManyEventsKeepsTiesInTheirOrder() {
        long[] times = {5, 3, 5, 1, 3, 5, 0, 1};
        assertThat(StableOrder.byTime(times, times.length)).containsExactly(6, 3, 7, 1, 4, 0, 2, 5);
    }
}
