package dev.stratus.sim.trace;

import static dev.stratus.sim.graph.Runs.fn;
import static dev.stratus.sim.trace.Designs.SECOND;
import static dev.stratus.sim.trace.Designs.httpTo;
import static dev.stratus.sim.trace.Designs.lines;
import static dev.stratus.sim.trace.Designs.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.model.KeepAlive;
import dev.stratus.model.Project;
import dev.stratus.run.WatchRun;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.Runs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Watched runs of one HTTP-triggered function with constant work, against the timeline worked out by
 * hand. The function works 1.5 s after a 100 ms cold start; a request arrives every second from 1 s.
 */
class WatchedTraceTest {

    /** Overlapping requests: two containers take turns; idle for 0.5 s, a container expires. */
    private static final Project TAKING_TURNS = httpTo(fn("api", 1500, KeepAlive.fixed(0.45)), 1);

    @Test
    void constantArrivalsGiveAColdStartScaleOutWarmReuseAndExpiryInThatOrder() throws Exception {
        Trace trace = watch(TAKING_TURNS, 0, 6 * SECOND).trace();
        // Node 0 is the trigger, node 1 the function; edge 0 joins them.
        assertThat(lines(trace))
                .containsExactly(
                        "1000000 REQUEST_ARRIVED node=0 edge=-1 c=-1 r=0 inv=-1  v=0 v2=0",
                        "1000000 HOP node=-1 edge=0 c=-1 r=0 inv=-1  v=0 v2=1",
                        "1000000 CONTAINER_CREATED node=1 edge=-1 c=0 r=0 inv=-1  v=100000 v2=0",
                        "1000000 INVOCATION_STARTED node=1 edge=-1 c=0 r=0 inv=0 COLD v=100000 v2=0",
                        // Container 0 is busy until 2.6 s: the second request scales out.
                        "2000000 REQUEST_ARRIVED node=0 edge=-1 c=-1 r=1 inv=-1  v=0 v2=0",
                        "2000000 HOP node=-1 edge=0 c=-1 r=1 inv=-1  v=0 v2=1",
                        "2000000 CONTAINER_CREATED node=1 edge=-1 c=1 r=1 inv=-1  v=100000 v2=0",
                        "2000000 INVOCATION_STARTED node=1 edge=-1 c=1 r=1 inv=1 COLD v=100000 v2=0",
                        // AWS bills the init: 1.6 s.
                        "2600000 INVOCATION_ENDED node=1 edge=-1 c=0 r=0 inv=0  v=1600000 v2=0",
                        "2600000 REQUEST_DONE node=0 edge=-1 c=-1 r=0 inv=-1  v=1600000 v2=1",
                        // Idle for 0.4 s, container 0 is still warm.
                        "3000000 REQUEST_ARRIVED node=0 edge=-1 c=-1 r=2 inv=-1  v=0 v2=0",
                        "3000000 HOP node=-1 edge=0 c=-1 r=2 inv=-1  v=0 v2=1",
                        "3000000 INVOCATION_STARTED node=1 edge=-1 c=0 r=2 inv=2  v=0 v2=0",
                        "3600000 INVOCATION_ENDED node=1 edge=-1 c=1 r=1 inv=1  v=1600000 v2=0",
                        "3600000 REQUEST_DONE node=0 edge=-1 c=-1 r=1 inv=-1  v=1600000 v2=1",
                        "4000000 REQUEST_ARRIVED node=0 edge=-1 c=-1 r=3 inv=-1  v=0 v2=0",
                        "4000000 HOP node=-1 edge=0 c=-1 r=3 inv=-1  v=0 v2=1",
                        "4000000 INVOCATION_STARTED node=1 edge=-1 c=1 r=3 inv=3  v=0 v2=0",
                        "4500000 INVOCATION_ENDED node=1 edge=-1 c=0 r=2 inv=2  v=1500000 v2=0",
                        "4500000 REQUEST_DONE node=0 edge=-1 c=-1 r=2 inv=-1  v=1500000 v2=1",
                        // Idle since 4.5 s with a keep-alive of 0.45 s: gone at 4.95 s, found at 5 s.
                        "4950000 CONTAINER_EXPIRED node=1 edge=-1 c=0 r=-1 inv=-1  v=0 v2=0",
                        "5000000 REQUEST_ARRIVED node=0 edge=-1 c=-1 r=4 inv=-1  v=0 v2=0",
                        "5000000 HOP node=-1 edge=0 c=-1 r=4 inv=-1  v=0 v2=1",
                        "5000000 CONTAINER_CREATED node=1 edge=-1 c=2 r=4 inv=-1  v=100000 v2=0",
                        "5000000 INVOCATION_STARTED node=1 edge=-1 c=2 r=4 inv=4 COLD v=100000 v2=0",
                        "5500000 INVOCATION_ENDED node=1 edge=-1 c=1 r=3 inv=3  v=1500000 v2=0",
                        "5500000 REQUEST_DONE node=0 edge=-1 c=-1 r=3 inv=-1  v=1500000 v2=1",
                        "5950000 CONTAINER_EXPIRED node=1 edge=-1 c=1 r=-1 inv=-1  v=0 v2=0");
        assertThat(trace.from()).isZero();
        assertThat(trace.to()).isEqualTo(6 * SECOND);
        assertThat(trace.truncated()).isFalse();
        assertThat(trace.nodeIds()).containsExactly("web", "api");
        assertThat(trace.initial()).isEmpty();
    }

