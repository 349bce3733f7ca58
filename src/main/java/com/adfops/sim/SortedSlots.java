package com.adfops.sim;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntToLongFunction;

/** Sorting and searching slots by a primitive key ({@link SimRuns#NONE} first), and saturating arithmetic on keys. */
final class SortedSlots {

    private static final long NONE = SimRuns.NONE;

    private SortedSlots() {
    }

    /** Slots 0..n-1 ordered by (key, slot), keys {@link SimRuns#NONE} first; packed into longs and sorted when they fit. */
    static int[] sortedSlots(int n, IntToLongFunction key) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int s = 0; s < n; s++) {
            long k = key.applyAsLong(s);
            if (k != NONE) {
                min = Math.min(min, k);
                max = Math.max(max, k);
            }
        }
        int slotBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        long span = min > max ? 1 : saturatedMinus(max, min) + 2;
        int keyBits = span <= 0 ? 64 : 64 - Long.numberOfLeadingZeros(span);
        if (keyBits + slotBits <= 63) {
            long[] packed = new long[n];
            for (int s = 0; s < n; s++) {
                long k = key.applyAsLong(s);
                long rel = k == NONE ? 0 : k - min + 1;
                packed[s] = (rel << slotBits) | s;
            }
            Arrays.sort(packed);
            int[] out = new int[n];
            long mask = (1L << slotBits) - 1;
            for (int i = 0; i < n; i++) {
                out[i] = (int) (packed[i] & mask);
            }
            return out;
        }
        Integer[] boxed = new Integer[n];
        for (int s = 0; s < n; s++) {
            boxed[s] = s;
        }
        Arrays.sort(boxed, Comparator.comparingLong((Integer s) -> key.applyAsLong(s)).thenComparingInt(s -> s));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** The first index whose key is at least {@code min}. */
    static int lowerIndex(int[] slots, IntToLongFunction key, long min) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsLong(slots[mid]) < min) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static long saturatedMinus(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
        return r;
    }
}
