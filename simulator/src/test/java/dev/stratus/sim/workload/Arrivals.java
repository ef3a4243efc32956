package dev.stratus.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Test helpers: draw a process's arrivals and count them in windows. */
final class Arrivals {

    static final long SECOND = 1_000_000L;

    private Arrivals() {}

    /** All arrivals up to and including {@code endMicros}, checking they never go back. */
    static long[] until(ArrivalProcess process, long endMicros) {
        long[] times = new long[1024];
        int size = 0;
        long previous = 0;
        for (long t = process.next(); t <= endMicros; t = process.next()) {
            assertThat(t).as("arrival %d", size).isGreaterThanOrEqualTo(previous);
            previous = t;
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
            }
            times[size++] = t;
        }
        return Arrays.copyOf(times, size);
    }

    /** The first {@code count} arrivals (fewer if the process ends), checking they never go back. */
    static long[] first(ArrivalProcess process, int count) {
        long[] times = new long[count];
        int size = 0;
        long previous = 0;
        while (size < count) {
            long t = process.next();
            if (t == Long.MAX_VALUE) {
                break;
            }
            assertThat(t).as("arrival %d", size).isGreaterThanOrEqualTo(previous);
            times[size++] = t;
            previous = t;
        }
        return Arrays.copyOf(times, size);
    }

    /** How many of the sorted times are in {@code [fromSeconds, toSeconds)}. */
    static int count(long[] times, double fromSeconds, double toSeconds) {
        return index(times, Math.round(toSeconds * SECOND)) - index(times, Math.round(fromSeconds * SECOND));
    }

    /** The number of times before {@code micros}. */
    private static int index(long[] times, long micros) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (times[middle] < micros) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
