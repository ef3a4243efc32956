package dev.stratus.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stratus.cost.BreakEven;
import dev.stratus.cost.DesignCost;
import dev.stratus.cost.ProviderComparison;
import dev.stratus.model.SimulationSettings;
import dev.stratus.sim.result.SimulationResult;
import java.util.List;

/**
 * Everything one run of a design gives: what {@code stratus simulate --json} prints and what the
 * studio shows.
 *
 * @param settings the settings it ran with (the project's, with any the command line changed)
 * @param simulation the simulation on the project's provider
 * @param cost its bill; {@code null} when the run was stopped before any simulated time passed
 * @param breakEven the comparison with always-on servers; {@code null} with {@code cost}
 * @param comparison every provider side by side, when the settings ask for it; else empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(
        SimulationSettings settings,
        SimulationResult simulation,
        DesignCost cost,
        BreakEven breakEven,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProviderComparison> comparison) {

    public RunReport {
        comparison = List.copyOf(comparison);
    }

    /** Whether the run stopped before the end of its duration. */
    public boolean partial() {
        return simulation.partial();
    }
}
