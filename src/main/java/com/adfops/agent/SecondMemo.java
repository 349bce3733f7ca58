package com.adfops.agent;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What was worked out within the current second, by key: the same question asked in the same second by many people
 * (an incident channel, everybody asking "what is failing?") is worked out once, from the same memory of runs, and the
 * answer is the one the first of them got. A new second, or a change of the memory (a refresh), starts afresh: an
 * answer is never older than a second, nor than the memory. Failures are not kept.
 *
 * @param <K> what the value is for (everything it depends on but the second)
 * @param <V> an immutable value
 */
final class SecondMemo<K, V> {

    private record Second<K, V>(Instant now, long version, Map<K, V> values) {
    }

    private final int kept;
    private volatile Second<K, V> current = new Second<>(Instant.MIN, -1, Map.of());

    /** @param kept values kept per second at most (the distinct keys asked for within one second) */
    SecondMemo(int kept) {
        this.kept = kept;
    }

    /**
     * The value for {@code key} at {@code now} (to the second, as the tools give it) from the memory of runs at
     * {@code version} ({@link com.adfops.runs.AdfTools#memoryVersion()}): worked out once per second and version;
     * always worked out when the version is negative (answers read from Data Factory directly).
     */
    V get(K key, Instant now, long version, Supplier<V> work) {
        if (version < 0) {
            return work.get();
        }
        Second<K, V> s = current;
        if (!s.now().equals(now) || s.version() != version) {
            s = new Second<>(now, version, new ConcurrentHashMap<>());
            current = s;
        }
        V known = s.values().get(key);
        if (known != null) {
            return known;
        }
        V value = work.get();
        if (value != null && s.values().size() < kept) {
            s.values().put(key, value);
        }
        return value;
    }
}
