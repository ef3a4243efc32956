package dev.stratus.run;

import dev.stratus.cost.BreakEven;
import dev.stratus.cost.DesignCost;
import dev.stratus.cost.NodeCost;
import dev.stratus.cost.ProviderComparison;
import dev.stratus.model.SimulationSettings;
import dev.stratus.provider.Bill;
import dev.stratus.provider.LineItem;
import dev.stratus.sim.result.EdgeResult;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.Latency;
import dev.stratus.sim.result.LatencyHistogram;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.ServiceResult;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.result.Totals;
import dev.stratus.sim.result.WindowSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link RunReport} as one tidy CSV table, for spreadsheets and data frames: one figure per row,
 * under the header {@code section,id,name,figure,value,unit}.
 *
 * <ul>
 *   <li>{@code section}: {@code run} (the settings, the totals and the windows' width), {@code
 *       trigger}, {@code function}, {@code queue}, {@code service}, {@code edge}, {@code bill},
 *       {@code node-cost}, {@code break-even}, {@code provider} (the comparison) and {@code window}.
 *   <li>{@code id} and {@code name}: the node's (or edge's, line's, provider's) id and name; empty
 *       where they do not apply. A bill's line items are numbered from 1; its sums have no id.
 *   <li>{@code figure}: the field's name in {@code stratus simulate --json}, dotted below the row's
 *       object ({@code latency.p95Ms}, {@code settings.seed}, {@code totals.requests}). A trigger's
 *       latency histogram is {@code histogram@U}, the count of requests up to {@code U} ms (above the
 *       bucket before); a window's figure is {@code F@S}, figure {@code F} of the window that starts
 *       {@code S} seconds into the run ({@code arrivals@120}, {@code busyInstances@0.5}).
 *   <li>{@code value}: a plain number ({@code 1234.5}, never {@code 1.2345E3} or a thousands
 *       separator, whatever the locale), {@code true}/{@code false}, or text (ids, the routing, an
 *       error); empty for a figure that has no value (no break-even rate).
 *   <li>{@code unit}: {@code s}, {@code ms}, {@code MB}, {@code GB-s}, {@code USD}, {@code USD/h},
 *       {@code req/s}, {@code %}, a bill line's own unit; empty for counts, ratios and text.
 * </ul>
 *
 * Fields are quoted as RFC 4180 says (when they hold a comma, a quote or a line break, with quotes
 * doubled), and lines end with CRLF. The run's coarser {@code timeSeries} is left out: the windows
 * hold the same run in more detail.
 */
public final class ResultsCsv {

    /** The header line's fields. */
    public static final String HEADER = "section,id,name,figure,value,unit";

    private final Appendable out;

    private ResultsCsv(Appendable out) {
        this.out = out;
    }

