package dev.stratus.app.watch;

import static dev.stratus.app.watch.Playback.Phase.BUSY;
import static dev.stratus.app.watch.Playback.Phase.EXPIRED;
import static dev.stratus.app.watch.Playback.Phase.IDLE;
import static dev.stratus.app.watch.Playback.Phase.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.learn.Words;
import dev.stratus.model.Architecture;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Layout;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.Workload;
import dev.stratus.run.WatchRun;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.trace.FunctionRate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playback's state on an exact scenario: one request a second to a function that works 1.5 s
 * after a 100 ms cold start and stays warm 0.45 s, so containers start, serve, idle and expire at
 * known moments.
 */
class PlaybackTest {

    private static final long MS = 1_000;
    private static final long S = 1_000_000;

    private Playback playback;
    private FunctionRate rate;

    @BeforeEach
    void watchSixSeconds() throws Exception {
        FunctionNode api = new FunctionNode(
                "api",
                "api",
                null,
                null,
                1024,
                30,
                null,
                null,
                null,
                null,
                0,
                null,
                KeepAlive.fixed(0.45),
                Distribution.constant(1500),
                Distribution.constant(100),
                null);
        Project project = new Project(
                "turns",
                "",
                Provider.AWS,
                SimulationSettings.DEFAULT,
                new Architecture(List.of(new HttpTrigger("web", "web"), api), List.of(Edge.of("e0", "web", "api"))),
                List.of(new Workload.Constant("web", 1)),
                Layout.EMPTY);
        WatchRun.Watched watched =
                new WatchRun(project, Path.of(".")).window(0, 6 * S).run(Monitor.NONE);
        rate = watched.rates().get(0);
        playback = new Playback(watched.trace(), watched.rates());
        playback.setVisibleFor(300 * MS, 0);
    }

    @Test
    void containersStartServeIdleAndExpireAtTheirMoments() {
        assertThat(at(1050 * MS)).containsExactly(STARTING);
        assertThat(at(1500 * MS)).containsExactly(BUSY);
        assertThat(at(2050 * MS)).containsExactly(BUSY, STARTING);
        assertThat(at(2800 * MS)).containsExactly(IDLE, BUSY);
        assertThat(at(3200 * MS)).containsExactly(BUSY, BUSY);
        // Container 0 idles from 4.5 s and expires at 4.95 s; with no linger it is gone after.
        assertThat(at(4950 * MS)).containsExactly(EXPIRED, BUSY);
        assertThat(at(4960 * MS)).containsExactly(BUSY);
    }

    @Test
    void seekingBackStartsAgainFromTheWindowsBeginning() {
        at(4960 * MS);
        assertThat(at(1050 * MS)).containsExactly(STARTING);
        assertThat(playback.requests()).isEqualTo(1);
        assertThat(playback.coldStarts()).isEqualTo(1);
    }

    @Test
    void theCountersAndTheMoneyFollowTheClock() {
        at(4600 * MS);
        assertThat(playback.requests()).isEqualTo(4);
        assertThat(playback.coldStarts()).isEqualTo(2);
        assertThat(playback.warmStarts()).isEqualTo(2);
        assertThat(playback.completed()).isEqualTo(3);
        assertThat(playback.alive()).isEqualTo(2);
        // Three invocations ended: 1.6 s, 1.6 s (the init billed) and 1.5 s.
        double expected = 3 * rate.usdPerRequest() + 4.7 * rate.usdPerBilledSecond();
        assertThat(playback.usd()).isCloseTo(expected, within(1e-12));
        assertThat(playback.usd()).isPositive();
    }

    @Test
    void aRequestTravelsAlongItsEdgeForAtLeastTheVisibleTime() {
        at(1150 * MS);
        List<Playback.Dot> dots = List.copyOf(playback.dots(0));
        assertThat(dots).hasSize(1);
        assertThat(dots.get(0).request()).isZero();
        assertThat(dots.get(0).fraction(playback.clock())).isCloseTo(0.5, within(1e-9));
        // Its request had a cold start, so it is drawn as cold.
        assertThat(playback.wasCold(0)).isTrue();
        at(1400 * MS);
        assertThat(playback.dots(0)).isEmpty();
    }

    @Test
    void anIdleContainerExplainsItsKeepAliveAndWhenItExpires() {
        at(2800 * MS);
        Playback.Container idle = playback.containers("api").iterator().next();
        String text = Explanations.container(idle, playback.clock(), playback, Words.of(Provider.AWS), "api");
        assertThat(text)
                .startsWith("Execution environment 1 of api: idle, warm.")
                .contains("stays warm for 450 ms after its last request")
                .contains("after 0:00:03.050 it expires")
                .contains("a cold start of about 100 ms");
    }

    @Test
    void theWindowEndsWhereItWasAsked() {
        playback.seek(Long.MAX_VALUE);
        assertThat(playback.atEnd()).isTrue();
        assertThat(playback.clock()).isEqualTo(6 * S);
        assertThat(Explanations.clock(playback.clock())).isEqualTo("0:00:06.000");
        assertThat(Explanations.clock(2 * 86_400 * S + 3_723_004 * MS)).isEqualTo("2 d 1:02:03.004");
    }

    private List<Playback.Phase> at(long time) {
        playback.seek(time);
        return playback.phases("api");
    }
}
