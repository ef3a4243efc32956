package dev.stratus.run;

import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.workload.TraceException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One run of a design as the studio and {@code stratus simulate} make it. TODO(helper): implement
 * per the issue 10 plan.
 */
public final class DesignRun {

    private final Project project;
    private final Path projectFolder;
    private SimulationSettings settings;
    private PriceBook prices = PriceBook.standard();
    private Double serverHourly;

    public DesignRun(Project project, Path projectFolder) {
        this.project = Objects.requireNonNull(project, "project");
        this.projectFolder = projectFolder;
        this.settings = project.settings();
    }

    public DesignRun withSettings(SimulationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    public DesignRun withPrices(PriceBook prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
        return this;
    }

    public DesignRun withServerHourly(Double usdPerHour) {
        this.serverHourly = usdPerHour;
        return this;
    }

    public RunReport run(Monitor monitor) throws TraceException {
        throw new UnsupportedOperationException("not written yet");
    }
}
