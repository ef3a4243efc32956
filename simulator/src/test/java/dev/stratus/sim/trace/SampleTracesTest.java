package dev.stratus.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import dev.stratus.run.WatchRun;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.SimulationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every sample watched for its first 10 minutes. */
class SampleTracesTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final long TEN_MINUTES = 600_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> samples() throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".stratus.json"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everySampleTracesItsWindowInTimeOrder() throws Exception {
        List<Path> files = samples();
        assertThat(files).hasSize(5);
        for (Path file : files) {
            // The nightly report runs at 2 am: watch it then.
            long from = file.getFileName().toString().startsWith("nightly") ? 7_140_000_000L : 60_000_000L;
            Trace trace = new WatchRun(ProjectFiles.load(file), SAMPLES)
                    .window(from, from + TEN_MINUTES)
                    .run(Monitor.NONE)
                    .trace();
            assertThat(trace.size()).as(file.toString()).isPositive();
            assertThat(trace.truncated()).as(file.toString()).isFalse();
            for (int i = 0; i < trace.size(); i++) {
                assertThat(trace.time(i)).as(file + " event " + i).isBetween(trace.from(), trace.to() - 1);
                if (i > 0) {
                    assertThat(trace.time(i)).as(file + " event " + i).isGreaterThanOrEqualTo(trace.time(i - 1));
                }
            }
        }
    }

    @Test
    void recordingDoesNotChangeTheRun() throws Exception {
        for (Path file : samples()) {
            Project project = ProjectFiles.load(file);
            SimulationResult watched = new WatchRun(project, SAMPLES)
                    .window(120_000_000L, TEN_MINUTES)
                    .run(Monitor.NONE)
                    .result();
            SimulationResult plain = new DesignSimulation(
                            project,
                            SAMPLES,
                            TEN_MINUTES / 1e6,
                            project.settings().seed(),
                            project.settings().routing())
                    .run(Monitor.NONE);
            assertThat(JSON.writeValueAsString(watched.withoutWallTime()))
                    .as(file.toString())
                    .isEqualTo(JSON.writeValueAsString(plain.withoutWallTime()));
        }
    }
}
