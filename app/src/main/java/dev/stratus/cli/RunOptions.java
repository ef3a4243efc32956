package dev.stratus.cli;

import dev.stratus.model.Project;
import picocli.CommandLine.Option;

/** How long to simulate and with which seed: the project's settings unless the command line says. */
final class RunOptions {

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Simulated time: 90s, 15m, 1h, 1d (default: the project's setting).")
    Double duration;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the project's setting).")
    Long seed;

    double seconds(Project project) {
        return duration != null ? duration : project.settings().durationSeconds();
    }

    long seed(Project project) {
        return seed != null ? seed : project.settings().seed();
    }
}
