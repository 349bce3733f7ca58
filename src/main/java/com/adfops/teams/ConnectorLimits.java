package com.adfops.teams;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams' limits for proactive messages: per conversation at most 7 messages a second and 60 in 30 seconds (a queue
 * smooths bursts: the caller waits for its turn). What the connector still refuses is retried by the transport
 * ({@link ConnectorRetry}).
 */
final class ConnectorLimits {

    static final int PER_SECOND = 7;
    static final int PER_30_SECONDS = 60;

    /** Waits; tests pass one that records instead. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier nanoTime;
    private final Sleeper sleeper;

    ConnectorLimits() {
        this(System::nanoTime, Thread::sleep);
    }

    ConnectorLimits(java.util.function.LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Waits until one more message may go to {@code conversationId}, and counts it. */
    void acquire(String conversationId) throws InterruptedException {
        // Conversations quiet for 30 s are forgotten (outside any lock), so the map does not keep every conversation.
        long start = nanoTime.getAsLong();
        sent.entrySet().removeIf(e -> !e.getKey().equals(conversationId) && isIdle(e.getValue(), start));
        Deque<Long> times = sent.computeIfAbsent(conversationId, k -> new ArrayDeque<>());
        while (true) {
            long wait;
            synchronized (times) {
                long now = nanoTime.getAsLong();
                while (!times.isEmpty() && now - times.peekFirst() > 30_000_000_000L) {
                    times.pollFirst();
                }
                long lastSecond = times.stream().filter(t -> now - t < 1_000_000_000L).count();
                if (lastSecond < PER_SECOND && times.size() < PER_30_SECONDS) {
                    times.addLast(now);
                    return;
                }
                long oldestInSecond = times.stream().filter(t -> now - t < 1_000_000_000L).findFirst().orElse(now);
                wait = lastSecond >= PER_SECOND ? 1_000_000_000L - (now - oldestInSecond)
                        : 30_000_000_000L - (now - times.peekFirst());
            }
            sleeper.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    private static boolean isIdle(Deque<Long> times, long now) {
        synchronized (times) {
            return times.isEmpty() || now - times.peekLast() > 30_000_000_000L;
        }
    }
}
