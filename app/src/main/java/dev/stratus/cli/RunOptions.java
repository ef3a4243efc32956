package dev.stratus.cli;

import dev.stratus.model.Project;
import dev.stratus.model.Routing;
import dev.stratus.model.SimulationSettings;
import picocli.CommandLine.Option;

/**
 * How to simulate: the project's settings, with whatever the command line changes. An option not
 * given leaves the project's setting as it is.
 */
final class RunOptions {

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Simulated time: 90s, 15m, 1h, 1d (default: the project's setting).")
    Double duration;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the project's setting).")
    Long seed;

    @Option(
            names = "--routing",
            paramLabel = "newest|mru|lru|random",
            description = "Which idle instance takes a request (default: the project's setting).")
    String routing;

    /** The project's settings with the options given, and the free tier as {@code prices} says. */
    SimulationSettings settings(Project project, PriceOptions prices) {
        SimulationSettings settings = settings(project, project.settings().durationSeconds());
        return settings.withFreeTier(prices.freeTier(settings.freeTierOn()));
    }

    /** The project's settings with the options given, and {@code seconds} when no duration is. */
    SimulationSettings settings(Project project, double seconds) {
        SimulationSettings settings = project.settings().withDurationSeconds(duration == null ? seconds : duration);
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        if (routing != null) {
            try {
                settings = settings.withRouting(Routing.fromId(routing));
            } catch (IllegalArgumentException e) {
                throw new UserError("--routing: " + e.getMessage());
            }
        }
        return settings;
    }
}
