package dev.stratus.cli;

import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.Latency;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.ServiceResult;
import dev.stratus.sim.result.SimulationResult;
import java.io.PrintWriter;
import java.util.Locale;

/** A simulation result as tables for a terminal. */
final class SimulationReport {

    private final SimulationResult r;

    SimulationReport(SimulationResult result) {
        this.r = result;
    }

    void print(PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%s on %s: %s simulated in %.2f s (%,d events, %,.0f requests per second)%n%n",
                r.project(),
                r.provider(),
                time(r.simulatedSeconds()),
                r.wallSeconds(),
                r.events(),
                r.totals().invocations() / Math.max(r.wallSeconds(), 1e-9));
        out.println("Triggers (end to end)");
        out.printf(
                Locale.ROOT,
                "  %-22s %12s %10s %10s %9s %9s %9s %9s%n",
                "trigger",
                "requests",
                "failed",
                "throttled",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms");
        for (EntryResult e : r.entries()) {
            Latency l = e.latency();
            out.printf(
                    Locale.ROOT,
                    "  %-22s %,12d %,10d %,10d %9.1f %9.1f %9.1f %9.1f%n",
                    cut(e.name()),
                    e.requests(),
                    e.failed(),
                    e.throttled(),
                    l.p50Ms(),
                    l.p95Ms(),
                    l.p99Ms(),
                    l.maxMs());
        }
        out.println();
        out.println("Functions");
        out.printf(
                Locale.ROOT,
                "  %-22s %12s %8s %9s %8s %8s %9s %9s %8s %6s %7s %10s%n",
                "function",
                "invocations",
                "cold %",
                "throttled",
                "errors",
                "timeouts",
                "p50 ms",
                "p99 ms",
                "inst avg",
                "busy",
                "peak",
                "GB-s");
        for (FunctionResult f : r.functions()) {
            out.printf(
                    Locale.ROOT,
                    "  %-22s %,12d %8.3f %,9d %,8d %,8d %9.1f %9.1f %8.2f %6.2f %7d %,10.1f%n",
                    cut(f.name()),
                    f.invocations(),
                    100 * f.coldStartProbability(),
                    f.throttles(),
                    f.errors(),
                    f.timeouts(),
                    f.latency().p50Ms(),
                    f.latency().p99Ms(),
                    f.averageInstances(),
                    f.averageBusyInstances(),
                    f.peakConcurrency(),
                    f.billedGbSeconds());
        }
        if (!r.queues().isEmpty()) {
            out.println();
            out.println("Queues and streams");
            out.printf(
                    Locale.ROOT,
                    "  %-22s %12s %12s %10s %10s %12s %12s%n",
                    "queue",
                    "sent",
                    "taken",
                    "max depth",
                    "avg depth",
                    "age p50 ms",
                    "age p99 ms");
            for (QueueResult q : r.queues()) {
                out.printf(
                        Locale.ROOT,
                        "  %-22s %,12d %,12d %,10d %10.2f %12.1f %12.1f%n",
                        cut(q.name()),
                        q.sent(),
                        q.taken(),
                        q.maxDepth(),
                        q.averageDepth(),
                        q.messageAge().p50Ms(),
                        q.messageAge().p99Ms());
            }
        }
        boolean throttledServices = r.services().stream().anyMatch(s -> s.throttles() > 0);
        if (throttledServices) {
            out.println();
            out.println("Services over capacity");
            for (ServiceResult s : r.services()) {
                if (s.throttles() > 0) {
                    out.printf(
                            Locale.ROOT,
                            "  %-22s %,d of %,d calls throttled%n",
                            cut(s.name()),
                            s.throttles(),
                            s.calls());
                }
            }
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "Total: %,d invocations, %,d cold starts (%.3f%%), %,d throttled, %,d errors, %,d timeouts,"
                        + " %,.1f GB-s billed%n",
                r.totals().invocations(),
                r.totals().coldStarts(),
                100 * r.totals().coldStartProbability(),
                r.totals().throttles(),
                r.totals().errors(),
                r.totals().timeouts(),
                r.totals().billedGbSeconds());
    }

    private static String cut(String name) {
        return name.length() <= 22 ? name : name.substring(0, 21) + "…";
    }

    private static String time(double seconds) {
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            return (long) (seconds / 86_400) + " d";
        }
        if (seconds >= 3_600 && seconds % 3_600 == 0) {
            return (long) (seconds / 3_600) + " h";
        }
        return String.format(Locale.ROOT, "%,.0f s", seconds);
    }
}
