package dev.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.cost.NodeCost;
import dev.stratus.cost.ProviderComparison;
import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.project.ProjectFiles;
import dev.stratus.provider.LineItem;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.result.EdgeResult;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.WindowSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CSV read back with a reader written to RFC 4180, against the report it came from. */
class ResultsCsvTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    private static RunReport report;
    private static List<List<String>> rows;

    /** A row of the CSV: section, id, name, figure, value, unit. */
    private record Row(String section, String id, String name, String figure, String value, String unit) {}

    /** Reads RFC 4180 text: fields split by commas, records by CRLF, quoted fields with "" for ". */
    static List<List<String>> read(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                i += 2;
            } else {
                field.append(c);
                i++;
            }
        }
        assertThat(fields).as("the text ends with CRLF").isEmpty();
        return records;
    }

    @BeforeAll
    static void runTheRestApiOnEveryProviderUnderAQuotedName() throws Exception {
        Project project = ProjectFiles.load(SAMPLES.resolve("rest-api.stratus.json"));
        project = project.withName("REST, \"the API\"");
        report = new DesignRun(project, SAMPLES)
                .withSettings(new SimulationSettings(600, 3).withCompareProviders(true))
                .run(Monitor.NONE);
        rows = read(ResultsCsv.of(report));
    }

    private static List<Row> all() {
        return rows.subList(1, rows.size()).stream()
                .map(f -> new Row(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)))
                .toList();
    }

    private static Optional<Row> find(String section, String id, String figure) {
        return all().stream()
                .filter(r -> r.section().equals(section)
                        && r.id().equals(id)
                        && r.figure().equals(figure))
                .findFirst();
    }

    private static String value(String section, String id, String figure) {
        return find(section, id, figure)
                .orElseThrow(() -> new AssertionError(section + "," + id + "," + figure + " is missing"))
                .value();
    }

    private static double number(String section, String id, String figure) {
        return Double.parseDouble(value(section, id, figure));
    }

    @Test
    void everyRecordHasTheSixColumnsUnderTheHeader() {
        assertThat(String.join(",", rows.get(0))).isEqualTo(ResultsCsv.HEADER);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(6));
        // In this order; the REST API has no queue.
        assertThat(all().stream().map(Row::section).distinct())
                .containsExactly(
                        "run",
                        "trigger",
                        "function",
                        "service",
                        "edge",
                        "bill",
                        "node-cost",
                        "break-even",
                        "provider",
                        "window");
    }

    @Test
    void theRunsSettingsAndTotalsReadBackExactly() {
        assertThat(find("run", "", "provider").orElseThrow().name()).isEqualTo("REST, \"the API\"");
        assertThat(value("run", "", "provider")).isEqualTo("aws");
        assertThat(number("run", "", "settings.durationSeconds")).isEqualTo(600);
        assertThat(value("run", "", "settings.routing")).isEqualTo("newest");
        assertThat(value("run", "", "settings.compareProviders")).isEqualTo("true");
        assertThat(value("run", "", "partial")).isEqualTo("false");
        assertThat(Long.parseLong(value("run", "", "totals.requests")))
                .isEqualTo(report.simulation().totals().requests());
        assertThat(number("run", "", "totals.latency.p99Ms"))
                .isEqualTo(report.simulation().totals().latency().p99Ms());
        assertThat(find("run", "", "totals.billedGbSeconds").orElseThrow().unit())
                .isEqualTo("GB-s");
    }

    @Test
    void triggersFunctionsAndEdgesReadBackExactly() {
        for (EntryResult e : report.simulation().entries()) {
            assertThat(Long.parseLong(value("trigger", e.id(), "requests"))).isEqualTo(e.requests());
            assertThat(number("trigger", e.id(), "latency.p95Ms"))
                    .isEqualTo(e.latency().p95Ms());
            long histogram = all().stream()
                    .filter(r -> r.section().equals("trigger")
                            && r.id().equals(e.id())
                            && r.figure().startsWith("histogram@"))
                    .mapToLong(r -> Long.parseLong(r.value()))
                    .sum();
            assertThat(histogram).isEqualTo(e.completed());
        }
        for (FunctionResult f : report.simulation().functions()) {
            assertThat(Long.parseLong(value("function", f.id(), "coldStarts"))).isEqualTo(f.coldStarts());
            assertThat(number("function", f.id(), "averageBusyInstances")).isEqualTo(f.averageBusyInstances());
            assertThat(number("function", f.id(), "billedGbSeconds")).isEqualTo(f.billedGbSeconds());
        }
        for (EdgeResult e : report.simulation().edges()) {
            assertThat(Long.parseLong(value("edge", e.id(), "count"))).isEqualTo(e.count());
        }
    }

    @Test
    void theBillItsNodesTheServerAndEveryProviderReadBackExactly() {
        List<LineItem> items = report.cost().monthly().lineItems();
        for (int i = 0; i < items.size(); i++) {
            String id = Integer.toString(i + 1);
            assertThat(find("bill", id, "amount").orElseThrow().name())
                    .isEqualTo(items.get(i).description());
            assertThat(number("bill", id, "amount")).isEqualTo(items.get(i).amount());
            assertThat(number("bill", id, "quantity")).isEqualTo(items.get(i).quantity());
        }
        assertThat(number("bill", "", "monthly.total"))
                .isEqualTo(report.cost().monthly().total());
        for (NodeCost node : report.cost().byNode()) {
            assertThat(number("node-cost", node.id(), "monthly")).isEqualTo(node.monthly());
        }
        assertThat(number("break-even", "", "monthlyServerCost"))
                .isEqualTo(report.breakEven().monthlyServerCost());
        assertThat(report.comparison()).hasSize(6);
        for (ProviderComparison p : report.comparison()) {
            if (p.error() == null) {
                assertThat(number("provider", p.provider(), "monthlyCost")).isEqualTo(p.monthlyCost());
            } else {
                assertThat(value("provider", p.provider(), "error")).isEqualTo(p.error());
            }
        }
    }

    @Test
    void eachWindowIsAFigureAtItsStartInSeconds() {
        WindowSeries w = report.simulation().windows();
        assertThat(w.stepSeconds()).isEqualTo(1.0);
        WindowSeries.EntrySeries entry = w.entries().get(0);
        assertThat(Long.parseLong(value("window", entry.id(), "arrivals@0"))).isEqualTo(entry.arrivals()[0]);
        assertThat(Long.parseLong(value("window", entry.id(), "arrivals@599"))).isEqualTo(entry.arrivals()[599]);
        WindowSeries.FunctionSeries function = w.functions().get(0);
        assertThat(number("window", function.id(), "busyInstances@120")).isEqualTo(function.busyInstances()[120]);
        long windowRows =
                all().stream().filter(r -> r.section().equals("window")).count();
        assertThat(windowRows)
                .isEqualTo((long) w.count()
                        * (6L * w.entries().size()
                                + 6L * w.functions().size()
                                + 2L * w.queues().size()));
    }

    @Test
    void numbersArePlainDigitsWhateverTheirSize() {
        assertThat(ResultsCsv.plain(1e-7)).isEqualTo("0.0000001");
        assertThat(ResultsCsv.plain(1.5e10)).isEqualTo("15000000000");
        assertThat(ResultsCsv.plain(2.0)).isEqualTo("2");
        assertThat(ResultsCsv.plain(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(all()).extracting(Row::value).noneMatch(v -> v.matches("-?[0-9.]+[eE][-+]?[0-9]+"));
    }
}
