package dev.tora.core.domain.metric;

/** Stable ordering of indices by a long key, without boxing. */
final class StableOrder {

    private StableOrder() {
    }

    /** The indices {@code 0..n-1} ordered by {@code keys}, equal keys keeping index order. */
    static int[] of(long[] keys, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (isSorted(keys, n)) {
            return order;
        }
        int[] buffer = new int[n];
        // Bottom-up merge sort: stable because ties take from the left run.
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                merge(keys, order, buffer, lo, mid, hi);
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    private static void merge(long[] keys, int[] src, int[] dst, int lo, int mid, int hi) {
        int a = lo;
        int b = mid;
        for (int k = lo; k < hi; k++) {
            if (b >= hi || (a < mid && keys[src[a]] <= keys[src[b]])) {
                dst[k] = src[a++];
            } else {
                dst[k] = src[b++];
            }
        }
    }

    private static boolean isSorted(long[] keys, int n) {
        for (int i = 1; i < n; i++) {
            if (keys[i] < keys[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
