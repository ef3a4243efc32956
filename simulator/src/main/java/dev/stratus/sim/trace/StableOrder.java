package dev.stratus.sim.trace;

/** A stable sort of event indices by time, on primitive arrays: ties keep the order they were recorded in. */
final class StableOrder {

    private StableOrder() {}

    /** The indices {@code 0..size)} ordered by {@code times}, stably. */
    static int[] byTime(long[] times, int size) {
        int[] order = new int[size];
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            sorted &= i == 0 || times[i - 1] <= times[i];
        }
        if (sorted) {
            return order;
        }
        // Bottom-up merge sort: stable, O(n log n), one scratch array.
        int[] scratch = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int low = 0; low < size; low += 2 * width) {
                int mid = Math.min(low + width, size);
                int high = Math.min(low + 2 * width, size);
                int a = low;
                int b = mid;
                int k = low;
                while (a < mid && b < high) {
                    scratch[k++] = times[order[b]] < times[order[a]] ? order[b++] : order[a++];
                }
                while (a < mid) {
                    scratch[k++] = order[a++];
                }
                while (b < high) {
                    scratch[k++] = order[b++];
                }
            }
            int[] swap = order;
            order = scratch;
            scratch = swap;
        }
        return order;
    }
}
