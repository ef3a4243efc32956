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
    /** The queue's node (the Queue service or the Queue/Stream trigger): its index in the project's node list. */
    int nodeIndex;

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
    /** Beside {@link #times} when a trace is recorded: the request number of each message; else null. */
    private long[] requests;

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

    /** Makes each message remember its request number, for a trace. */
    void trackRequests() {
        requests = new long[times.length];
    }

    void add(long sentAt, long request, long now) {
        integrate(now);
        if (size == MAX_BACKLOG) {
            throw new BacklogException("the queue '" + name + "' holds " + MAX_BACKLOG + " messages at "
                    + String.format(java.util.Locale.ROOT, "%.0f", now / 1e6) + " s: its consumer cannot keep up."
                    + " Simulate a shorter time, or give the consumer more concurrency or bigger batches.");
        }
        if (size == times.length) {
            times = unrolled(times);
            if (requests != null) {
                requests = unrolled(requests);
            }
            head = 0;
        }
        int tail = (head + size) % times.length;
        times[tail] = sentAt;
        if (requests != null) {
            requests[tail] = request;
        }
        size++;
        sent++;
        maxDepth = Math.max(maxDepth, size);
        windowMaxDepth = Math.max(windowMaxDepth, size);
    }

    long oldest() {
        return times[head];
    }

    /** The request number of the oldest message, or -1 when requests are not tracked. */
    long oldestRequest() {
        return requests == null ? -1 : requests[head];
    }

    /** The ring {@code ring} in order from its head, in an array twice as long. */
    private long[] unrolled(long[] ring) {
        long[] bigger = new long[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        return bigger;
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
