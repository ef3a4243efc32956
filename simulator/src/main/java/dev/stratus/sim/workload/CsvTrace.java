package dev.stratus.sim.workload;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A replayed list of arrival times, read from a CSV file with one time in seconds from the start of
 * the run per line (decimals allowed). An optional header line may come first; blank lines and lines
 * starting with {@code #} are ignored; times must not decrease.
 *
 * <p>Held as a {@code long[]} of microseconds (8 bytes an arrival); immutable once loaded, so one
 * trace may feed many runs, each through its own {@link #arrivals()} cursor.
 */
public final class CsvTrace {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final double MAX_SECONDS = ArrivalTimes.HORIZON_MICROS / ArrivalTimes.MICROS_PER_SECOND;

    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    private static final int MAX_ARRIVALS = Integer.MAX_VALUE - 8;

    private final long[] times;

    private CsvTrace(long[] times) {
        this.times = times;
    }

    /**
     * Reads the trace.
     *
     * @param projectFolder the folder the project file is in
     * @param file the trace's path, relative to {@code projectFolder}, as the workload names it
     * @throws TraceException if the file is missing or unreadable, or a line is not a time in seconds
     *     or comes before the one above it
     */
    public static CsvTrace load(Path projectFolder, String file) throws TraceException {
        Objects.requireNonNull(projectFolder, "projectFolder is missing");
        Objects.requireNonNull(file, "file is missing");
        Parser parser = new Parser(file);
        TraceFiles.read(projectFolder, file, parser);
        return new CsvTrace(Arrays.copyOf(parser.times, parser.size));
    }

    /** How many arrivals the trace holds. */
    public int size() {
        return times.length;
    }

    /** A new process replaying the trace from its first arrival; after the last, none. */
    public ArrivalProcess arrivals() {
        return new Replay(times);
    }

    private static final class Replay implements ArrivalProcess {
        private final long[] times;
        private int index;

        Replay(long[] times) {
            this.times = times;
        }

        @Override
        public long next() {
            return index < times.length ? times[index++] : Long.MAX_VALUE;
        }
    }

    private static final class Parser implements TraceFiles.LineHandler {
        private final String file;
        private long[] times = new long[1024];
        private int size;
        private boolean seenContent;
        private double previousSeconds;
        private String previousText = "";

        Parser(String file) {
            this.file = file;
        }

        @Override
        public void line(String line, int number) throws TraceException {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                return;
            }
            boolean first = !seenContent;
            seenContent = true;
            if (first && !startsLikeANumber(text)) {
                return; // a header such as "timestamp"
            }
            if (!NUMBER.matcher(text).matches()) {
                throw new TraceException(file, number, "\"" + text + "\" is not a time in seconds");
            }
            double seconds = Double.parseDouble(text);
            if (seconds < 0) {
                throw new TraceException(
                        file, number, text + " is negative; times are seconds from the start of the run");
            }
            if (seconds >= MAX_SECONDS) {
                throw new TraceException(file, number, text + " seconds is too far from the start of the run");
            }
            if (size > 0 && seconds < previousSeconds) {
                throw new TraceException(
                        file,
                        number,
                        text + " comes before the time above it (" + previousText + "); times must not decrease");
            }
            if (size == times.length) {
                if (size >= MAX_ARRIVALS) {
                    throw new TraceException(file, number, "the trace has more than " + MAX_ARRIVALS + " arrivals");
                }
                times = Arrays.copyOf(times, (int) Math.min(MAX_ARRIVALS, size + (long) (size >> 1)));
            }
            times[size++] = Math.round(seconds * ArrivalTimes.MICROS_PER_SECOND);
            previousSeconds = seconds;
            previousText = text;
        }

        private static boolean startsLikeANumber(String text) {
            char c = text.charAt(0);
            return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
        }
    }
}
