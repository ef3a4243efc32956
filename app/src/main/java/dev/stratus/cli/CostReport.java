package dev.stratus.cli;

import dev.stratus.cost.BreakEven;
import dev.stratus.cost.DesignCost;
import dev.stratus.cost.ProviderComparison;
import dev.stratus.model.Project;
import dev.stratus.sim.result.SimulationResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The cost part of {@code stratus simulate}: the bill, the servers, the providers side by side. */
final class CostReport {

    private CostReport() {}

    static void print(
            PrintWriter out,
            Project project,
            SimulationResult result,
            DesignCost cost,
            boolean freeTier,
            BreakEven breakEven) {
        out.println();
        out.printf(
                Locale.ROOT,
                "Bill on %s for a 30-day month of this traffic (free tier %s)%n",
                project.provider().displayName(),
                freeTier ? "on" : "off");
        BillTable.print(out, cost.monthly());
        out.printf(
                Locale.ROOT,
                "For the simulated %s: $%,.2f. Per million requests: $%,.2f.%n",
                seconds(result.simulatedSeconds()),
                cost.period(),
                cost.perMillionRequests());
        out.println();
        out.printf(
                Locale.ROOT,
                "Always-on instead: %d × %s at $%.4f an hour = $%,.2f a month, against $%,.2f on"
                        + " serverless without the free tier.%n",
                breakEven.servers(),
                breakEven.serverName(),
                breakEven.hourlyPrice(),
                breakEven.monthlyServerCost(),
                breakEven.monthlyServerlessCost());
        if (breakEven.breakEvenRequestsPerSecond() != null) {
            out.printf(
                    Locale.ROOT,
                    "Servers cost less than serverless above about %,.1f requests per second, if they are added as"
                            + " traffic grows and kept busy (now %,.1f requests per second on %d).%n",
                    breakEven.breakEvenRequestsPerSecond(),
                    breakEven.currentRequestsPerSecond(),
                    breakEven.servers());
        } else {
            out.printf(
                    Locale.ROOT,
                    "Serverless stays cheaper at any rate: a server's worth of this traffic costs less"
                            + " on serverless than the server.%n");
        }
    }

    static void printComparison(PrintWriter out, Project project, List<ProviderComparison> rows, boolean freeTier) {
        out.printf(
                Locale.ROOT,
                "%s on every provider (end-to-end latency at the busiest trigger; a 30-day month, free"
                        + " tier %s)%n%n",
                project.name(),
                freeTier ? "on" : "off");
        out.printf(
                Locale.ROOT,
                "  %-40s %9s %9s %8s %14s %12s%n",
                "provider",
                "p50 ms",
                "p99 ms",
                "cold %",
                "monthly USD",
                "per million");
        for (ProviderComparison r : rows) {
            if (r.error() != null) {
                out.printf(Locale.ROOT, "  %-40s not valid: %s%n", r.name(), r.error());
            } else {
                out.printf(
                        Locale.ROOT,
                        "  %-40s %9.1f %9.1f %8.3f %,14.2f %,12.2f%n",
                        r.name(),
                        r.p50Ms(),
                        r.p99Ms(),
                        r.coldStartPercent(),
                        r.monthlyCost(),
                        r.costPerMillion());
            }
        }
    }

    private static String seconds(double value) {
        return value % 3600 == 0
                ? String.format(Locale.ROOT, "%,.0f h", value / 3600)
                : String.format(Locale.ROOT, "%,.0f s", value);
    }
}
