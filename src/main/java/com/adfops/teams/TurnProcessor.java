package com.adfops.teams;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs turns off the request thread on a bounded pool: turns of one conversation run one after another, in the
 * order they arrived; different conversations run in parallel. A full queue rejects new work at once (the caller
 * tells the user to retry) instead of letting requests pile up.
 */
final class TurnProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);

    private final ThreadPoolExecutor pool;
    private final ConcurrentHashMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final int maxPending;

    TurnProcessor(int threads, int maxPending) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "turn-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.maxPending = maxPending;
    }

    /**
     * Queues {@code task} after the earlier turns of {@code conversationId}; failures are logged.
     *
     * @throws RejectedExecutionException when too many turns are waiting
     */
    CompletableFuture<Void> submit(String conversationId, Runnable task) {
        return call(conversationId, () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("Turn failed in conversation {}", conversationId, e);
            }
            return null;
        });
    }

    /**
     * Queues {@code task} after the earlier turns of {@code conversationId}; its result (or failure) completes the
     * returned future.
     *
     * @throws RejectedExecutionException when too many turns are waiting
     */
    <T> CompletableFuture<T> call(String conversationId, Supplier<T> task) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            throw new RejectedExecutionException("too many turns waiting");
        }
        return chain(conversationId, task, true);
    }

    /**
     * Queues a short task (the "busy, ask again" reply) after the conversation's earlier turns, even when the queue
     * is full, so it never overtakes an earlier answer of the same conversation.
     */
    void overflow(String conversationId, Runnable task) {
        chain(conversationId, () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("Overflow reply failed in conversation {}", conversationId, e);
            }
            return null;
        }, false);
    }

    private <T> CompletableFuture<T> chain(String conversationId, Supplier<T> task, boolean counted) {
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] mine = new CompletableFuture[1];
        tails.compute(conversationId, (k, tail) -> {
            CompletableFuture<?> prev = tail == null ? CompletableFuture.completedFuture(null) : tail;
            mine[0] = prev.handle((r, e) -> null).thenApplyAsync(ignored -> {
                try {
                    return task.get();
                } finally {
                    if (counted) {
                        pending.decrementAndGet();
                    }
                }
            }, pool);
            return mine[0];
        });
        // Forget the conversation's chain once its last turn is done.
        mine[0].whenComplete((r, e) -> tails.remove(conversationId, mine[0]));
        return mine[0];
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
