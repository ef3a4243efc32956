package dev.stratus.cli;

import static dev.stratus.cli.CliRun.stratus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path folder;

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".stratus.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleValidatesClean(Path sample) {
        CliRun run = stratus("validate", sample.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(sample + ": no problems\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aTruncatedFileExitsTwoWithOneLineNamingFileLineAndColumn() throws IOException {
        String text = Files.readString(SAMPLES.resolve("rest-api.stratus.json"));
        Path cut = Files.writeString(folder.resolve("cut.stratus.json"), text.substring(0, text.length() / 3));
        int lines = (int) text.substring(0, text.length() / 3).lines().count();
        CliRun run = stratus("validate", cut.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith(cut + ":" + lines + ":")
                .contains("the file ends too early");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aSynchronousCallCycleExitsOneAndNamesTheCycle() throws IOException {
        Path file = folder.resolve("cycle.stratus.json");
        Files.writeString(file, """
                {
                  "format": "stratus-project/1",
                  "name": "Ping pong",
                  "architecture": {
                    "nodes": [
                      {"kind": "http-trigger", "id": "web", "name": "web"},
                      {"kind": "function", "id": "ping", "name": "ping", "memoryMb": 256, "timeoutSeconds": 10,
                       "execution": {"shape": "constant", "meanMs": 5}},
                      {"kind": "function", "id": "pong", "name": "pong", "memoryMb": 256, "timeoutSeconds": 10,
                       "execution": {"shape": "constant", "meanMs": 5}}
                    ],
                    "edges": [
                      {"id": "e1", "from": "web", "to": "ping"},
                      {"id": "e2", "from": "ping", "to": "pong"},
                      {"id": "e3", "from": "pong", "to": "ping", "invocation": "sync"}
                    ]
                  },
                  "workloads": [{"type": "poisson", "trigger": "web", "ratePerSecond": 5}]
                }
                """);
        CliRun run = stratus("validate", file.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines().toList())
                .containsExactly(file + ": error [ping]: Synchronous call cycle: "
                        + "'ping' → 'pong' → 'ping'. Each call waits for the next, so a request never finishes; make one of "
                        + "these calls asynchronous.");
    }

    @Test
    void warningsAloneExitZeroUnlessStrict() throws IOException {
        Path file = folder.resolve("lonely.stratus.json");
        Files.writeString(file, """
                {"format": "stratus-project/1", "name": "Lonely", "architecture": {"nodes": [
                  {"kind": "function", "id": "f", "name": "f", "memoryMb": 256, "timeoutSeconds": 10,
                   "execution": {"shape": "constant", "meanMs": 5}}]}}
                """);
        CliRun lenient = stratus("validate", file.toString());
        assertThat(lenient.status()).isZero();
        assertThat(lenient.out()).contains("warning [f]: Nothing triggers the function 'f'");
        assertThat(stratus("validate", "--strict", file.toString()).status()).isEqualTo(1);
    }

    @Test
    void aMissingFileExitsTwoWithOneLine() {
        CliRun run = stratus("validate", folder.resolve("nowhere.json").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(folder.resolve("nowhere.json") + ": no such file");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorWithoutAStackTrace() {
        CliRun unknown = stratus("frobnicate");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("Unmatched argument")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");

        CliRun missing = stratus("validate");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void helpListsOnlyTheCommandsThatExist() {
        CliRun run = stratus("--help");
        assertThat(run.status()).isZero();
        List<String> commands = run.out()
                .lines()
                .dropWhile(line -> !line.equals("Commands:"))
                .skip(1)
                .takeWhile(line -> !line.isBlank())
                .filter(line -> line.matches("  \\S.*"))
                .map(String::strip)
                .map(line -> line.split("\\s+", -1)[0])
                .toList();
        assertThat(commands)
                .containsExactly(
                        "open",
                        "validate",
                        "simulate",
                        "trace",
                        "model",
                        "bench",
                        "sweep",
                        "experiment",
                        "cost",
                        "render",
                        "export",
                        "import",
                        "help");
    }

    @Test
    void renderRefusesAnUnreadableFileWithOneLine() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.stratus.json"), "{\"format\": \"stratus-project/9\"}");
        CliRun run = stratus(
                "render", broken.toString(), "--out", folder.resolve("x.png").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("was written by a newer Stratus");
        assertThat(folder.resolve("x.png")).doesNotExist();
    }

    @Test
    void renderWatchNeedsTheStudioAndATimeInTheFirstTenMinutes() throws IOException {
        Path design = SAMPLES.resolve("rest-api.stratus.json");
        Path out = folder.resolve("w.png");
        CliRun alone = stratus("render", design.toString(), "--watch", "62s", "--out", out.toString());
        assertThat(alone.status()).isEqualTo(2);
        assertThat(alone.errLines()).singleElement().asString().contains("--watch draws the studio: add --studio");
        CliRun late = stratus("render", design.toString(), "--studio", "--watch", "11m", "--out", out.toString());
        assertThat(late.status()).isEqualTo(2);
        assertThat(late.errLines()).singleElement().asString().contains("TIME must be at most 10m");
        assertThat(out).doesNotExist();
    }

    @Test
    void modelPrintsExactlyTheDocumentedJsonFields() throws Exception {
        CliRun run = stratus(
                "model",
                "--arrival-rate",
                "0.9",
                "--warm",
                "1.991",
                "--cold",
                "2.244",
                "--keep-alive",
                "600",
                "--duration",
                "100000",
                "--json");
        assertThat(run.status()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "requests",
                        "coldStarts",
                        "rejections",
                        "coldStartProbability",
                        "rejectionProbability",
                        "averageInstances",
                        "averageBusyInstances",
                        "averageIdleInstances",
                        "utilization",
                        "meanResponseTime",
                        "simulatedSeconds",
                        "wallSeconds");
        assertThat(json.get("requests").asLong()).isBetween(88_000L, 92_000L);
        assertThat(json.get("simulatedSeconds").asDouble()).isEqualTo(100_000.0);
    }

    @Test
    void modelRefusesNonsenseWithOneLine() {
        CliRun run = stratus("model", "--arrival-rate", "-1", "--warm", "1", "--cold", "2", "--keep-alive", "600");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("stratus: --arrival-rate must be a positive number of requests per second");
        CliRun duration = stratus(
                "model",
                "--arrival-rate",
                "1",
                "--warm",
                "1",
                "--cold",
                "2",
                "--keep-alive",
                "600",
                "--duration",
                "soon");
        assertThat(duration.status()).isEqualTo(2);
        assertThat(duration.err()).contains("'soon' is not a duration; write it like 90s, 15m, 1h, 1d or 1y");
    }

    @Test
    void simulateReportsEveryTriggerAndFunctionOfASample() {
        CliRun run = stratus(
                "simulate", SAMPLES.resolve("order-pipeline.stratus.json").toString(), "--duration", "10m");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Order pipeline on aws: 600 s simulated")
                .contains("orders-http")
                .contains("place-order")
                .contains("process-order")
                .contains("notify-customer")
                .contains("orders-queue");
    }

    @Test
    void simulateWithTheSameSeedPrintsTheSameJsonButWallTime() {
        String sample = SAMPLES.resolve("rest-api.stratus.json").toString();
        String first = stratus("simulate", sample, "--duration", "5m", "--seed", "3", "--json")
                .out();
        String second = stratus("simulate", sample, "--duration", "5m", "--seed", "3", "--json")
                .out();
        assertThat(first.replaceAll("\"wallSeconds\" : [0-9.E-]+", ""))
                .isEqualTo(second.replaceAll("\"wallSeconds\" : [0-9.E-]+", ""))
                .contains("\"timeSeries\"");
    }

    /** A design with an error: an HTTP trigger connected to nothing. */
    private Path lonelyTrigger() throws IOException {
        return Files.writeString(folder.resolve("broken.stratus.json"), """
                {"format": "stratus-project/1", "name": "Lonely", "architecture": {"nodes": [
                  {"kind": "http-trigger", "id": "web", "name": "web"}]}}
                """);
    }

    @Test
    void simulateRefusesADesignWithErrors() throws IOException {
        CliRun run = stratus("simulate", lonelyTrigger().toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .contains("error [web]: The HTTP trigger 'web' is connected to nothing")
                .contains("fix these errors before simulating");
    }

    @Test
    void simulateShowsTheMonthlyBillAndTheServerComparison() {
        CliRun run =
                stratus("simulate", SAMPLES.resolve("rest-api.stratus.json").toString(), "--duration", "10m");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Bill on AWS Lambda for a 30-day month of this traffic (free tier on)")
                .contains("AWS Lambda requests")
                .contains("Amazon API Gateway HTTP API requests")
                .contains("Amazon DynamoDB on-demand writes")
                .contains("Always-on instead:");
    }

    @Test
    void simulateOnEveryProviderComparesThemSideBySide() throws Exception {
        CliRun run = stratus(
                "simulate",
                SAMPLES.resolve("rest-api.stratus.json").toString(),
                "--duration",
                "5m",
                "--provider",
                "all",
                "--json");
        assertThat(run.status()).isZero();
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(report.get("settings").get("compareProviders").asBoolean()).isTrue();
        assertThat(report.has("simulation")).isTrue();
        var rows = report.get("comparison");
        assertThat(rows.size()).isEqualTo(6);
        List<String> providers = new java.util.ArrayList<>();
        rows.forEach(row -> providers.add(row.get("provider").asText()));
        assertThat(providers).containsExactly("aws", "gcp", "gcp-gen2", "azure", "azure-flex", "ibm");
        rows.forEach(row -> {
            if (row.get("error").isNull()) {
                assertThat(row.get("monthlyCost").asDouble()).isPositive();
                assertThat(row.get("p99Ms").asDouble())
                        .isGreaterThanOrEqualTo(row.get("p50Ms").asDouble());
            }
        });
    }

    @Test
    void simulateFollowsTheProjectsSettingsAsTheOptionsWouldSetThem() throws Exception {
        Path sample = SAMPLES.resolve("rest-api.stratus.json");
        String text = Files.readString(sample)
                .replace(
                        "\"durationSeconds\" : 3600.0,",
                        "\"durationSeconds\" : 600.0, \"routing\" : \"lru\", \"freeTier\" : false,");
        assertThat(text).contains("\"routing\" : \"lru\"");
        Path file = folder.resolve("rest-api.stratus.json");
        Files.writeString(file, text);
        String fromFile = stratus("simulate", file.toString(), "--json").out();
        String fromOptions = stratus(
                        "simulate",
                        sample.toString(),
                        "--routing",
                        "lru",
                        "--no-free-tier",
                        "--duration",
                        "10m",
                        "--json")
                .out();
        String wall = "\"wallSeconds\" : [0-9.E-]+";
        assertThat(fromFile.replaceAll(wall, "")).isEqualTo(fromOptions.replaceAll(wall, ""));
        var settings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(fromFile)
                .get("settings");
        assertThat(settings.get("routing").asText()).isEqualTo("lru");
        assertThat(settings.get("freeTier").asBoolean()).isFalse();
        // An option still overrides the file.
        String freeAgain = stratus("simulate", file.toString(), "--free-tier").out();
        assertThat(freeAgain).contains("(free tier on)");
    }

    @Test
    void simulateJsonIsTheWholeRunReport() throws Exception {
        CliRun run = stratus(
                "simulate", SAMPLES.resolve("order-pipeline.stratus.json").toString(), "--duration", "5m", "--json");
        assertThat(run.status()).isZero();
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        // Every setting, defaults too, unlike a project file.
        assertThat(report.get("settings").get("routing").asText()).isEqualTo("newest");
        assertThat(report.get("settings").get("freeTier").asBoolean()).isTrue();
        assertThat(report.get("simulation").get("simulatedSeconds").asDouble()).isEqualTo(300.0);
        assertThat(report.get("simulation").get("partial").asBoolean()).isFalse();
        assertThat(report.get("simulation").get("windows").get("stepSeconds").asDouble())
                .isEqualTo(0.5);
        assertThat(report.get("simulation").get("windows").get("count").asInt()).isEqualTo(600);
        assertThat(report.get("simulation").get("edges").size()).isPositive();
        assertThat(report.get("cost").get("monthly").get("total").asDouble()).isPositive();
        assertThat(report.get("cost").get("byNode").size()).isPositive();
        assertThat(report.get("breakEven").get("servers").asInt()).isPositive();
        assertThat(report.has("comparison")).isFalse();
    }

    @Test
    void simulateCsvIsOneTableWithTheReportsFigures() throws Exception {
        String sample = SAMPLES.resolve("rest-api.stratus.json").toString();
        CliRun csv = stratus("simulate", sample, "--duration", "5m", "--csv");
        assertThat(csv.status()).isZero();
        long requests = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(stratus("simulate", sample, "--duration", "5m", "--json")
                        .out())
                .get("simulation")
                .get("totals")
                .get("requests")
                .asLong();
        List<String> lines = List.of(csv.out().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("section,id,name,figure,value,unit");
        assertThat(lines).contains("run,,REST API,totals.requests," + requests + ",");
        assertThat(lines).anyMatch(line -> line.startsWith("bill,,,monthly.total,"));
        assertThat(lines).anyMatch(line -> line.startsWith("window,trigger-http,items-http,arrivals@299,"));
    }

    @Test
    void simulateRefusesJsonAndCsvTogetherAndAnUnknownRouting() {
        String sample = SAMPLES.resolve("rest-api.stratus.json").toString();
        CliRun both = stratus("simulate", sample, "--json", "--csv");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--json and --csv cannot be used together");
        CliRun routing = stratus("simulate", sample, "--routing", "fastest");
        assertThat(routing.status()).isEqualTo(2);
        assertThat(routing.errLines())
                .containsExactly("stratus: --routing: unknown routing 'fastest'; use newest, mru, lru or random");
    }

    @Test
    void sweepMarksItsPicksAndRefusesAnUnknownFunction() {
        String sample = SAMPLES.resolve("image-thumbnailer.stratus.json").toString();
        CliRun run = stratus(
                "sweep", sample, "--function", "make-thumbnail", "--memory", "512,1769,3008", "--duration", "10m");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("fastest").contains("cheapest").contains("balanced");
        CliRun usual = stratus("sweep", sample, "--function", "make-thumbnail", "--duration", "5m");
        assertThat(usual.status()).isZero();
        assertThat(usual.out()).contains("   1,769 ").contains("  10,240 ");
        CliRun unknown = stratus("sweep", sample, "--function", "resize", "--memory", "512");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.errLines())
                .containsExactly("stratus: there is no function named 'resize'; the design has make-thumbnail");
    }

    /** The CSV header and the events of the first second of {@link #takingTurns()}. */
    private static final List<String> HEADER_AND_FIRST_SECOND = List.of(
            "time_s,kind,node_id,edge,container,request,invocation,flags,value,value2",
            "1.000000,REQUEST_ARRIVED,web,,,0,,,0,0",
            "1.000000,HOP,,0,,0,,,0,1",
            "1.000000,CONTAINER_CREATED,api,,0,0,,,100000,0",
            "1.000000,INVOCATION_STARTED,api,,0,0,0,COLD,100000,0");

    /** An HTTP trigger calling a function of 1.5 s with a 100 ms cold start, once a second from 1 s. */
    private Path takingTurns() throws IOException {
        return Files.writeString(folder.resolve("turns.stratus.json"), """
                {"format": "stratus-project/1", "name": "Turns", "provider": "aws",
                 "architecture": {
                   "nodes": [
                     {"kind": "http-trigger", "id": "web", "name": "web"},
                     {"kind": "function", "id": "api", "name": "api", "memoryMb": 1024, "timeoutSeconds": 30,
                      "keepAlive": {"policy": "fixed", "seconds": 0.45},
                      "execution": {"shape": "constant", "meanMs": 1500},
                      "coldStart": {"shape": "constant", "meanMs": 100}}],
                   "edges": [{"id": "e0", "from": "web", "to": "api"}]},
                 "workloads": [{"type": "constant", "trigger": "web", "ratePerSecond": 1}]}
                """);
    }

    @Test
    void traceSummarisesAWindowAndWritesEveryEventAsCsv() throws IOException {
        Path csv = folder.resolve("events.csv");
        CliRun run = stratus("trace", takingTurns().toString(), "--to", "6s", "--csv", csv.toString());
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines())
                .containsExactly(
                        "Turns on aws, seed 1: 0 s to 6 s watched, 28 events",
                        "containers: 0 alive at the start, 3 created (3 cold starts), 2 expired",
                        "requests: 5 arrived, 4 done (0 failed); throttles: 0 by functions, 0 by the gateway",
                        "complete: every event of the window is recorded");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(29);
        assertThat(rows.subList(0, 5)).isEqualTo(HEADER_AND_FIRST_SECOND);
        assertThat(rows.get(21)).isEqualTo("4.950000,CONTAINER_EXPIRED,api,,0,,,,0,0");
    }

    @Test
    void traceWritesCsvToStandardOutputAndTheSummaryToStandardErrorWithADash() throws IOException {
        // Four events at 1 s, four at 2 s: five hold all of 1 s only.
        CliRun run = stratus("trace", takingTurns().toString(), "--to", "6s", "--max-events", "5", "--csv", "-");
        assertThat(run.status()).isZero();
        assertThat(run.out().lines()).isEqualTo(HEADER_AND_FIRST_SECOND);
        assertThat(run.err().lines())
                .containsExactly(
                        "Turns on aws, seed 1: 0 s to 6 s watched, 4 events",
                        "containers: 0 alive at the start, 1 created (1 cold starts), 0 expired",
                        "requests: 1 arrived, 0 done (0 failed); throttles: 0 by functions, 0 by the gateway",
                        "truncated: recording stopped at 1.000001 s, the window had more than 5 events (--max-events)");
    }

    @Test
    void traceRefusesAnEmptyWindowAndNoRoomForEventsWithOneLine() throws IOException {
        String file = takingTurns().toString();
        CliRun empty = stratus("trace", file, "--from", "5m", "--to", "1m");
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err())
                .isEqualTo("stratus: --from/--to: the window must end after it starts (300 s), not at 60 s\n");
        CliRun none = stratus("trace", file, "--max-events", "0");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("stratus: --max-events: the cap on events must be at least 1, not 0\n");
        CliRun folderMissing = stratus(
                "trace",
                file,
                "--to",
                "2s",
                "--csv",
                folder.resolve("no/such.csv").toString());
        assertThat(folderMissing.status()).isEqualTo(2);
        assertThat(folderMissing.err())
                .isEqualTo("stratus: cannot write " + folder.resolve("no/such.csv") + ": its folder does not exist\n");
    }

    @Test
    void traceRefusesADesignWithErrors() throws IOException {
        Path file = lonelyTrigger();
        CliRun run = stratus("trace", file.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(file + ": error [web]: The HTTP trigger 'web' is connected to nothing;"
                        + " connect it to a function or an API gateway.\n" + file
                        + ": fix these errors before tracing (stratus validate lists them all)\n");
    }
}
