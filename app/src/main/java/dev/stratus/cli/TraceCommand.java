package dev.stratus.cli;

import dev.stratus.app.simulate.Durations;
import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.run.InvalidDesignException;
import dev.stratus.run.TraceCsv;
import dev.stratus.run.WatchRun;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.trace.TraceKind;
import dev.stratus.sim.workload.TraceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratus trace FILE}: the lifecycle of a window of a run, as the studio plays it back. The run
 * is {@link WatchRun}: from 0 to the window's end with the project's seed, so the window shows what
 * {@code stratus simulate} of that length computes.
 */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Record what happens in a window of a run: containers created and expired, invocations,",
            "requests crossing edges, throttles, cache hits and queue depths.",
            "Prints a summary; --csv writes every event as a CSV row",
            "(time_s,kind,node_id,edge,container,request,invocation,flags,value,value2)."
        })
final class TraceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The project file.")
    Path file;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            converter = DurationConverter.OrZero.class,
            defaultValue = "0s",
            description = "Start of the window: 0s, 90s, 5m, 1h (default ${DEFAULT-VALUE}).")
    double from;

    @Option(
            names = "--to",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = "10m",
            description = "End of the window, and of the run (default ${DEFAULT-VALUE}).")
    double to;

    @Option(
            names = "--max-events",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Stop recording after N events (default ${DEFAULT-VALUE}).")
    int maxEvents;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the project's setting).")
    Long seed;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "Write the events as CSV to FILE, or to standard output with '-'"
                    + " (the summary then goes to standard error).")
    String csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = Inputs.project(file);
        SimulationSettings settings = project.settings();
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        WatchRun.Watched watched;
        try {
            WatchRun run = new WatchRun(project, file.toAbsolutePath().getParent())
                    .withSettings(settings)
                    .window(micros(from), micros(to));
            watched = run.cap(maxEvents).run(Monitor.NONE);
        } catch (InvalidDesignException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.errors().forEach(p -> err.println(file + ": " + p));
            err.println(file + ": fix these errors before tracing (stratus validate lists them all)");
            err.flush();
            return StratusCommand.PROBLEMS;
        } catch (IllegalArgumentException e) {
            throw new UserError(optionName(e.getMessage()));
        } catch (BacklogException | TraceException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        Trace trace = watched.trace();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter summary = "-".equals(csv) ? spec.commandLine().getErr() : out;
        if ("-".equals(csv)) {
            TraceCsv.write(trace, out);
        } else if (csv != null) {
            writeCsv(trace, Path.of(csv));
        }
        summarise(project, settings, trace, summary);
        out.flush();
        summary.flush();
        return StratusCommand.OK;
    }

    private static String optionName(String message) {
        if (message.startsWith("the cap on events")) {
            return "--max-events: " + message;
        }
        return message.startsWith("the window") ? "--from/--to: " + message : message;
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    private void writeCsv(Trace trace, Path target) {
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            TraceCsv.write(trace, writer);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot write " + target + ": its folder does not exist", StratusCommand.UNUSABLE, e);
        } catch (AccessDeniedException e) {
            throw new UserError("cannot write " + target + ": permission denied", StratusCommand.UNUSABLE, e);
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": the disk refused it", StratusCommand.UNUSABLE, e);
        }
    }

    private void summarise(Project project, SimulationSettings settings, Trace trace, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%s on %s, seed %d: %s to %s watched, %,d events%n",
                project.name(),
                project.provider().id(),
                settings.seed(),
                seconds(trace.from()),
                seconds(trace.requestedTo()),
                trace.size());
        out.printf(
                Locale.ROOT,
                "containers: %,d alive at the start, %,d created (%,d cold starts), %,d expired%n",
                trace.initial().size(),
                count(trace, TraceKind.CONTAINER_CREATED, 0),
                count(trace, TraceKind.INVOCATION_STARTED, Trace.COLD),
                count(trace, TraceKind.CONTAINER_EXPIRED, 0));
        out.printf(
                Locale.ROOT,
                "requests: %,d arrived, %,d done (%,d failed); throttles: %,d by functions, %,d by the gateway%n",
                count(trace, TraceKind.REQUEST_ARRIVED, 0),
                count(trace, TraceKind.REQUEST_DONE, 0),
                count(trace, TraceKind.REQUEST_DONE, Trace.FAILED),
                count(trace, TraceKind.THROTTLED, 0),
                count(trace, TraceKind.GATEWAY_THROTTLED, 0));
        if (trace.truncated()) {
            out.printf(
                    Locale.ROOT,
                    "truncated: recording stopped at %s, the window had more than %,d events (--max-events)%n",
                    seconds(trace.to()),
                    trace.cap());
        } else {
            out.println("complete: every event of the window is recorded");
        }
    }

    private static int count(Trace trace, TraceKind kind, int flags) {
        int count = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == kind && (trace.flags(i) & flags) == flags) {
                count++;
            }
        }
        return count;
    }

    private static String seconds(long micros) {
        return micros == 0 ? "0 s" : Durations.format(micros / 1e6);
    }
}
