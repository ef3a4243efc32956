package dev.stratus.sim.graph;

import java.util.Arrays;

/**
 * The invocations in flight, as slots of parallel primitive arrays that are reused: a run allocates
 * nothing per request once the arrays have grown to the most invocations in flight at once. A slot's
 * {@code generation} changes on every reuse, so a late event for an old occupant is recognised.
 */
final class Invocations {

    static final int NONE = -1;

    /** How an invocation was started, which decides what happens when it fails or ends. */
    static final int SYNC = 0;

    static final int ASYNC = 1;
    static final int BATCH = 2;
    static final int CHILD = 3;

    int[] function = new int[64];
    int[] instance = new int[64];
    int[] mode = new int[64];
    int[] parent = new int[64];
    int[] child = new int[64];
    int[] step = new int[64];
    int[] entry = new int[64];
    int[] attempts = new int[64];
    int[] queue = new int[64];
    int[] batch = new int[64];
    /** For an asynchronous call from a function: its edge, where its retries count too; else NONE. */
    int[] via = new int[64];
    /** The number of its trace event, from the lifecycle listener (-1 when nothing records). */
    int[] number = new int[64];

    long[] generation = new long[64];
    long[] entryStart = new long[64];
    long[] requestedAt = new long[64];
    long[] startedAt = new long[64];
    long[] initMicros = new long[64];
    /** The number of the arrival it serves, counted from 0 in the run, or -1 for work with no root. */
    long[] request = new long[64];

    boolean[] failed = new boolean[64];
    boolean[] timedOut = new boolean[64];
    boolean[] cold = new boolean[64];

    private int[] free = new int[64];
    private int freeCount;
    private int used;
    private long generations;

    int allocate(int fn, int invocationMode, int entryIndex, long entryStartTime, long requestNumber) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == function.length) {
                grow();
            }
            slot = used++;
        }
        function[slot] = fn;
        instance[slot] = NONE;
        mode[slot] = invocationMode;
        parent[slot] = NONE;
        child[slot] = NONE;
        step[slot] = 0;
        entry[slot] = entryIndex;
        attempts[slot] = 0;
        queue[slot] = NONE;
        batch[slot] = 0;
        via[slot] = NONE;
        generation[slot] = ++generations;
        entryStart[slot] = entryStartTime;
        failed[slot] = false;
        timedOut[slot] = false;
        cold[slot] = false;
        initMicros[slot] = 0;
        request[slot] = requestNumber;
        number[slot] = NONE;
        return slot;
    }

    void release(int slot) {
        generation[slot] = ++generations;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    /** Slots in use now. */
    int inFlight() {
        return used - freeCount;
    }

    private void grow() {
        int n = function.length * 2;
        function = Arrays.copyOf(function, n);
        instance = Arrays.copyOf(instance, n);
        mode = Arrays.copyOf(mode, n);
        parent = Arrays.copyOf(parent, n);
        child = Arrays.copyOf(child, n);
        step = Arrays.copyOf(step, n);
        entry = Arrays.copyOf(entry, n);
        attempts = Arrays.copyOf(attempts, n);
        queue = Arrays.copyOf(queue, n);
        batch = Arrays.copyOf(batch, n);
        via = Arrays.copyOf(via, n);
        number = Arrays.copyOf(number, n);
        generation = Arrays.copyOf(generation, n);
        entryStart = Arrays.copyOf(entryStart, n);
        requestedAt = Arrays.copyOf(requestedAt, n);
        startedAt = Arrays.copyOf(startedAt, n);
        initMicros = Arrays.copyOf(initMicros, n);
        request = Arrays.copyOf(request, n);
        failed = Arrays.copyOf(failed, n);
        timedOut = Arrays.copyOf(timedOut, n);
        cold = Arrays.copyOf(cold, n);
    }
}
