package com.adfops.teams;

import com.microsoft.bot.restclient.RestException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams' limits for proactive messages: per conversation at most 7 messages a second and 60 in 30 seconds (a queue
 * smooths bursts: the caller waits for its turn), and the Bot Connector's 429 (throttled) and 412 (precondition
 * failed, a concurrent update) are retried with exponential backoff and jitter, Retry-After first; botbuilder-java
 * retries neither.
 */
final class ConnectorLimits {

    private static final Logger log = LoggerFactory.getLogger(ConnectorLimits.class);
    static final int PER_SECOND = 7;
    static final int PER_30_SECONDS = 60;
    static final int ATTEMPTS = 5;

    /** Waits; tests pass one that records instead. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();
    private final Duration baseBackoff;
    private final java.util.function.LongSupplier nanoTime;
    private final Sleeper sleeper;

    ConnectorLimits(Duration baseBackoff) {
        this(baseBackoff, System::nanoTime, Thread::sleep);
    }

    ConnectorLimits(Duration baseBackoff, java.util.function.LongSupplier nanoTime, Sleeper sleeper) {
        this.baseBackoff = baseBackoff;
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

    /** Runs a connector call, retrying it when the connector answers 429 or 412. */
    <T> T call(String what, Supplier<CompletableFuture<T>> send) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get().join();
            } catch (CompletionException | RestException e) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                Integer status = status(cause);
                if (status == null || (status != 429 && status != 412) || attempt >= ATTEMPTS) {
                    throw e instanceof CompletionException ce ? ce : new CompletionException(cause);
                }
                int tried = attempt;
                Duration wait = retryAfter(cause).orElseGet(() -> backoff(tried));
                log.info("Bot Connector answered {} to {}; retrying in {} (attempt {} of {})", status, what, wait,
                        attempt + 1, ATTEMPTS);
                sleeper.sleep(wait.toMillis());
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = baseBackoff.toMillis() << Math.min(attempt - 1, 6);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static Integer status(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RestException r && r.response() != null) {
                return r.response().code();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static java.util.Optional<Duration> retryAfter(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RestException r && r.response() != null) {
                String v = r.response().headers().get("Retry-After");
                if (v != null && v.trim().matches("\\d{1,4}")) {
                    return java.util.Optional.of(Duration.ofSeconds(Math.min(60, Long.parseLong(v.trim()))));
                }
                return java.util.Optional.empty();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