    /** The report as CSV text. */
    public static String of(RunReport report) {
        StringBuilder text = new StringBuilder();
        try {
            write(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }

    /** Writes the report as CSV to {@code out}. */
    public static void write(RunReport report, Appendable out) throws IOException {
        out.append(HEADER).append("\r\n");
        ResultsCsv csv = new ResultsCsv(out);
        SimulationResult r = report.simulation();
        csv.run(report.settings(), r);
        for (EntryResult e : r.entries()) {
            csv.trigger(e);
        }
        for (FunctionResult f : r.functions()) {
            csv.function(f);
        }
        for (QueueResult q : r.queues()) {
            csv.queue(q);
        }
        for (ServiceResult s : r.services()) {
            csv.row("service", s.id(), s.name(), "kind", s.kind(), "");
            csv.row("service", s.id(), s.name(), "calls", s.calls(), "");
            csv.row("service", s.id(), s.name(), "throttles", s.throttles(), "");
        }
        for (EdgeResult e : r.edges()) {
            csv.row("edge", e.id(), "", "count", e.count(), "");
        }
        if (report.cost() != null) {
            csv.cost(report.cost());
        }
        if (report.breakEven() != null) {
            csv.breakEven(report.breakEven());
        }
        for (ProviderComparison p : report.comparison()) {
            csv.provider(p);
        }
        csv.windows(r);
    }

    private void run(SimulationSettings settings, SimulationResult r) throws IOException {
        String name = r.project();
        row("run", "", name, "provider", r.provider(), "");
        row("run", "", name, "settings.durationSeconds", settings.durationSeconds(), "s");
        row("run", "", name, "settings.seed", settings.seed(), "");
        row("run", "", name, "settings.routing", settings.routing().id(), "");
        row("run", "", name, "settings.freeTier", settings.freeTierOn(), "");
        row("run", "", name, "settings.compareProviders", settings.compareProviders(), "");
        row("run", "", name, "simulatedSeconds", r.simulatedSeconds(), "s");
        row("run", "", name, "partial", r.partial(), "");
        row("run", "", name, "events", r.events(), "");
        row("run", "", name, "wallSeconds", r.wallSeconds(), "s");
        Totals t = r.totals();
        row("run", "", name, "totals.requests", t.requests(), "");
        row("run", "", name, "totals.invocations", t.invocations(), "");
        row("run", "", name, "totals.coldStarts", t.coldStarts(), "");
        row("run", "", name, "totals.warmStarts", t.warmStarts(), "");
        row("run", "", name, "totals.throttles", t.throttles(), "");
        row("run", "", name, "totals.errors", t.errors(), "");
        row("run", "", name, "totals.timeouts", t.timeouts(), "");
        row("run", "", name, "totals.coldStartProbability", t.coldStartProbability(), "");
        row("run", "", name, "totals.billedGbSeconds", t.billedGbSeconds(), "GB-s");
        latency("run", "", name, "totals.latency.", t.latency());
        row("run", "", name, "windows.stepSeconds", r.windows().stepSeconds(), "s");
        row("run", "", name, "windows.count", r.windows().count(), "");
    }

    private void trigger(EntryResult e) throws IOException {
        String id = e.id();
        String name = e.name();
        row("trigger", id, name, "kind", e.kind(), "");
        row("trigger", id, name, "requests", e.requests(), "");
        row("trigger", id, name, "completed", e.completed(), "");
        row("trigger", id, name, "failed", e.failed(), "");
        row("trigger", id, name, "throttled", e.throttled(), "");
        row("trigger", id, name, "cacheHits", e.cacheHits(), "");
        latency("trigger", id, name, "latency.", e.latency());
        LatencyHistogram h = e.histogram();
        for (int i = 0; i < h.counts().length; i++) {
            row("trigger", id, name, "histogram@" + plain(h.upperMs()[i]), h.counts()[i], "");
        }
    }

    private void function(FunctionResult f) throws IOException {
        String id = f.id();
        String name = f.name();
        row("function", id, name, "memoryMb", f.memoryMb(), "MB");
        row("function", id, name, "invocations", f.invocations(), "");
        row("function", id, name, "coldStarts", f.coldStarts(), "");
        row("function", id, name, "warmStarts", f.warmStarts(), "");
        row("function", id, name, "throttles", f.throttles(), "");
        row("function", id, name, "errors", f.errors(), "");
        row("function", id, name, "timeouts", f.timeouts(), "");
        row("function", id, name, "retries", f.retries(), "");
        row("function", id, name, "dropped", f.dropped(), "");
        row("function", id, name, "coldStartProbability", f.coldStartProbability(), "");
        row("function", id, name, "rejectionProbability", f.rejectionProbability(), "");
        latency("function", id, name, "latency.", f.latency());
        row("function", id, name, "averageInstances", f.averageInstances(), "");
        row("function", id, name, "averageBusyInstances", f.averageBusyInstances(), "");
        row("function", id, name, "averageIdleInstances", f.averageIdleInstances(), "");
        row("function", id, name, "peakConcurrency", f.peakConcurrency(), "");
        row("function", id, name, "peakInstances", f.peakInstances(), "");
        row("function", id, name, "utilization", f.utilization(), "");
        row("function", id, name, "billedSeconds", f.billedSeconds(), "s");
        row("function", id, name, "provisionedBilledSeconds", f.provisionedBilledSeconds(), "s");
        row("function", id, name, "provisionedInstances", f.provisionedInstances(), "");
        row("function", id, name, "billedGbSeconds", f.billedGbSeconds(), "GB-s");
    }

    private void queue(QueueResult q) throws IOException {
        row("queue", q.id(), q.name(), "sent", q.sent(), "");
        row("queue", q.id(), q.name(), "taken", q.taken(), "");
        row("queue", q.id(), q.name(), "remaining", q.remaining(), "");
        row("queue", q.id(), q.name(), "maxDepth", q.maxDepth(), "");
        row("queue", q.id(), q.name(), "averageDepth", q.averageDepth(), "");
        latency("queue", q.id(), q.name(), "messageAge.", q.messageAge());
    }

    private void latency(String section, String id, String name, String prefix, Latency l) throws IOException {
        row(section, id, name, prefix + "count", l.count(), "");
        row(section, id, name, prefix + "meanMs", l.meanMs(), "ms");
        row(section, id, name, prefix + "p50Ms", l.p50Ms(), "ms");
        row(section, id, name, prefix + "p90Ms", l.p90Ms(), "ms");
        row(section, id, name, prefix + "p95Ms", l.p95Ms(), "ms");
        row(section, id, name, prefix + "p99Ms", l.p99Ms(), "ms");
        row(section, id, name, prefix + "maxMs", l.maxMs(), "ms");
    }

    private void cost(DesignCost cost) throws IOException {
        Bill bill = cost.monthly();
        int line = 0;
        for (LineItem item : bill.lineItems()) {
            String id = Integer.toString(++line);
            row("bill", id, item.description(), "quantity", item.quantity(), item.unit());
            row("bill", id, item.description(), "unitPrice", item.unitPrice(), "USD per " + item.unit());
            row("bill", id, item.description(), "amount", item.amount(), "USD");
        }
        row("bill", "", "", "monthly.requests", bill.requests(), "USD");
        row("bill", "", "", "monthly.compute", bill.compute(), "USD");
        row("bill", "", "", "monthly.provisioned", bill.provisioned(), "USD");
        row("bill", "", "", "monthly.gateway", bill.gateway(), "USD");
        row("bill", "", "", "monthly.services", bill.services(), "USD");
        row("bill", "", "", "monthly.total", bill.total(), "USD");
        row("bill", "", "", "period", cost.period(), "USD");
        row("bill", "", "", "monthlyRequests", cost.monthlyRequests(), "");
        row("bill", "", "", "perMillionRequests", cost.perMillionRequests(), "USD");
        for (NodeCost node : cost.byNode()) {
            row("node-cost", node.id(), node.name(), "kind", node.kind(), "");
            row("node-cost", node.id(), node.name(), "monthly", node.monthly(), "USD");
        }
    }

    private void breakEven(BreakEven b) throws IOException {
        String name = b.serverName();
        row("break-even", "", name, "hourlyPrice", b.hourlyPrice(), "USD/h");
        row("break-even", "", name, "servers", b.servers(), "");
        row("break-even", "", name, "monthlyServerCost", b.monthlyServerCost(), "USD");
        row("break-even", "", name, "monthlyServerlessCost", b.monthlyServerlessCost(), "USD");
        row("break-even", "", name, "currentRequestsPerSecond", b.currentRequestsPerSecond(), "req/s");
        Double rate = b.breakEvenRequestsPerSecond();
        cell("break-even", "", name, "breakEvenRequestsPerSecond", rate == null ? "" : plain(rate), "req/s");
        row("break-even", "", name, "requestsPerSecondPerServer", b.requestsPerSecondPerServer(), "req/s");
    }

    private void provider(ProviderComparison p) throws IOException {
        if (p.error() != null) {
            row("provider", p.provider(), p.name(), "error", p.error(), "");
            return;
        }
        row("provider", p.provider(), p.name(), "p50Ms", p.p50Ms(), "ms");
        row("provider", p.provider(), p.name(), "p99Ms", p.p99Ms(), "ms");
        row("provider", p.provider(), p.name(), "coldStartPercent", p.coldStartPercent(), "%");
        row("provider", p.provider(), p.name(), "monthlyCost", p.monthlyCost(), "USD");
        row("provider", p.provider(), p.name(), "functionsCost", p.functionsCost(), "USD");
        row("provider", p.provider(), p.name(), "gatewayCost", p.gatewayCost(), "USD");
        row("provider", p.provider(), p.name(), "servicesCost", p.servicesCost(), "USD");
        row("provider", p.provider(), p.name(), "costPerMillion", p.costPerMillion(), "USD");
    }

    private void windows(SimulationResult r) throws IOException {
        WindowSeries w = r.windows();
        long step = Math.round(w.stepSeconds() * 1e6);
        String[] starts = new String[w.count()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] =
                    "@" + BigDecimal.valueOf(i * step, 6).stripTrailingZeros().toPlainString();
        }
        Map<String, String> names = new HashMap<>();
        r.entries().forEach(e -> names.put(e.id(), e.name()));
        r.functions().forEach(f -> names.put(f.id(), f.name()));
        r.queues().forEach(q -> names.put(q.id(), q.name()));
        for (WindowSeries.EntrySeries e : w.entries()) {
            String name = names.get(e.id());
            series(e.id(), name, "arrivals", starts, e.arrivals());
            series(e.id(), name, "completed", starts, e.completed());
            series(e.id(), name, "failed", starts, e.failed());
            series(e.id(), name, "p50Ms", starts, e.p50Ms(), "ms");
            series(e.id(), name, "p95Ms", starts, e.p95Ms(), "ms");
            series(e.id(), name, "p99Ms", starts, e.p99Ms(), "ms");
        }
        for (WindowSeries.FunctionSeries f : w.functions()) {
            String name = names.get(f.id());
            series(f.id(), name, "invocations", starts, f.invocations());
            series(f.id(), name, "coldStarts", starts, f.coldStarts());
            series(f.id(), name, "throttles", starts, f.throttles());
            series(f.id(), name, "errors", starts, f.errors());
            series(f.id(), name, "busyInstances", starts, f.busyInstances(), "");
            series(f.id(), name, "idleInstances", starts, f.idleInstances(), "");
        }
        for (WindowSeries.QueueSeries q : w.queues()) {
            String name = names.get(q.id());
            series(q.id(), name, "averageDepth", starts, q.averageDepth(), "");
            series(q.id(), name, "maxDepth", starts, q.maxDepth());
        }
    }

    private void series(String id, String name, String figure, String[] starts, long[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            cell("window", id, name, figure + starts[i], Long.toString(values[i]), "");
        }
    }

    private void series(String id, String name, String figure, String[] starts, double[] values, String unit)
            throws IOException {
        for (int i = 0; i < values.length; i++) {
            cell("window", id, name, figure + starts[i], plain(values[i]), unit);
        }
    }

    private void row(String section, String id, String name, String figure, long value, String unit)
            throws IOException {
        cell(section, id, name, figure, Long.toString(value), unit);
    }

    private void row(String section, String id, String name, String figure, double value, String unit)
            throws IOException {
        cell(section, id, name, figure, plain(value), unit);
    }

    private void row(String section, String id, String name, String figure, boolean value, String unit)
            throws IOException {
        cell(section, id, name, figure, Boolean.toString(value), unit);
    }

    private void row(String section, String id, String name, String figure, String value, String unit)
            throws IOException {
        cell(section, id, name, figure, value, unit);
    }

    private void cell(String section, String id, String name, String figure, String value, String unit)
            throws IOException {
        out.append(section)
                .append(',')
                .append(quoted(id))
                .append(',')
                .append(quoted(name))
                .append(',')
                .append(quoted(figure))
                .append(',')
                .append(quoted(value))
                .append(',')
                .append(quoted(unit))
                .append("\r\n");
    }

    /** A number as plain decimal digits: the shortest that reads back as the same double. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A field as RFC 4180 writes it: in quotes, with quotes doubled, when it needs them. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