    @Test
    void aKeepAliveOfZeroExpiresTheContainerWhenItsInvocationEnds() throws Exception {
        Trace trace = watch(httpTo(fn("api", 100, KeepAlive.fixed(0)), 1), 0, 3 * SECOND)
                .trace();
        assertThat(events(trace, TraceKind.CONTAINER_EXPIRED)).containsExactly("1200000 c=0", "2200000 c=1");
        assertThat(events(trace, TraceKind.INVOCATION_ENDED)).containsExactly("1200000 c=0", "2200000 c=1");
        assertThat(events(trace, TraceKind.INVOCATION_STARTED)).containsExactly("1000000 c=0", "2000000 c=1");
    }

    @Test
    void provisionedContainersAreCreatedAtZeroAndNeverExpire() throws Exception {
        Project project = httpTo(fn("api", 100, KeepAlive.fixed(0.45)).withConcurrency(null, 2), 1);
        Trace trace = watch(project, 0, 10 * SECOND).trace();
        assertThat(events(trace, TraceKind.CONTAINER_CREATED)).containsExactly("0 c=0", "0 c=1");
        for (int i = trace.next(TraceKind.CONTAINER_CREATED, 0, 0); i < 2; i++) {
            assertThat(trace.flags(i)).isEqualTo(Trace.PROVISIONED);
            assertThat(trace.value(i)).isZero();
            assertThat(trace.request(i)).isEqualTo(-1);
        }
        assertThat(events(trace, TraceKind.CONTAINER_EXPIRED)).isEmpty();
        assertThat(trace.next(TraceKind.INVOCATION_STARTED, 0, Trace.COLD)).isEqualTo(-1);

        Trace later = watch(project, 5 * SECOND, 10 * SECOND).trace();
        // The last provisioned instance freed is taken first: container 1 serves every request.
        assertThat(later.initial())
                .containsExactly(
                        new Trace.Snapshot("api", 0, true, 0, 0, 0),
                        new Trace.Snapshot("api", 1, true, 0, 4_100_000, 0));
    }

    @Test
    void aConcurrencyLimitOfOneThrottlesAnOverlappingArrival() throws Exception {
        Project project = httpTo(fn("api", 1500, KeepAlive.fixed(600)).withConcurrency(1, 0), 1);
        Trace trace = watch(project, 0, 3 * SECOND).trace();
        int i = trace.next(TraceKind.THROTTLED, 0, 0);
        assertThat(trace.time(i)).isEqualTo(2 * SECOND);
        assertThat(trace.node(i)).isEqualTo(1);
        assertThat(trace.request(i)).isEqualTo(1);
        assertThat(trace.flags(i)).isZero();
        assertThat(trace.value2(i)).isEqualTo(1);
        int done = trace.next(TraceKind.REQUEST_DONE, 0, Trace.FAILED);
        assertThat(done).isEqualTo(i + 1);
        assertThat(trace.time(done)).isEqualTo(2 * SECOND);
        assertThat(trace.request(done)).isEqualTo(1);
        assertThat(events(trace, TraceKind.THROTTLED)).containsExactly("2000000 c=-1");
    }

    @Test
    void aWindowFromFiveMinutesStartsWithTheContainersAliveThen() throws Exception {
        // Kept alive 10 minutes, two containers take turns: 0 at odd seconds, 1 at even ones.
        Project project = httpTo(fn("api", 1500, KeepAlive.fixed(600)), 1);
        Trace trace = watch(project, 300 * SECOND, 302 * SECOND).trace();
        assertThat(trace.initial())
                .containsExactly(
                        new Trace.Snapshot("api", 0, false, 1, -1, 1 * SECOND),
                        new Trace.Snapshot("api", 1, false, 0, 299_500_000, 2 * SECOND));
        assertThat(trace.initialQueueDepths()).isEmpty();
        assertThat(trace.time(0)).isEqualTo(300 * SECOND);
        assertThat(trace.kind(0)).isEqualTo(TraceKind.REQUEST_ARRIVED);
        // Arrivals at 1 s, 2 s, ...: the one at 300 s is number 299.
        assertThat(trace.request(0)).isEqualTo(299);
        int started = trace.next(TraceKind.INVOCATION_STARTED, 0, 0);
        assertThat(trace.container(started)).isEqualTo(1);
        assertThat(trace.flags(started)).isZero();
        int ended = trace.next(TraceKind.INVOCATION_ENDED, 0, 0);
        assertThat(trace.time(ended)).isEqualTo(300_500_000);
        assertThat(trace.container(ended)).isEqualTo(0);
        assertThat(trace.request(ended)).isEqualTo(298);
    }

