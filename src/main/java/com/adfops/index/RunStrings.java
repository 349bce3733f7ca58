package com.adfops.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct texts of a factory's runs, each stored once and numbered (0 is null). Written by the index's
 * loaders (synchronized); read without locks: a block is published (a volatile write) after its texts were added.
 */
final class RunStrings {
    private final Map<String, Integer> ids = new HashMap<>();
    private volatile String[] values = new String[64];
    private int size = 1;

    synchronized int id(String s) {
        if (s == null) {
            return 0;
        }
        Integer known = ids.get(s);
        if (known != null) {
            return known;
        }
        String[] v = values;
        if (size == v.length) {
            v = Arrays.copyOf(v, size * 2);
        }
        v[size] = s;
        values = v;
        ids.put(s, size);
        return size++;
    }

    String get(int id) {
        return values[id];
    }

    synchronized int size() {
        return size;
    }
}
