package dev.stratus.sim.workload;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Invocations per minute from the Azure Functions 2019 public trace ({@code
 * invocations_per_function_md.anon.dNN.csv}): a header {@code
 * HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440}, then one row per function with its
 * invocation count in each minute. Shorter traces (fewer minute columns) are accepted.
 *
 * <p>With a function hash the trace is that function's row (the sum of its rows, should the hash
 * appear more than once); without one it is the sum of all rows. Held as one {@code long} per minute,
 * however many rows the file has; immutable once loaded, so one trace may feed many runs.
 *
 * <p>Replay puts the k invocations of a minute uniformly at random within it, in increasing order, as
 * the k sorted order statistics of uniforms generated one after another (the next of r remaining on
 * {@code [a, 1)} is {@code a + (1 - a)(1 - U^(1/r))}), so no per-minute array is needed. Minute 1 of
 * the trace is the first minute of the run; after the last minute there are no more arrivals.
 */
public final class AzureTrace {

    private static final String[] NAMED_COLUMNS = {"HashOwner", "HashApp", "HashFunction", "Trigger"};
    private static final int FUNCTION_COLUMN = 2;
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    private final long[] perMinute;

    private AzureTrace(long[] perMinute) {
        this.perMinute = perMinute;
    }

    /**
     * Reads the trace.
     *
     * @param projectFolder the folder the project file is in
     * @param file the trace's path, relative to {@code projectFolder}, as the workload names it
     * @param function the {@code HashFunction} of the row to replay, or {@code null} for all rows
     * @throws TraceException if the file is missing or unreadable, its header is not the Azure one, a
     *     row has the wrong number of columns or a count that is not a whole number, or no row has the
     *     function
     */
    public static AzureTrace load(Path projectFolder, String file, String function) throws TraceException {
        Objects.requireNonNull(projectFolder, "projectFolder is missing");
        Objects.requireNonNull(file, "file is missing");
        Parser parser = new Parser(file, function);
        TraceFiles.read(projectFolder, file, parser);
        if (parser.perMinute == null) {
            throw new TraceException(
                    file,
                    "is empty; an Azure 2019 trace starts with the header "
                            + "HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440");
        }
        if (function != null && !parser.found) {
            throw new TraceException(file, "no row has the HashFunction \"" + function + "\"");
        }
        return new AzureTrace(parser.perMinute);
    }

    /** How many minutes the trace covers. */
    public int minutes() {
        return perMinute.length;
    }

    /** The invocations in a minute of the trace, counting from 0. */
    public long invocations(int minute) {
        return perMinute[minute];
    }

    /** A new process replaying the trace from its first minute, spreading each minute with {@code rng}. */
    public ArrivalProcess arrivals(UniformRandomProvider rng) {
        return new Replay(perMinute, Objects.requireNonNull(rng, "rng is missing"));
    }

    private static final class Replay implements ArrivalProcess {
        private final long[] perMinute;
        private final UniformRandomProvider rng;
        private int minute = -1;
        private long remaining;
        private double position;

        Replay(long[] perMinute, UniformRandomProvider rng) {
            this.perMinute = perMinute;
            this.rng = rng;
        }

        @Override
        public long next() {
            while (remaining == 0) {
                if (minute + 1 >= perMinute.length) {
                    minute = perMinute.length;
                    return Long.MAX_VALUE;
                }
                minute++;
                remaining = perMinute[minute];
                position = 0;
            }
            // U in (0, 1] keeps the logarithm finite; expm1 keeps 1 - U^(1/r) accurate for large r.
            double u = 1 - rng.nextDouble();
            position += (1 - position) * -Math.expm1(Math.log(u) / remaining);
            remaining--;
            // Truncating, and the cap, keep every arrival inside its minute even if position rounds to 1.
            long offset = Math.min((long) (position * MICROS_PER_MINUTE), MICROS_PER_MINUTE - 1);
            return minute * MICROS_PER_MINUTE + offset;
        }
    }

    private static final class Parser implements TraceFiles.LineHandler {
        private final String file;
        private final String function;
        private long[] perMinute;
        private int[] commas;
        private boolean found;

        Parser(String file, String function) {
            this.file = file;
            this.function = function;
        }

        @Override
        public void line(String line, int number) throws TraceException {
            String text = line.strip();
            if (text.isEmpty()) {
                return;
            }
            if (perMinute == null) {
                perMinute = new long[header(text, number)];
                commas = new int[NAMED_COLUMNS.length + perMinute.length - 1];
                return;
            }
            findCommas(text, number);
            if (function != null && !cell(text, FUNCTION_COLUMN).equals(function)) {
                return;
            }
            found = true;
            for (int minute = 0; minute < perMinute.length; minute++) {
                int column = NAMED_COLUMNS.length + minute;
                perMinute[minute] += count(text, column, number);
            }
        }

        /** Checks the header and returns the number of minute columns. */
        private int header(String text, int number) throws TraceException {
            String[] names = text.split(",", -1);
            String expected = "the header should be HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440";
            if (names.length <= NAMED_COLUMNS.length) {
                throw new TraceException(file, number, expected + "; this one has no minute columns");
            }
            for (int i = 0; i < names.length; i++) {
                String name = names[i].strip();
                String wanted = i < NAMED_COLUMNS.length ? NAMED_COLUMNS[i] : Integer.toString(i - 3);
                if (!name.equalsIgnoreCase(wanted)) {
                    throw new TraceException(
                            file, number, expected + "; column " + (i + 1) + " is \"" + name + "\", not " + wanted);
                }
            }
            return names.length - NAMED_COLUMNS.length;
        }

        /** Records where the row's commas are, after checking it has as many columns as the header. */
        private void findCommas(String text, int number) throws TraceException {
            int seen = 0;
            for (int i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
                if (seen < commas.length) {
                    commas[seen] = i;
                }
                seen++;
            }
            if (seen != commas.length) {
                throw new TraceException(
                        file, number, "the row has " + (seen + 1) + " columns; the header has " + (commas.length + 1));
            }
        }

        private int cellStart(int column) {
            return column == 0 ? 0 : commas[column - 1] + 1;
        }

        private int cellEnd(String text, int column) {
            return column == commas.length ? text.length() : commas[column];
        }

        private String cell(String text, int column) {
            return text.substring(cellStart(column), cellEnd(text, column)).strip();
        }

        private long count(String text, int column, int number) throws TraceException {
            int start = cellStart(column);
            int end = cellEnd(text, column);
            long value = 0;
            boolean digits = end > start && end - start <= 18;
            for (int i = start; digits && i < end; i++) {
                char c = text.charAt(i);
                digits = c >= '0' && c <= '9';
                value = value * 10 + (c - '0');
            }
            if (!digits) {
                throw new TraceException(
                        file,
                        number,
                        "\"" + text.substring(start, end) + "\" in column " + (column + 1) + " (minute "
                                + (column - NAMED_COLUMNS.length + 1) + ") is not a whole number of invocations");
            }
            return value;
        }
    }

    @Override
    public String toString() {
        return "Azure trace of " + perMinute.length + " minutes, "
                + Arrays.stream(perMinute).sum() + " invocations";
    }
}