    @Test
    void theCapTruncatesTheWindowBeforeTheFirstMomentThatDoesNotFit() throws Exception {
        // Four events at 1 s, four at 2 s, two at 2.6 s: nine do not hold all of 2.6 s.
        WatchRun.Watched watched = new WatchRun(TAKING_TURNS, Path.of("."))
                .window(0, 6 * SECOND)
                .cap(9)
                .run(Monitor.NONE);
        Trace trace = watched.trace();
        assertThat(trace.size()).isEqualTo(8);
        assertThat(trace.truncated()).isTrue();
        assertThat(trace.to()).isEqualTo(2 * SECOND + 1);
        assertThat(trace.requestedTo()).isEqualTo(6 * SECOND);
        assertThat(trace.cap()).isEqualTo(9);
        // The run stopped once the cap was passed, after the instant it had reached.
        assertThat(watched.result().partial()).isTrue();
        assertThat(watched.result().simulatedSeconds()).isEqualTo(2.600001);
    }

    @Test
    void nextFindsTheFirstColdStartAfterATime() throws Exception {
        Trace trace = watch(TAKING_TURNS, 0, 6 * SECOND).trace();
        assertThat(trace.next(TraceKind.INVOCATION_STARTED, 0, Trace.COLD)).isEqualTo(3);
        assertThat(trace.next(TraceKind.INVOCATION_STARTED, 1_000_001, Trace.COLD))
                .isEqualTo(7);
        assertThat(trace.next(TraceKind.INVOCATION_STARTED, 2_000_001, Trace.COLD))
                .isEqualTo(24);
        assertThat(trace.time(24)).isEqualTo(5 * SECOND);
        assertThat(trace.next(TraceKind.INVOCATION_STARTED, 5_000_001, Trace.COLD))
                .isEqualTo(-1);
        assertThat(trace.next(TraceKind.INVOCATION_STARTED, 2_000_001, 0)).isEqualTo(12);
    }

    @Test
    void aRunCancelledBeforeItStartsGivesAnEmptyTruncatedTrace() throws Exception {
        Trace trace = new WatchRun(TAKING_TURNS, Path.of("."))
                .window(0, 6 * SECOND)
                .run(Runs.CANCELLED)
                .trace();
        assertThat(trace.size()).isZero();
        assertThat(trace.truncated()).isTrue();
        assertThat(trace.to()).isZero();
    }

    @Test
    void aWindowOutsideTheRunsBoundsIsRefusedInPlainWords() {
        WatchRun run = new WatchRun(TAKING_TURNS, Path.of("."));
        assertThatThrownBy(() -> run.window(-1, SECOND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the window must not start before 0 s, not at -0.000001 s");
        assertThatThrownBy(() -> run.window(5 * SECOND, 5 * SECOND))
                .hasMessage("the window must end after it starts (5 s), not at 5 s");
        assertThatThrownBy(() -> run.window(0, 999))
                .hasMessage("the window must end at 1 ms or later, not at 0.000999 s");
        assertThatThrownBy(() -> run.window(0, Long.MAX_VALUE))
                .hasMessage("the window must end within 10^11 s (about 3,000 years), not at 9223372036854.775 s");
        assertThatThrownBy(() -> run.cap(0)).hasMessage("the cap on events must be at least 1, not 0");
    }

    @Test
    void theRatesAreTheFirstTierListPricesAndTheFunctionsLimits() throws Exception {
        List<FunctionRate> rates = watch(TAKING_TURNS, 0, SECOND).rates();
        // AWS Lambda, x86: 0.20 USD per million requests, 0.0000166667 USD per GB-s, at 1 GB.
        assertThat(rates).containsExactly(new FunctionRate("api", 0.20 / 1e6, 0.0000166667, 1024, 0.45, 1000, 1, ""));
    }

    /** The events of {@code kind} as "time c=container". */
    private static List<String> events(Trace trace, TraceKind kind) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == kind) {
                out.add(trace.time(i) + " c=" + trace.container(i));
            }
        }
        return out;
    }
}
