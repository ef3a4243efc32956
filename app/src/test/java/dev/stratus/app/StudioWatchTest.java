package dev.stratus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.watch.Playback;
import dev.stratus.app.watch.WatchController;
import dev.stratus.app.watch.WatchLayer;
import dev.stratus.learn.Concept;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.trace.TraceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Watch mode as a learner uses it: containers on the canvas, the timeline, Show me. */
@ExtendWith(ApplicationExtension.class)
class StudioWatchTest {

    private StudioWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        window = StudioApp.open(stage, null, Files.createTempDirectory("stratus-config"));
    }

    @BeforeEach
    void openTheRestApi() throws Exception {
        SampleCatalog catalog = SampleCatalog.packaged();
        Project project = catalog.load(catalog.byFile("rest-api.stratus.json").orElseThrow());
        Path file = temp.resolve("rest-api.stratus.json");
        ProjectFiles.save(project, file);
        assertThat(onFx(() -> window.open(file))).isTrue();
    }

    private WatchController watch() {
        return window.pane().watch();
    }

    @Test
    void watchingTheRestApiShowsContainersStartingBusyAndIdleInTheFirstMinute(FxRobot robot) throws Exception {
        robot.clickOn("#sim-watch");
        Playback playback = awaitPlayback();
        onFx(() -> {
            watch().playingProperty().set(false);
            return null;
        });

        Set<String> seen = new HashSet<>();
        WatchLayer layer = watch().layer();
        for (long t = 0; t <= 60_000_000L; t += 20_000) {
            long at = t;
            String states = onFx(() -> {
                watch().seek(at);
                StringBuilder all = new StringBuilder();
                for (String function : functionIds()) {
                    all.append(layer.chipStates(function));
                }
                return all.toString();
            });
            for (char c : states.toCharArray()) {
                seen.add(String.valueOf(c));
            }
            if (seen.containsAll(Set.of("S", "B", "I"))) {
                break;
            }
        }
        assertThat(seen).as("chip states seen in the first simulated minute").contains("S", "B", "I");
        assertThat(playback.from()).isZero();
        assertThat(playback.to()).isEqualTo(600_000_000L);
        assertThat(onFx(() -> window.pane().watchBar().isVisible())).isTrue();
        // The overlay of results gives the canvas to the playback while watching.
        assertThat(onFx(() -> window.pane().diagram().layers()))
                .doesNotContain(window.pane().overlay());
    }

    @Test
    void showMeAColdStartLandsOnAColdStartAndExplainsTheStartingContainer(FxRobot robot) throws Exception {
        robot.clickOn("#sim-watch");
        Playback playback = awaitPlayback();
        onFx(() -> {
            watch().seek(120_000_000L);
            return null;
        });

        String answer = onFx(() -> watch().showMe(Concept.COLD_START));

        assertThat(answer).isEmpty();
        long clock = onFx(() -> watch().clockProperty().get());
        Trace trace = playback.trace();
        boolean coldThen = false;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.time(i) == clock - 1
                    && trace.kind(i) == TraceKind.INVOCATION_STARTED
                    && (trace.flags(i) & Trace.COLD) != 0) {
                coldThen = true;
            }
        }
        assertThat(coldThen)
                .as("a cold start happens just before the clock " + clock)
                .isTrue();
        assertThat(onFx(() -> watch().playingProperty().get())).isFalse();
        String starting = onFx(() -> {
            for (String function : functionIds()) {
                String states = watch().layer().chipStates(function);
                int at = states.indexOf('S');
                if (at >= 0) {
                    return watch().layer().explainChip(function, at);
                }
            }
            return "";
        });
        assertThat(starting).contains("cold start under way").contains("ms");
    }

    @Test
    void theTimelineStepsToTheNextEventAndTheCountersFollow(FxRobot robot) throws Exception {
        robot.clickOn("#sim-watch");
        Playback playback = awaitPlayback();
        onFx(() -> {
            watch().playingProperty().set(false);
            watch().seek(0);
            return null;
        });
        long before = onFx(() -> watch().clockProperty().get());
        robot.clickOn("#watch-step");
        long after = onFx(() -> watch().clockProperty().get());
        assertThat(after).isGreaterThan(before);
        assertThat(playback.trace().time(0)).isLessThanOrEqualTo(after);
        onFx(() -> {
            watch().seek(playback.to());
            return null;
        });
        String counters = onFx(() -> watch().countersProperty().get());
        assertThat(counters).startsWith(String.format("%,d requests", playback.requests()));
        assertThat(playback.requests()).isPositive();
        assertThat(onFx(() -> window.pane().watchBar().clockLabel().getText())).startsWith("0:10:00.000");

        robot.clickOn("#watch-close");
        assertThat(onFx(() -> watch().watchingProperty().get())).isFalse();
        assertThat(onFx(() -> window.pane().diagram().layers()))
                .contains(window.pane().overlay());
    }

    private Iterable<String> functionIds() {
        return window.model()
                .project()
                .architecture()
                .nodesOf(FunctionNode.class)
                .map(FunctionNode::id)
                .toList();
    }

    private Playback awaitPlayback() throws Exception {
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> watch().playbackProperty().get() != null));
        return onFx(() -> watch().playbackProperty().get());
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
