package dev.stratus.learn;

import dev.stratus.learn.ExperimentResult.Outcome;
import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.run.DesignRun;
import dev.stratus.run.InvalidDesignException;
import dev.stratus.run.RunReport;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/** Runs experiments: each variant a {@link DesignRun} under the same settings, so only the change differs. */
public final class Experiments {

    private Experiments() {}

    /**
     * Runs {@code experiment} on {@code project}.
     *
     * @param folder where the project's trace files are looked up: the project file's folder
     * @param settings the duration and seed every variant runs with (the caller picks the duration:
     *     a project's own may be long); a comparison of providers is never made
     * @param monitor told the progress over all the variants, and asked whether to stop
     * @throws IllegalArgumentException when the experiment cannot run on this design ({@link
     *     Experiment#whyNot(Project)}), or the duration is out of range
     * @throws CancellationException when the monitor stopped it
     * @throws TraceException when a trace workload's file cannot be replayed
     * @throws dev.stratus.sim.graph.BacklogException when a queue's backlog outgrows the simulation
     */
    public static ExperimentResult run(
            Experiment experiment, Project project, Path folder, SimulationSettings settings, Monitor monitor)
            throws TraceException {
        experiment.whyNot(project).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        SimulationSettings same = settings.withCompareProviders(false);
        List<Variant> variants = experiment.variants(project);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Outcome outcome = run(variants.get(i), folder, same, part(monitor, i, variants.size()));
            outcomes.add(outcome);
            if (i == 0 && experiment == Experiment.PROVISIONED && outcome.ran()) {
                variants = experiment.variants(project, outcome.report());
            }
        }
        return new ExperimentResult(experiment, outcomes, Sentences.of(experiment, outcomes));
    }

    private static Outcome run(Variant variant, Path folder, SimulationSettings settings, Monitor monitor)
            throws TraceException {
        List<Problem> errors = new Validator()
                .validate(variant.project()).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            return Outcome.invalid(variant, errors.get(0).message());
        }
        RunReport report;
        try {
            report = new DesignRun(variant.project(), folder)
                    .withSettings(settings)
                    .run(monitor);
        } catch (InvalidDesignException e) {
            return Outcome.invalid(variant, e.errors().get(0).message());
        }
        if (report.partial() || monitor.cancelled()) {
            throw new CancellationException("the experiment was stopped");
        }
        return Outcome.ran(variant, report);
    }

    /** {@code monitor} told the progress of variant {@code index} of {@code count} as a share of them all. */
    private static Monitor part(Monitor monitor, int index, int count) {
        return new Monitor() {
            @Override
            public void progress(double fraction) {
                monitor.progress((index + fraction) / count);
            }

            @Override
            public void progress(double fraction, long events) {
                monitor.progress((index + fraction) / count, events);
            }

            @Override
            public boolean cancelled() {
                return monitor.cancelled();
            }
        };
    }
}
