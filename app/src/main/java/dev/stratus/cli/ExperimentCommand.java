package dev.stratus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.learn.Experiment;
import dev.stratus.learn.ExperimentResult;
import dev.stratus.learn.ExperimentResult.Outcome;
import dev.stratus.learn.Experiments;
import dev.stratus.learn.Numbers;
import dev.stratus.learn.RunFigures;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.workload.TraceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratus experiment NAME FILE}: a guided experiment on a design, its variants run side by
 * side and a sentence saying what changed and why. The experiments are {@link Experiment}; this
 * command only reads the options and prints what {@link Experiments#run} found.
 */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run a design twice with one change, side by side, and say what changed and why.",
            "(The 'providers' experiment runs it on three providers.)",
            "NAME is keep-alive, traffic, memory, provisioned, spike or providers; --list says what each",
            "finds out. Every run has the same seed and duration: an hour unless --duration says",
            "otherwise (not the project's own duration, which may be a day)."
        })
final class ExperimentCommand implements Callable<Integer> {

    /** The experiments' duration when none is given: an hour, as the samples' settings. */
    static final double DEFAULT_DURATION_SECONDS = 3600;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The experiment.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The project file.")
    Path file;

    @Option(names = "--list", description = "List the experiments and what each finds out.")
    boolean list;

    @Mixin
    RunOptions timing;

    @Option(names = "--json", description = "Print the variants, their settings and figures, and the sentence as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Experiment experiment : Experiment.values()) {
                out.printf(
                        Locale.ROOT,
                        "  %-12s %s%n  %-12s %s%n",
                        experiment.id(),
                        experiment.title(),
                        "",
                        experiment.question());
            }
            out.flush();
            return StratusCommand.OK;
        }
        if (name == null || file == null) {
            throw new ParameterException(
                    spec.commandLine(), "give an experiment and a project file, or --list to see the experiments");
        }
        Experiment experiment = Experiment.fromId(name)
                .orElseThrow(() -> new UserError("the experiment must be one of "
                        + Arrays.stream(Experiment.values()).map(Experiment::id).collect(Collectors.joining(", "))
                        + ", not '" + name + "'"));
        Project project = Inputs.project(file);
        // An hour unless --duration says otherwise: a project's own duration may be a day or a year.
        SimulationSettings settings = timing.settings(project, DEFAULT_DURATION_SECONDS);
        if (experiment.whyNot(project).isPresent()) {
            throw new UserError(file + ": " + experiment.whyNot(project).get(), StratusCommand.PROBLEMS, null);
        }
        ExperimentResult result;
        try {
            result = Experiments.run(experiment, project, file.toAbsolutePath().getParent(), settings, Monitor.NONE);
        } catch (IllegalArgumentException | BacklogException e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (TraceException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json(result, settings)));
        } else {
            print(out, project, result, settings);
        }
        out.flush();
        return StratusCommand.OK;
    }

    private static void print(PrintWriter out, Project project, ExperimentResult result, SimulationSettings settings) {
        out.printf(
                Locale.ROOT,
                "%s: %s, %s simulated per run, seed %d%n%s%n%n",
                project.name(),
                result.experiment().title(),
                Numbers.duration(settings.durationSeconds()),
                settings.seed(),
                result.experiment().question());
        int width = result.variants().stream()
                .mapToInt(v -> v.label().length())
                .max()
                .orElse(0);
        String row = "  %-" + width + "s %12s %9s %9s %10s %14s%n";
        out.printf(Locale.ROOT, row, "", "requests", "cold", "p95", "throttles", "monthly bill");
        for (Outcome outcome : result.outcomes()) {
            if (!outcome.ran()) {
                out.printf(
                        Locale.ROOT,
                        "  %-" + width + "s could not run: %s%n",
                        outcome.variant().label(),
                        outcome.problem());
                continue;
            }
            RunFigures f = outcome.figures();
            out.printf(
                    Locale.ROOT,
                    row,
                    outcome.variant().label(),
                    Numbers.count(f.requests()),
                    Numbers.percent(f.coldStartShare()),
                    Numbers.ms(f.p95Ms()),
                    Numbers.count(f.throttles()),
                    Numbers.usd(f.monthlyUsd()));
        }
        out.println();
        out.println(result.sentence());
    }

    private static ObjectNode json(ExperimentResult result, SimulationSettings settings) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("experiment", result.experiment().id());
        root.put("question", result.experiment().question());
        root.put("durationSeconds", settings.durationSeconds());
        root.put("seed", settings.seed());
        ArrayNode variants = root.putArray("variants");
        for (Outcome outcome : result.outcomes()) {
            ObjectNode variant = variants.addObject();
            Project project = outcome.variant().project();
            variant.put("label", outcome.variant().label());
            variant.put("provider", project.provider().id());
            ArrayNode functions = variant.putArray("functions");
            project.architecture().nodesOf(FunctionNode.class).forEach(f -> functions.add(function(mapper, f)));
            variant.set("workloads", mapper.valueToTree(project.workloads()));
            if (outcome.ran()) {
                variant.set("figures", mapper.valueToTree(outcome.figures()));
            } else {
                variant.put("problem", outcome.problem());
            }
        }
        root.put("sentence", result.sentence());
        return root;
    }

    /** The settings an experiment may change on a function. */
    private static ObjectNode function(ObjectMapper mapper, FunctionNode f) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", f.id());
        node.put("name", f.name());
        node.put("memoryMb", f.memoryMb());
        node.set("keepAlive", mapper.valueToTree(f.keepAlive()));
        if (f.reservedConcurrency() != null) {
            node.put("reservedConcurrency", f.reservedConcurrency());
        }
        node.put("provisionedConcurrency", f.provisionedConcurrency());
        return node;
    }
}
