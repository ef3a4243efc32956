package dev.stratus.sim.graph;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Messages waiting for a function: a ring buffer of the times they were sent (microseconds), with
 * the depth's time integral and the waiting time of every message taken. Memory grows with the
 * backlog, never with simulated time.
 */
final class MessageQueue {

    final String name;
    final int consumer;
    /** The edge to the consumer, by index in the project's edges. */
    final int edge;

    final int batchSize;
    final long windowMicros;
    /** Most batches running at once: one per shard for a stream, unlimited for a queue. */
    final int maxRunning;
    /** Index of the entry trigger whose traffic this queue carries, or {@link Invocations#NONE}. */
    final int entry;

    int running;
    boolean windowPending;
    long sent;
    long taken;
    long maxDepth;
    /** The largest depth in the recorder's open window. */
    long windowMaxDepth;

    long depthMicros;
    final Histogram age = Histograms.create();

    private long[] times = new long[64];
    private int head;
    private int size;
    private long changedAt;

    MessageQueue(String name, int consumer, int edge, int batchSize, long windowMicros, int maxRunning, int entry) {
        this.name = name;
        this.consumer = consumer;
        this.edge = edge;
        this.batchSize = batchSize;
        this.windowMicros = windowMicros;
        this.maxRunning = maxRunning;
        this.entry = entry;
    }

    int depth() {
        return size;
    }

    /** The most messages a queue may hold in a run: a backlog past it means the design cannot keep up. */
    static final int MAX_BACKLOG = 1 << 26;

    void add(long sentAt, long now) {
        integrate(now);
        if (size == MAX_BACKLOG) {
            throw new BacklogException("the queue '" + name + "' holds " + MAX_BACKLOG + " messages at "
                    + String.format(java.util.Locale.ROOT, "%.0f", now / 1e6) + " s: its consumer cannot keep up."
                    + " Simulate a shorter time, or give the consumer more concurrency or bigger batches.");
        }
        if (size == times.length) {
            long[] bigger = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = times[(head + i) % times.length];
            }
            times = bigger;
            head = 0;
        }
        times[(head + size) % times.length] = sentAt;
        size++;
        sent++;
        maxDepth = Math.max(maxDepth, size);
        windowMaxDepth = Math.max(windowMaxDepth, size);
    }

    long oldest() {
        return times[head];
    }

    /** Takes up to {@code count} messages at {@code now}; returns the send time of the first. */
    long take(int count, long now) {
        integrate(now);
        long first = times[head];
        for (int i = 0; i < count; i++) {
            age.recordValue(Histograms.clamp(now - times[head]));
            head = (head + 1) % times.length;
        }
        size -= count;
        taken += count;
        return first;
    }

    void integrate(long now) {
        if (now > changedAt) {
            depthMicros += (now - changedAt) * size;
            changedAt = now;
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(new int[] {size, running});
    }
}
