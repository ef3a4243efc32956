package dev.stratus.sim.engine;

import java.util.Arrays;

/**
 * The future event list: a binary min-heap over primitive arrays, ordered by (time, priority,
 * insertion sequence), so events at the same time come out in a fixed order and a run is
 * deterministic. Times are microseconds. Nothing is allocated per event: the arrays grow by doubling
 * and are reused.
 *
 * <p>{@link #poll()} moves the earliest event into the "current" fields ({@link #time()}, {@link
 * #kind()}, {@link #target()}, {@link #data()}), which stay valid until the next poll.
 */
public final class BinaryHeapEventQueue {

    private static final int SEQUENCE_BITS = 48;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    private static final int MAX_PRIORITY = (1 << (63 - SEQUENCE_BITS)) - 1;

    private long[] times;
    /** Priority in the high bits, insertion sequence in the low 48: one comparison for both. */
    private long[] orders;

    private int[] kinds;
    private int[] targets;
    private long[] datas;
    private int size;
    private long sequence;

    private long currentTime;
    private int currentKind;
    private int currentTarget;
    private long currentData;

    public BinaryHeapEventQueue() {
        this(64);
    }

    public BinaryHeapEventQueue(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        times = new long[capacity];
        orders = new long[capacity];
        kinds = new int[capacity];
        targets = new int[capacity];
        datas = new long[capacity];
    }

    /**
     * Schedules an event.
     *
     * @param time when, in microseconds
     * @param priority among events at the same time, lower first (0 to 32,767)
     * @param kind what happens (an {@link EventKind} ordinal or a model's own code)
     * @param target the component it happens to
     * @param data a value for the handler
     */
    public void add(long time, int priority, int kind, int target, long data) {
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be 0 to " + MAX_PRIORITY + ", not " + priority);
        }
        if (sequence > MAX_SEQUENCE) {
            throw new IllegalStateException("more than 2^48 events scheduled");
        }
        if (size == times.length) {
            grow();
        }
        long order = ((long) priority << SEQUENCE_BITS) | sequence++;
        // Sift up: move the hole from the end towards the root, then fill it.
        int hole = size++;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            long parentTime = times[parent];
            if (parentTime < time || (parentTime == time && orders[parent] < order)) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        times[hole] = time;
        orders[hole] = order;
        kinds[hole] = kind;
        targets[hole] = target;
        datas[hole] = data;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** Time of the earliest event; {@code Long.MAX_VALUE} when there is none. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Removes the earliest event and makes it current. */
    public void poll() {
        if (size == 0) {
            throw new IllegalStateException("no events");
        }
        currentTime = times[0];
        currentKind = kinds[0];
        currentTarget = targets[0];
        currentData = datas[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        long time = times[last];
        long order = orders[last];
        // Sift down: move the hole from the root towards the leaves, then put the last event in it.
        int hole = 0;
        int half = last >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < last
                    && (times[right] < times[child]
                            || (times[right] == times[child] && orders[right] < orders[child]))) {
                child = right;
            }
            if (time < times[child] || (time == times[child] && order < orders[child])) {
                break;
            }
            move(child, hole);
            hole = child;
        }
        times[hole] = time;
        orders[hole] = order;
        kinds[hole] = kinds[last];
        targets[hole] = targets[last];
        datas[hole] = datas[last];
    }

    public long time() {
        return currentTime;
    }

    public int kind() {
        return currentKind;
    }

    public int target() {
        return currentTarget;
    }

    public long data() {
        return currentData;
    }

    /** Removes every event. */
    public void clear() {
        size = 0;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        orders[to] = orders[from];
        kinds[to] = kinds[from];
        targets[to] = targets[from];
        datas[to] = datas[from];
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        orders = Arrays.copyOf(orders, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        targets = Arrays.copyOf(targets, capacity);
        datas = Arrays.copyOf(datas, capacity);
    }
}
