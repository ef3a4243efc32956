package dev.stratus.run;

import dev.stratus.cost.BreakEven;
import dev.stratus.cost.DesignCost;
import dev.stratus.cost.ProviderComparison;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.SimulationSettings;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.engine.RunSequence;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a design as the studio and {@code stratus simulate} make it, so that both give the same
 * figures: the design checked, simulated under its settings on its provider, priced, compared with
 * always-on servers and, when the settings ask, simulated and priced on every provider.
 *
 * <p>Cancelling through the monitor stops the job at once. Stopped during the main simulation, the
 * report holds what was simulated (its result {@link SimulationResult#partial() partial}), priced
 * over that shorter time, or unpriced when no time passed; stopped during the comparison, it holds
 * the whole main run and no comparison at all, since half a comparison would mislead.
 */
public final class DesignRun {

    private final Project project;
    private final Path projectFolder;
    private SimulationSettings settings;
    private PriceBook prices = PriceBook.standard();
    private Double serverHourly;

    /**
     * @param project the design, its workloads and its settings
     * @param projectFolder where its trace files are looked up: the project file's folder
     */
    public DesignRun(Project project, Path projectFolder) {
        this.project = Objects.requireNonNull(project, "project");
        this.projectFolder = projectFolder;
        this.settings = project.settings();
    }

    /** Runs with {@code settings} instead of the project's. */
    public DesignRun withSettings(SimulationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Prices with {@code prices} (default: the standard price book). */
    public DesignRun withPrices(PriceBook prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
        return this;
    }

    /**
     * Compares with an always-on server at {@code usdPerHour}, or at the price book's price when
     * {@code null} (the default).
     *
     * @throws IllegalArgumentException when the price is not above 0
     */
    public DesignRun withServerHourly(Double usdPerHour) {
        if (usdPerHour != null && !(usdPerHour > 0)) {
            throw new IllegalArgumentException("the server's hourly price must be above 0 USD, not " + usdPerHour);
        }
        this.serverHourly = usdPerHour;
        return this;
    }

    /**
     * Runs the job, telling {@code monitor} its progress over all its simulations.
     *
     * @throws InvalidDesignException when the design has errors on its provider
     * @throws IllegalArgumentException when the duration is out of range
     * @throws dev.stratus.sim.graph.BacklogException when a queue's backlog outgrows the simulation
     * @throws TraceException when a trace workload's file cannot be replayed
     */
    public RunReport run(Monitor monitor) throws TraceException {
        List<Problem> errors = errors(project);
        if (!errors.isEmpty()) {
            throw new InvalidDesignException(project.provider(), errors);
        }
        Map<Provider, String> invalid = new EnumMap<>(Provider.class);
        int runs = 1;
        if (settings.compareProviders()) {
            for (Provider other : Provider.values()) {
                if (other != project.provider()) {
                    List<Problem> elsewhere = errors(project.withProvider(other));
                    if (elsewhere.isEmpty()) {
                        runs++;
                    } else {
                        invalid.put(other, elsewhere.get(0).message());
                    }
                }
            }
        }
        RunSequence sequence = new RunSequence(monitor, runs);
        SimulationResult result = simulate(project, sequence);
        DesignCost cost = null;
        BreakEven breakEven = null;
        if (result.simulatedSeconds() > 0) {
            cost = DesignCost.of(project, result, prices, settings.freeTierOn());
            DesignCost withoutFreeTier = DesignCost.of(project, result, prices, false);
            double hourly = serverHourly != null
                    ? serverHourly
                    : prices.server().hourly().value();
            breakEven = BreakEven.of(
                    result, withoutFreeTier, prices.server(), hourly, DesignCost.cpuBoundShare(project, result));
        }
        RunReport main = new RunReport(settings, result, cost, breakEven, List.of());
        if (result.partial() || !settings.compareProviders()) {
            return main;
        }
        List<ProviderComparison> comparison = new ArrayList<>();
        for (Provider provider : Provider.values()) {
            if (provider == project.provider()) {
                comparison.add(ProviderComparison.of(provider, result, cost));
            } else if (invalid.containsKey(provider)) {
                comparison.add(ProviderComparison.invalid(provider, invalid.get(provider)));
            } else {
                Project there = project.withProvider(provider);
                SimulationResult elsewhere = simulate(there, sequence);
                if (elsewhere.partial()) {
                    return main;
                }
                comparison.add(ProviderComparison.of(
                        provider, elsewhere, DesignCost.of(there, elsewhere, prices, settings.freeTierOn())));
            }
        }
        return new RunReport(settings, result, cost, breakEven, comparison);
    }

    private SimulationResult simulate(Project design, RunSequence sequence) throws TraceException {
        SimulationResult result = new DesignSimulation(
                        design, projectFolder, settings.durationSeconds(), settings.seed(), settings.routing())
                .withPrices(prices)
                .run(sequence);
        sequence.ended(result.events());
        return result;
    }

    /** The errors of {@code project} on its provider, as {@code stratus validate} lists them. */
    static List<Problem> errors(Project project) {
        return new Validator()
                .validate(project).stream().filter(Problem::isError).toList();
    }
}
