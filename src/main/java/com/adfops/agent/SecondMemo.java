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
 * answer is the one the first of them got. A new second, or a change of the memory (a refresh), starts afresh: a
 * value is never older than a second, nor than the memory (an answer, below, at most two seconds). Failures are not
 * kept. The Teams face keeps its rendered cards the same way ({@code ReplySender}: the same answer, zone and second is
 * rendered once).
 *
 * <p>Answers ({@link #answers}) are not waited for by everyone: while the new second's answer is worked out (a new
 * failure's activity runs read from Data Factory, 300 ms and more), who else asks gets the latest answer worked out
 * for the same key, when it is at most {@link #LATEST_KEPT} old (it says how current it is, as every answer does),
 * rather than queue behind it with every other conversation's question; only without such an answer do they wait.
 *
 * @param <K> what the value is for (everything it depends on but the second)
 * @param <V> an immutable value
 */
public final class SecondMemo<K, V> {

    private record Second<K, V>(Instant now, long version, Map<K, CompletableFuture<V>> values) {
    }

    /** The latest value worked out for a key, and the second it is for. */
    private record Latest<V>(Instant now, V value) {
    }

    /** How old an answer may be that is given while a newer one is worked out. */
    public static final java.time.Duration LATEST_KEPT = java.time.Duration.ofSeconds(2);

    private final int kept;
    private final java.time.Duration latestKept;
    private final Map<Object, Latest<V>> latest = new ConcurrentHashMap<>();
    private volatile Second<K, V> current = new Second<>(Instant.MIN, -1, Map.of());

    /** @param kept values kept per second at most (the distinct keys asked for within one second) */
    public SecondMemo(int kept) {
        this(kept, java.time.Duration.ZERO);
    }

    private SecondMemo(int kept, java.time.Duration latestKept) {
        this.kept = kept;
        this.latestKept = latestKept;
    }

    /**
     * A memo of answers: as {@link #SecondMemo(int)}, and who asks while the answer of a new second (or a refreshed
     * memory) is worked out gets the latest one for the same key at once, when it is for a second at most {@link
     * #LATEST_KEPT} before.
     */
    public static <K, V> SecondMemo<K, V> answers(int kept) {
        return new SecondMemo<>(kept, LATEST_KEPT);
    }

    /**
     * The value for {@code key} at {@code now} (to the second, as the tools give it) from the memory of runs at
     * {@code version} ({@link com.adfops.runs.AdfTools#memoryVersion()}): worked out once per second and version (who
     * asks while it is being worked out waits for it rather than working it out too); always worked out when the
     * version is negative (answers read from Data Factory directly). A failure is not shared: each asker then works
     * the value out itself.
     */
    public V get(K key, Instant now, long version, Supplier<V> work) {
        return get(key, key, now, version, work);
    }

    /**
     * {@link #get(Object, Instant, long, Supplier)}, where {@code question} is what the key asks, without what changes
     * with the second (its window relative to now, {@link com.adfops.runs.TimeWindow#relativeTo}): the latest answer
     * of an {@link #answers} memo is the latest to the same question.
     */
    public V get(K key, Object question, Instant now, long version, Supplier<V> work) {
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
            if (!known.isDone() && !latestKept.isZero()) {
                Latest<V> l = latest.get(question);
                if (l != null && !l.now().isBefore(now.minus(latestKept)) && !l.now().isAfter(now)) {
                    return l.value();
                }
            }
            try {
                return known.join();
            } catch (CompletionException | java.util.concurrent.CancellationException failed) {
                return work.get();
            }
        }
        try {
            V value = work.get();
            mine.complete(value);
            keepLatest(question, now, value);
            return value;
        } catch (RuntimeException | Error e) {
            s.values().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Keeps {@code value} as the latest for {@code key} (answers only; at most {@code kept} keys, else started afresh). */
    private void keepLatest(Object key, Instant now, V value) {
        if (latestKept.isZero()) {
            return;
        }
        if (latest.size() >= kept && !latest.containsKey(key)) {
            latest.clear();
        }
        latest.merge(key, new Latest<>(now, value), (held, mine) -> mine.now().isBefore(held.now()) ? held : mine);
    }
}
