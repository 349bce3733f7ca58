package com.adfops.teams;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs turns off the request thread on a bounded pool: turns of one conversation run one after another, in the
 * order they arrived; different conversations run in parallel. A full queue rejects new work at once (the caller
 * tells the user to retry) instead of letting requests pile up.
 *
 * <p>Expensive work (a cost question, a long window) runs on a second bounded pool with a deadline ({@link #heavy}),
 * never on the turn threads that answer everybody else, and without holding up its conversation: later turns of the
 * same conversation may be answered before it, and its outcome is delivered in the conversation's order from then.
 */
final class TurnProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);

    private final ThreadPoolExecutor pool;
    private final ConcurrentHashMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final int maxPending;

    private final ThreadPoolExecutor heavyPool;
    private final ScheduledExecutorService deadlines;
    private final Duration heavyDeadline;

    /** With the default heavy pool: 2 threads, 20 waiting, a 120 s deadline. */
    TurnProcessor(int threads, int maxPending) {
        this(threads, maxPending, 2, 20, Duration.ofSeconds(120));
    }

    /**
     * @param heavyThreads  expensive turns worked on at once
     * @param heavyPending  expensive turns waiting at most; beyond that {@link #heavy} rejects at once
     * @param heavyDeadline how long an expensive turn may take from its submission before it is stopped
     */
    TurnProcessor(int threads, int maxPending, int heavyThreads, int heavyPending, Duration heavyDeadline) {
        this.heavyDeadline = heavyDeadline;
        AtomicInteger h = new AtomicInteger();
        this.heavyPool = new ThreadPoolExecutor(heavyThreads, heavyThreads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, heavyPending)), r -> {
                    Thread t = new Thread(r, "heavy-turn-" + h.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heavy-deadline");
            t.setDaemon(true);
            return t;
        });
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

    /**
     * Works on {@code task} on the pool for expensive turns, then hands its result to {@code deliver} in the
     * conversation's order (after the turns already queued for it, never before the turn that called this). When the
     * deadline passes first, the task is interrupted (or dropped from the queue) and {@code deliver} gets a
     * {@link TimeoutException}; a result that comes later is dropped. A task's failure reaches {@code deliver} as it
     * is. {@code deliver} runs once.
     *
     * @throws RejectedExecutionException when as many expensive turns as allowed are already running or waiting
     */
    <T> void heavy(String conversationId, Supplier<T> task, BiConsumer<T, Throwable> deliver) {
        CompletableFuture<T> done = new CompletableFuture<>();
        FutureTask<Void> work = new FutureTask<>(() -> {
            try {
                done.complete(task.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
            return null;
        });
        heavyPool.execute(work);
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            if (done.completeExceptionally(new TimeoutException("took longer than " + heavyDeadline))) {
                work.cancel(true);
                heavyPool.remove(work);
            }
        }, heavyDeadline.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((result, error) -> {
            timer.cancel(false);
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            chain(conversationId, () -> {
                try {
                    deliver.accept(result, cause);
                } catch (RuntimeException | Error e) {
                    log.error("Heavy turn's outcome not delivered in conversation {}", conversationId, e);
                }
                return null;
            }, false);
        });
    }

    /** How long an expensive turn may take from its submission. */
    Duration heavyDeadline() {
        return heavyDeadline;
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
        heavyPool.shutdownNow();
        deadlines.shutdownNow();
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
