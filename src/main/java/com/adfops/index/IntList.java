package com.adfops.index;

import java.util.Arrays;

/** A growable list of ints: the rows of a block a question matches. */
final class IntList {
    int[] a = new int[64];
    int n;

    void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }
}
