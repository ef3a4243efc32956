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
            Subject service = csv.new Subject("service", s.id(), s.name());
            service.put("kind", s.kind(), "");
            service.put("calls", s.calls(), "");
            service.put("throttles", s.throttles(), "");
        }
        for (EdgeResult e : r.edges()) {
            csv.new Subject("edge", e.id(), "").put("count", e.count(), "");
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

    /** The rows of one thing: a section, an id and a name, and its figures one per row. */
    private final class Subject {
        private final String section;
        private final String id;
        private final String name;

        Subject(String section, String id, String name) {
            this.section = section;
            this.id = id;
            this.name = name;
        }

        void put(String figure, long value, String unit) throws IOException {
            put(figure, Long.toString(value), unit);
        }

        void put(String figure, double value, String unit) throws IOException {
            put(figure, plain(value), unit);
        }

        void put(String figure, boolean value, String unit) throws IOException {
            put(figure, Boolean.toString(value), unit);
        }

        void put(String figure, String value, String unit) throws IOException {
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

        void latency(String prefix, Latency l) throws IOException {
            put(prefix + "count", l.count(), "");
            put(prefix + "meanMs", l.meanMs(), "ms");
            put(prefix + "p50Ms", l.p50Ms(), "ms");
            put(prefix + "p90Ms", l.p90Ms(), "ms");
            put(prefix + "p95Ms", l.p95Ms(), "ms");
            put(prefix + "p99Ms", l.p99Ms(), "ms");
            put(prefix + "maxMs", l.maxMs(), "ms");
        }
    }

    private void run(SimulationSettings settings, SimulationResult r) throws IOException {
        Subject run = new Subject("run", "", r.project());
        run.put("provider", r.provider(), "");
        run.put("settings.durationSeconds", settings.durationSeconds(), "s");
        run.put("settings.seed", settings.seed(), "");
        run.put("settings.routing", settings.routing().id(), "");
        run.put("settings.freeTier", settings.freeTierOn(), "");
        run.put("settings.compareProviders", settings.compareProviders(), "");
        run.put("simulatedSeconds", r.simulatedSeconds(), "s");
        run.put("partial", r.partial(), "");
        run.put("events", r.events(), "");
        run.put("wallSeconds", r.wallSeconds(), "s");
        Totals t = r.totals();
        run.put("totals.requests", t.requests(), "");
        run.put("totals.invocations", t.invocations(), "");
        run.put("totals.coldStarts", t.coldStarts(), "");
        run.put("totals.warmStarts", t.warmStarts(), "");
        run.put("totals.throttles", t.throttles(), "");
        run.put("totals.errors", t.errors(), "");
        run.put("totals.timeouts", t.timeouts(), "");
        run.put("totals.coldStartProbability", t.coldStartProbability(), "");
        run.put("totals.billedGbSeconds", t.billedGbSeconds(), "GB-s");
        run.latency("totals.latency.", t.latency());
        run.put("windows.stepSeconds", r.windows().stepSeconds(), "s");
        run.put("windows.count", r.windows().count(), "");
    }

    private void trigger(EntryResult e) throws IOException {
        Subject trigger = new Subject("trigger", e.id(), e.name());
        trigger.put("kind", e.kind(), "");
        trigger.put("requests", e.requests(), "");
        trigger.put("completed", e.completed(), "");
        trigger.put("failed", e.failed(), "");
        trigger.put("throttled", e.throttled(), "");
        trigger.put("cacheHits", e.cacheHits(), "");
        trigger.latency("latency.", e.latency());
        LatencyHistogram h = e.histogram();
        for (int i = 0; i < h.counts().length; i++) {
            trigger.put("histogram@" + plain(h.upperMs()[i]), h.counts()[i], "");
        }
    }

    private void function(FunctionResult f) throws IOException {
        Subject function = new Subject("function", f.id(), f.name());
        function.put("memoryMb", f.memoryMb(), "MB");
        function.put("invocations", f.invocations(), "");
        function.put("coldStarts", f.coldStarts(), "");
        function.put("warmStarts", f.warmStarts(), "");
        function.put("throttles", f.throttles(), "");
        function.put("errors", f.errors(), "");
        function.put("timeouts", f.timeouts(), "");
        function.put("retries", f.retries(), "");
        function.put("dropped", f.dropped(), "");
        function.put("coldStartProbability", f.coldStartProbability(), "");
        function.put("rejectionProbability", f.rejectionProbability(), "");
        function.latency("latency.", f.latency());
        function.put("averageInstances", f.averageInstances(), "");
        function.put("averageBusyInstances", f.averageBusyInstances(), "");
        function.put("averageIdleInstances", f.averageIdleInstances(), "");
        function.put("peakConcurrency", f.peakConcurrency(), "");
        function.put("peakInstances", f.peakInstances(), "");
        function.put("utilization", f.utilization(), "");
        function.put("billedSeconds", f.billedSeconds(), "s");
        function.put("provisionedBilledSeconds", f.provisionedBilledSeconds(), "s");
        function.put("provisionedInstances", f.provisionedInstances(), "");
        function.put("billedGbSeconds", f.billedGbSeconds(), "GB-s");
    }

    private void queue(QueueResult q) throws IOException {
        Subject queue = new Subject("queue", q.id(), q.name());
        queue.put("sent", q.sent(), "");
        queue.put("taken", q.taken(), "");
        queue.put("remaining", q.remaining(), "");
        queue.put("maxDepth", q.maxDepth(), "");
        queue.put("averageDepth", q.averageDepth(), "");
        queue.latency("messageAge.", q.messageAge());
    }

    private void cost(DesignCost cost) throws IOException {
        Bill bill = cost.monthly();
        int line = 0;
        for (LineItem item : bill.lineItems()) {
            Subject row = new Subject("bill", Integer.toString(++line), item.description());
            row.put("quantity", item.quantity(), item.unit());
            row.put("unitPrice", item.unitPrice(), "USD per " + item.unit());
            row.put("amount", item.amount(), "USD");
        }
        Subject sums = new Subject("bill", "", "");
        sums.put("monthly.requests", bill.requests(), "USD");
        sums.put("monthly.compute", bill.compute(), "USD");
        sums.put("monthly.provisioned", bill.provisioned(), "USD");
        sums.put("monthly.gateway", bill.gateway(), "USD");
        sums.put("monthly.services", bill.services(), "USD");
        sums.put("monthly.total", bill.total(), "USD");
        sums.put("period", cost.period(), "USD");
        sums.put("monthlyRequests", cost.monthlyRequests(), "");
        sums.put("perMillionRequests", cost.perMillionRequests(), "USD");
        for (NodeCost node : cost.byNode()) {
            Subject share = new Subject("node-cost", node.id(), node.name());
            share.put("kind", node.kind(), "");
            share.put("monthly", node.monthly(), "USD");
        }
    }

    private void breakEven(BreakEven b) throws IOException {
        Subject server = new Subject("break-even", "", b.serverName());
        server.put("hourlyPrice", b.hourlyPrice(), "USD/h");
        server.put("servers", b.servers(), "");
        server.put("monthlyServerCost", b.monthlyServerCost(), "USD");
        server.put("monthlyServerlessCost", b.monthlyServerlessCost(), "USD");
        server.put("currentRequestsPerSecond", b.currentRequestsPerSecond(), "req/s");
        Double rate = b.breakEvenRequestsPerSecond();
        server.put("breakEvenRequestsPerSecond", rate == null ? "" : plain(rate), "req/s");
        server.put("requestsPerSecondPerServer", b.requestsPerSecondPerServer(), "req/s");
    }

    private void provider(ProviderComparison p) throws IOException {
        Subject provider = new Subject("provider", p.provider(), p.name());
        if (p.error() != null) {
            provider.put("error", p.error(), "");
            return;
        }
        provider.put("p50Ms", p.p50Ms(), "ms");
        provider.put("p99Ms", p.p99Ms(), "ms");
        provider.put("coldStartPercent", p.coldStartPercent(), "%");
        provider.put("monthlyCost", p.monthlyCost(), "USD");
        provider.put("functionsCost", p.functionsCost(), "USD");
        provider.put("gatewayCost", p.gatewayCost(), "USD");
        provider.put("servicesCost", p.servicesCost(), "USD");
        provider.put("costPerMillion", p.costPerMillion(), "USD");
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
            Subject entry = new Subject("window", e.id(), names.get(e.id()));
            series(entry, "arrivals", starts, e.arrivals());
            series(entry, "completed", starts, e.completed());
            series(entry, "failed", starts, e.failed());
            series(entry, "p50Ms", starts, e.p50Ms(), "ms");
            series(entry, "p95Ms", starts, e.p95Ms(), "ms");
            series(entry, "p99Ms", starts, e.p99Ms(), "ms");
        }
        for (WindowSeries.FunctionSeries f : w.functions()) {
            Subject function = new Subject("window", f.id(), names.get(f.id()));
            series(function, "invocations", starts, f.invocations());
            series(function, "coldStarts", starts, f.coldStarts());
            series(function, "throttles", starts, f.throttles());
            series(function, "errors", starts, f.errors());
            series(function, "busyInstances", starts, f.busyInstances(), "");
            series(function, "idleInstances", starts, f.idleInstances(), "");
        }
        for (WindowSeries.QueueSeries q : w.queues()) {
            Subject queue = new Subject("window", q.id(), names.get(q.id()));
            series(queue, "averageDepth", starts, q.averageDepth(), "");
            series(queue, "maxDepth", starts, q.maxDepth());
        }
    }

    private static void series(Subject subject, String figure, String[] starts, long[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            subject.put(figure + starts[i], values[i], "");
        }
    }

    private static void series(Subject subject, String figure, String[] starts, double[] values, String unit)
            throws IOException {
        for (int i = 0; i < values.length; i++) {
            subject.put(figure + starts[i], values[i], unit);
        }
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
