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
 *
 * <p>A turn computes its answer and hands the sending over ({@link #send}): sends of one conversation go out one after
 * another, in the order they were handed over, on the connector's asynchronous client; no thread waits for them, so a
 * conversation the Bot Connector throttles (and {@link ConnectorRetry} waits for) holds no turn thread, and its later
 * answers queue behind its earlier ones instead of overtaking them. Answers waiting to be sent count against
 * {@code maxPending} like turns waiting to run.
 */
final class TurnProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);

    private final ThreadPoolExecutor pool;
    private final ConcurrentHashMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    /** Each conversation's last send handed over; a send starts when the one before it is done. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> sends = new ConcurrentHashMap<>();
    private final AtomicInteger sending = new AtomicInteger();
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
        if (pending.incrementAndGet() + sending.get() > maxPending) {
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

    /**
     * Hands a send over: {@code send} starts once the sends handed over before it for {@code conversationId} are done
     * (sent or failed), and this returns at once. {@code send} starts the sending and returns its future; it must not
     * block (it runs on the thread that handed it over, or on the one that finished the send before it). A send that
     * fails is logged once and dropped; the conversation's next send goes on.
     *
     * @param what what is sent, for the log ("the answer", "the action's outcome")
     * @return completes when this send is done, normally even when it failed
     */
    CompletableFuture<Void> send(String conversationId, String what, Supplier<? extends CompletableFuture<?>> send) {
        sending.incrementAndGet();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CompletableFuture<Void> mine = gate.thenCompose(ignored -> start(send)).handle((r, e) -> {
            sending.decrementAndGet();
            if (e != null) {
                dropped(conversationId, what, e);
            }
            return null;
        });
        CompletableFuture<?> before = sends.put(conversationId, mine);
        // Outside the map: the send may start (and even finish) on this thread.
        if (before == null) {
            gate.complete(null);
        } else {
            before.whenComplete((r, e) -> gate.complete(null));
        }
        mine.whenComplete((r, e) -> sends.remove(conversationId, mine));
        return mine;
    }

    private static CompletableFuture<?> start(Supplier<? extends CompletableFuture<?>> send) {
        try {
            CompletableFuture<?> started = send.get();
            return started == null ? CompletableFuture.completedFuture(null) : started;
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Logs a send that failed, once: the Bot Connector's refusal (after {@link ConnectorRetry}'s attempts) or a network
     * failure has been logged by the turn's error boundary ({@link TurnErrorHandler}) already; anything else here, by
     * its type only (a message may quote the request).
     */
    private static void dropped(String conversationId, String what, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (TurnErrorHandler.connectorStatus(cause) != null || TurnErrorHandler.networkFailure(cause)) {
            log.debug("{} to conversation {} dropped: the Bot Connector did not take it", what, conversationId, cause);
            return;
        }
        log.warn("Could not send {} to conversation {} ({}); dropped", what, conversationId,
                cause.getClass().getSimpleName());
    }

    /** Answers handed over and not yet sent (or failed), across conversations. */
    int sending() {
        return sending.get();
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
            // The answers already worked out get a moment to go out (a throttled one may not).
            CompletableFuture.allOf(sends.values().toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            log.warn("{} answers not sent at shutdown", sending.get());
        }
    }
}
