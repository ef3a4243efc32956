package dev.stratus.sim.trace;

import java.util.Arrays;

/**
 * Events as parallel primitive arrays that grow by doubling: what a {@link TraceRecorder} fills and a
 * {@link Trace} keeps (trimmed to size). No object per event.
 */
final class Columns {

    byte[] kind;
    long[] time;
    int[] node;
    int[] edge;
    int[] container;
    long[] request;
    int[] invocation;
    byte[] flags;
    long[] value;
    long[] value2;
    int size;

    Columns(int capacity) {
        kind = new byte[capacity];
        time = new long[capacity];
        node = new int[capacity];
        edge = new int[capacity];
        container = new int[capacity];
        request = new long[capacity];
        invocation = new int[capacity];
        flags = new byte[capacity];
        value = new long[capacity];
        value2 = new long[capacity];
    }

    // Kinds are stored as bytes, to stay free of objects; TraceKind.ALL maps them back.
    @SuppressWarnings("EnumOrdinal")
    int add(TraceKind k, long t, int n, int e, int c, long r, int i, int f, long v, long v2) {
        if (size == time.length) {
            resize(Math.max(16, size * 2));
        }
        int at = size++;
        kind[at] = (byte) k.ordinal();
        time[at] = t;
        node[at] = n;
        edge[at] = e;
        container[at] = c;
        request[at] = r;
        invocation[at] = i;
        flags[at] = (byte) f;
        value[at] = v;
        value2[at] = v2;
        return at;
    }

    /**
     * The events at {@code order[0..count)}, in that order, as new columns of exactly that size.
     *
     * @param order indices into these columns
     */
    Columns select(int[] order, int count) {
        Columns out = new Columns(count);
        for (int j = 0; j < count; j++) {
            int i = order[j];
            out.kind[j] = kind[i];
            out.time[j] = time[i];
            out.node[j] = node[i];
            out.edge[j] = edge[i];
            out.container[j] = container[i];
            out.request[j] = request[i];
            out.invocation[j] = invocation[i];
            out.flags[j] = flags[i];
            out.value[j] = value[i];
            out.value2[j] = value2[i];
        }
        out.size = count;
        return out;
    }

    private void resize(int capacity) {
        kind = Arrays.copyOf(kind, capacity);
        time = Arrays.copyOf(time, capacity);
        node = Arrays.copyOf(node, capacity);
        edge = Arrays.copyOf(edge, capacity);
        container = Arrays.copyOf(container, capacity);
        request = Arrays.copyOf(request, capacity);
        invocation = Arrays.copyOf(invocation, capacity);
        flags = Arrays.copyOf(flags, capacity);
        value = Arrays.copyOf(value, capacity);
        value2 = Arrays.copyOf(value2, capacity);
    }
}
