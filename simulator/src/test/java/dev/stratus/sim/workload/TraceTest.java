package dev.stratus.sim.workload;

import static dev.stratus.sim.workload.Arrivals.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.Workload;
import dev.stratus.model.Workload.Trace.Format;
import dev.stratus.sim.random.RandomStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {

    private static final long MINUTE = 60 * SECOND;
    private static final String AZURE = String.join(
            "\n",
            "HashOwner,HashApp,HashFunction,Trigger,1,2,3,4",
            "o1,a1,f1,http,3,0,5,1",
            "o1,a1,f2,timer,1,1,0,0",
            "o2,a2,f3,queue,0,2,0,7",
            "");

    @TempDir
    Path project;

    @BeforeEach
    void makeTracesFolder() throws IOException {
        Files.createDirectories(project.resolve("traces"));
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(project.resolve(file), text);
    }

    private ArrivalProcess csv(String file) throws TraceException {
        return ArrivalProcesses.of(
                new Workload.Trace("web", file, Format.CSV, null), new RandomStreams(1).stream("web"), project);
    }

    private ArrivalProcess azure(String file, String function, long seed) throws TraceException {
        return ArrivalProcesses.of(
                new Workload.Trace("web", file, Format.AZURE_2019, function),
                new RandomStreams(seed).stream("web", "arrivals"),
                project);
    }

    private static long[] all(ArrivalProcess process) {
        return Arrivals.until(process, Long.MAX_VALUE - 1);
    }

    @Test
    void aCsvTraceReplaysExactlyItsTimestampsThenEnds() throws Exception {
        write("traces/day1.csv", "timestamp\n# warm-up\n0.5\n\n1.25\n1.25\n  3  \n7.000001\r\n");
        ArrivalProcess process = csv("traces/day1.csv");
        assertThat(all(process)).containsExactly(500_000L, 1_250_000L, 1_250_000L, 3_000_000L, 7_000_001L);
        assertThat(process.next()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aCsvTraceCanBeReplayedByManyRuns() throws Exception {
        write("t.csv", "1\n2\n");
        CsvTrace trace = CsvTrace.load(project, "t.csv");
        assertThat(trace.size()).isEqualTo(2);
        assertThat(all(trace.arrivals())).containsExactly(SECOND, 2 * SECOND);
        assertThat(all(trace.arrivals())).containsExactly(SECOND, 2 * SECOND);
    }

    @Test
    void aCsvLineThatIsNotANumberIsReportedWithFileAndLine() throws Exception {
        write("traces/day1.csv", "time\n1\n2\n12.5x\n");
        assertThatThrownBy(() -> csv("traces/day1.csv"))
                .isInstanceOf(TraceException.class)
                .hasMessage("traces/day1.csv:4: \"12.5x\" is not a time in seconds")
                .satisfies(e -> assertThat(((TraceException) e).line()).isEqualTo(4));
    }

    @Test
    void aHeaderIsOnlyAllowedFirst() throws Exception {
        write("t.csv", "1\ntime\n");
        assertThatThrownBy(() -> csv("t.csv")).hasMessage("t.csv:2: \"time\" is not a time in seconds");
    }

    @Test
    void aDecreasingTimestampIsReportedWithFileAndLine() throws Exception {
        write("traces/day1.csv", "1\n2.5\n# note\n2.4\n");
        assertThatThrownBy(() -> csv("traces/day1.csv"))
                .isInstanceOf(TraceException.class)
                .hasMessage("traces/day1.csv:4: 2.4 comes before the time above it (2.5); times must not decrease");
    }

    @Test
    void aNegativeTimestampIsReported() throws Exception {
        write("t.csv", "-1\n");
        assertThatThrownBy(() -> csv("t.csv")).hasMessageStartingWith("t.csv:1: -1 is negative");
    }

    @Test
    void aMissingFileIsReportedByName() {
        assertThatThrownBy(() -> csv("traces/missing.csv"))
                .isInstanceOf(TraceException.class)
                .hasMessageStartingWith("traces/missing.csv: no such file (looked for ")
                .satisfies(e -> assertThat(((TraceException) e).line()).isZero());
    }

    @Test
    void anAzureTraceReplaysTheChosenRowMinuteByMinute() throws Exception {
        write("traces/azure.csv", AZURE);
        assertMinuteCounts(all(azure("traces/azure.csv", "f1", 5)), 3, 0, 5, 1);
        assertMinuteCounts(all(azure("traces/azure.csv", "f3", 5)), 0, 2, 0, 7);
    }

    @Test
    void anAzureTraceWithoutAFunctionReplaysTheSumOfAllRows() throws Exception {
        write("traces/azure.csv", AZURE);
        ArrivalProcess process = azure("traces/azure.csv", null, 5);
        assertMinuteCounts(all(process), 4, 3, 5, 8);
        assertThat(process.next()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anAzureTraceIsTheSameForTheSameSeedAndSpreadDifferentlyForAnother() throws Exception {
        write("traces/azure.csv", AZURE);
        long[] first = all(azure("traces/azure.csv", null, 5));
        assertThat(all(azure("traces/azure.csv", null, 5))).containsExactly(first);
        assertThat(all(azure("traces/azure.csv", null, 6))).isNotEqualTo(first);
    }

    @Test
    void aBusyMinuteIsSpreadUniformlyWithinIt() throws Exception {
        int n = 100_000;
        write("busy.csv", "HashOwner,HashApp,HashFunction,Trigger,1,2\no,a,f,http,0," + n + "\n");
        long[] times = all(azure("busy.csv", "f", 11));
        assertMinuteCounts(times, 0, n);
        // Offsets in the minute are uniform on [0, 60 s): mean 30 s, sd 60/√12 s; a sixth in each 10 s.
        double sum = 0;
        long firstTenSeconds = 0;
        for (long t : times) {
            long offset = t - MINUTE;
            sum += offset;
            firstTenSeconds += offset < 10 * SECOND ? 1 : 0;
        }
        double sd = MINUTE / Math.sqrt(12);
        assertThat(sum / n).isCloseTo(30.0 * SECOND, within(5 * sd / Math.sqrt(n)));
        double p = 1 / 6.0;
        assertThat((double) firstTenSeconds).isCloseTo(n * p, within(5 * Math.sqrt(n * p * (1 - p))));
    }

    @Test
    void anAzureRowWithTheWrongNumberOfColumnsIsReportedWithItsLine() throws Exception {
        write("azure.csv", "HashOwner,HashApp,HashFunction,Trigger,1,2,3,4\no,a,f1,http,1,2,3,4\no,a,f2,http,1,2,3\n");
        assertThatThrownBy(() -> azure("azure.csv", null, 1))
                .isInstanceOf(TraceException.class)
                .hasMessage("azure.csv:3: the row has 7 columns; the header has 8");
    }

    @Test
    void anAzureCountThatIsNotAWholeNumberIsReported() throws Exception {
        write("azure.csv", "HashOwner,HashApp,HashFunction,Trigger,1,2\no,a,f1,http,1,2.5\n");
        assertThatThrownBy(() -> azure("azure.csv", null, 1))
                .hasMessage("azure.csv:2: \"2.5\" in column 6 (minute 2) is not a whole number of invocations");
    }

    @Test
    void anAzureTraceWithoutTheChosenFunctionIsAnError() throws Exception {
        write("azure.csv", AZURE);
        assertThatThrownBy(() -> azure("azure.csv", "nope", 1))
                .hasMessage("azure.csv: no row has the HashFunction \"nope\"");
    }

    @Test
    void aFileWithoutTheAzureHeaderIsReported() throws Exception {
        write("azure.csv", "owner,app,function,trigger,1\n");
        assertThatThrownBy(() -> azure("azure.csv", null, 1))
                .hasMessageStartingWith("azure.csv:1: the header should be HashOwner,HashApp,HashFunction,Trigger,")
                .hasMessageEndingWith("column 1 is \"owner\", not HashOwner");
    }

    /** Every arrival is inside its minute, in order, and each minute has exactly its count. */
    private static void assertMinuteCounts(long[] times, long... perMinute) {
        long[] counted = new long[perMinute.length];
        long previous = -1;
        for (long t : times) {
            assertThat(t).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(0);
            int minute = (int) (t / MINUTE);
            assertThat(minute).isLessThan(perMinute.length);
            counted[minute]++;
            previous = t;
        }
        assertThat(counted).containsExactly(perMinute);
    }
}
