package com.adfops.agent;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What was worked out within the current second, by key: the same question asked in the same second by many people
 * (an incident channel, everybody asking "what is failing?") is worked out once, from the same memory of runs, and the
 * answer is the one the first of them got. A new second, or a change of the memory (a refresh), starts afresh: an
 * answer is never older than a second, nor than the memory. Failures are not kept. The Teams face keeps its rendered
 * cards the same way ({@code ReplySender}: the same answer, zone and second is rendered once).
 *
 * @param <K> what the value is for (everything it depends on but the second)
 * @param <V> an immutable value
 */
public final class SecondMemo<K, V> {

    private record Second<K, V>(Instant now, long version, Map<K, CompletableFuture<V>> values) {
    }

    private final int kept;
    private volatile Second<K, V> current = new Second<>(Instant.MIN, -1, Map.of());

    /** @param kept values kept per second at most (the distinct keys asked for within one second) */
    public SecondMemo(int kept) {
        this.kept = kept;
    }

    /**
     * The value for {@code key} at {@code now} (to the second, as the tools give it) from the memory of runs at
     * {@code version} ({@link com.adfops.runs.AdfTools#memoryVersion()}): worked out once per second and version (who
     * asks while it is being worked out waits for it rather than working it out too); always worked out when the
     * version is negative (answers read from Data Factory directly). A failure is not shared: each asker then works
     * the value out itself.
     */
    public V get(K key, Instant now, long version, Supplier<V> work) {
        if (version < 0) {
            return work.get();
        }
        Second<K, V> s = current;
        if (!s.now().equals(now) || s.version() != version) {
            s = new Second<>(now, version, new ConcurrentHashMap<>());
            current = s;
        }
        CompletableFuture<V> known = s.values().get(key);
        CompletableFuture<V> mine = new CompletableFuture<>();
        if (known == null) {
            if (s.values().size() >= kept) {
                return work.get();
            }
            known = s.values().putIfAbsent(key, mine);
        }
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException | java.util.concurrent.CancellationException failed) {
                return work.get();
            }
        }
        try {
            V value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            s.values().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
