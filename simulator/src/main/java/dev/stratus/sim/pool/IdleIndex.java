package dev.stratus.sim.pool;

import dev.stratus.model.Routing;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The idle instances a routing policy chooses among, beside the pool's list ordered by idle time:
 * for {@link Routing#NEWEST} a max-heap keyed by creation order, for {@link Routing#RANDOM} an
 * unordered array with O(1) removal. Slots are the pool's instance slots; nothing is allocated once
 * the arrays have grown.
 */
final class IdleIndex {

    private final boolean ordered;
    private int[] slots = new int[16];
    private long[] keys = new long[16];
    private int[] position = new int[16];
    private int size;

    /** @param ordered a heap by key (newest first) rather than an unordered set */
    IdleIndex(boolean ordered) {
        this.ordered = ordered;
    }

    int size() {
        return size;
    }

    /** The slot with the largest key (the newest created). */
    int max() {
        return slots[0];
    }

    /** Any slot, uniformly at random. */
    int random(UniformRandomProvider random) {
        return slots[random.nextInt(size)];
    }

    void add(int slot, long key) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        if (slot >= position.length) {
            position = Arrays.copyOf(position, Math.max(slot + 1, position.length * 2));
        }
        int at = size++;
        put(at, slot, key);
        if (ordered) {
            siftUp(at);
        }
    }

    void remove(int slot) {
        int at = position[slot];
        int last = --size;
        if (at == last) {
            return;
        }
        put(at, slots[last], keys[last]);
        if (ordered) {
            siftUp(siftDown(at));
        }
    }

    private void put(int at, int slot, long key) {
        slots[at] = slot;
        keys[at] = key;
        position[slot] = at;
    }

    private int siftUp(int at) {
        int slot = slots[at];
        long key = keys[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (keys[parent] >= key) {
                break;
            }
            put(at, slots[parent], keys[parent]);
            at = parent;
        }
        put(at, slot, key);
        return at;
    }

    /** Moves the entry at {@code at} down to its place and returns where it ended. */
    private int siftDown(int at) {
        int slot = slots[at];
        long key = keys[at];
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && keys[right] > keys[child]) {
                child = right;
            }
            if (key >= keys[child]) {
                break;
            }
            put(at, slots[child], keys[child]);
            at = child;
        }
        put(at, slot, key);
        return at;
    }
}
