package com.adfops.billing;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every finished run in the bot's memory is billed for, read once per run. A background reader follows the run
 * index: after each refresh it lists the finished runs the memory holds (from memory: no Data Factory request) and
 * reads the ones it has no summary of, newest first, so a run that just finished is read before the backfill of the
 * horizon continues. Reads go through a {@link ReadGate} ({@code ADFOPS_COST_READRATE}, at most
 * {@code ADFOPS_COST_READSINFLIGHT} at once). Runs a question needs and did not read itself ({@link #want}) are read
 * before the backfill. Summaries leave with their runs (when they fall out of the horizon); summaries of older runs a
 * question asked for are kept in a bounded list. With a {@link BillingStore} the summaries are kept across restarts
 * and shared by instances. What is held (and stored) is {@link HeldSummaries}, what is left to read and in which
 * order is {@link RunsToRead}; this class answers questions and runs the reader.
 */
public final class BillingLedger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BillingLedger.class);

    /**
     * See {@code config.CostProperties}.
     *
     * @param readsPerSecond background reads a second (0: no background reader)
     * @param readsInFlight  background reads at once
     * @param horizon        how far back summaries are kept (the run index's horizon)
     */
    public record Settings(double readsPerSecond, int readsInFlight, Duration horizon) {
    }

    private static final Duration IDLE = Duration.ofSeconds(1);
    /** How often new summaries are written to the store (an hour's document holds a few hundred at most). */
    static final Duration SAVE_EVERY = Duration.ofSeconds(30);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(30);

    private final DataFactory adf;
    private final Clock clock;
    private final Settings settings;
    private final ReadGate gate;
    private final HeldSummaries summaries;
    private final RunsToRead work;
    private Instant lastListing = Instant.MIN;
    private Instant lastSave = Instant.MIN;
    private Instant lastForget = Instant.MIN;

    private final AtomicLong backgroundReads = new AtomicLong();
    private volatile boolean running;
    private boolean caughtUp;
    private volatile boolean closed;
    private volatile int failures;
    private Thread worker;
    private ExecutorService readers;
    private Semaphore slots;

    public BillingLedger(DataFactory adf, Clock clock, Settings settings, BillingStore store) {
        this.adf = adf;
        this.clock = clock;
        this.settings = settings;
        this.gate = new ReadGate(settings.readsPerSecond() > 0 ? settings.readsPerSecond() : 1, clock);
        this.summaries = new HeldSummaries(clock, settings.horizon(), store);
        this.work = new RunsToRead(adf, summaries);
    }

    /** A ledger without a background reader or a store: it keeps what questions read (tests, tools alone). */
    public static BillingLedger onDemand(DataFactory adf, Clock clock) {
        return new BillingLedger(adf, clock, new Settings(0, 1, DataFactory.ADF_RETENTION), null);
    }

    // ---- questions ----------------------------------------------------------------------------------------

    /** The summary of a finished run, or null when it has not been read yet. */
    public BilledRun get(PipelineRun run) {
        return summaries.get(run);
    }

    /** Keeps the summary of a run a question read itself (charged to the read budget, never waiting for it). */
    public BilledRun record(PipelineRun run, List<ActivityRun> activities) {
        gate.charge();
        BilledRun b = BilledRun.of(updated(run), activities);
        summaries.keep(run, b);
        return b;
    }

    /** Asks the background reader to read these runs (a question's, not read yet) before its backfill. */
    public void want(Collection<PipelineRun> runs) {
        work.want(runs);
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Notes that Data Factory does not have the activity runs of a run a question tried to read (NOT_FOUND): neither
     * the background nor a later question asks for them again.
     */
    public void notFound(PipelineRun run) {
        work.notFound(run);
    }

    /** Whether Data Factory did not have the run's activity runs (its billing cannot be read). */
    public boolean unreadable(PipelineRun run) {
        return work.unreadable(run);
    }

    /** Whether runs not read yet are being read in the background. */
    public boolean reading() {
        return running;
    }

    /** How long the background reader needs for the runs questions asked for (all of them, at its rate). */
    public Duration timeForWanted() {
        return gate.timeFor(work.wantedCount());
    }

    /** Background reads made so far. */
    public long backgroundReads() {
        return backgroundReads.get();
    }

    /** Summaries held (inside the horizon and older). */
    public int size() {
        return summaries.size();
    }

    // ---- the background reader ----------------------------------------------------------------------------

    /** Starts the background reader (no-op when its rate is 0). */
    public synchronized BillingLedger start() {
        if (settings.readsPerSecond() <= 0 || running) {
            return this;
        }
        running = true;
        int n = Math.max(1, settings.readsInFlight());
        slots = new Semaphore(n);
        AtomicInteger id = new AtomicInteger();
        readers = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "billing-read-" + id.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        worker = new Thread(this::loop, "billing-ledger");
        worker.setDaemon(true);
        worker.start();
        log.info("Cost ledger: reading finished runs' billing in the background, {} a second, {} at once",
                settings.readsPerSecond(), n);
        return this;
    }

    private void loop() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Cost ledger: unexpected failure; going on in {}", FAILURE_PAUSE, e);
                try {
                    idle(FAILURE_PAUSE);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** One turn of the background reader: follow the index, then start one read when the budget allows. */
    private void step() throws InterruptedException {
        Instant now = clock.instant();
        if (!now.isBefore(lastListing.plus(IDLE))) {
            lastListing = now;
            relist(false);
        }
        if (!now.isBefore(lastSave.plus(SAVE_EVERY))) {
            lastSave = now;
            summaries.save();
        }
        if (summaries.stored() && !now.isBefore(lastForget.plus(HeldSummaries.FORGET_EVERY))) {
            lastForget = now;
            summaries.forget(adf.factories(), now);
        }
        PipelineRun next = work.next();
        if (next == null) {
            if (!caughtUp && lastListing != Instant.MIN && work.listed()) {
                caughtUp = true;
                log.info("Cost ledger: the billing of every finished run in memory is read ({} summaries, {} read from "
                        + "Data Factory)", size(), backgroundReads.get());
            }
            idle(IDLE);
            return;
        }
        boolean slot = false;
        try {
            while (running && !gate.tryTake()) {
                idle(gate.untilNext());
            }
            while (running && !(slot = slots.tryAcquire(IDLE.toMillis(), TimeUnit.MILLISECONDS))) {
                // A read in flight ends, or close() stops the reader.
            }
        } catch (InterruptedException | RuntimeException e) {
            work.done(next);
            throw e;
        }
        if (!slot || !running) {
            if (slot) {
                slots.release();
            }
            work.done(next);
            return;
        }
        try {
            readers.execute(() -> {
                try {
                    read(next);
                } finally {
                    slots.release();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            slots.release();
            work.done(next);
        }
    }

    /**
     * Reads on the calling thread what the budget allows now: follows the index, then reads until the budget or the
     * work runs out. Returns the reads made. For tests and benchmarks (the background reader does the same).
     */
    public int drain() {
        relist(true);
        int n = 0;
        while (gate.untilNext().isZero()) {
            PipelineRun next = work.next();
            if (next == null && work.leftOut()) {
                // The backlog is read, and older runs were left out of it: list them.
                relist(false);
                next = work.next();
            }
            if (next == null) {
                break;
            }
            gate.tryTake();
            read(next);
            n++;
        }
        summaries.save();
        return n;
    }

    private void read(PipelineRun run) {
        try {
            List<ActivityRun> activities = RequestMeter.as(RequestMeter.Purpose.COST,
                    () -> adf.queryActivityRuns(run.factory(), run));
            summaries.keep(run, BilledRun.of(updated(run), activities));
            backgroundReads.incrementAndGet();
            failures = 0;
        } catch (DataFactoryException e) {
            if (e.kind() == DataFactoryException.Kind.NOT_FOUND) {
                work.notFound(run);
            } else {
                Duration pause = e.retryAfter() != null ? e.retryAfter() : FAILURE_PAUSE;
                gate.pause(pause);
                if (!closed && failures++ == 0) {
                    log.warn("Cost ledger: reading the activity runs of {} failed ({}: {}); pausing {}",
                            run.factory().factoryName(), e.kind(), e.getMessage(), pause);
                }
            }
        } catch (RuntimeException e) {
            // A read cut short by shutting down is no failure to report.
            if (!closed) {
                // Unexpected (no DataFactoryException): pause as for one, rather than spend the budget on more.
                gate.pause(FAILURE_PAUSE);
                if (failures++ == 0) {
                    log.warn("Cost ledger: reading the activity runs of run {} failed unexpectedly; pausing {}",
                            run.runId(), FAILURE_PAUSE, e);
                }
            }
        } finally {
            work.done(run);
        }
    }

    /**
     * Follows the index (after a refresh of it, or always when {@code force}): reads the store when due, evicts the
     * summaries of runs that left the memory and queues those not read yet, newest first.
     */
    private void relist(boolean force) {
        Instant now = clock.instant();
        summaries.loadIfDue(adf.factories(), now, work::hasBacklog);
        summaries.evict(summaries.horizonStart(now));
        work.relist(now, force);
    }

    /**
     * Stops the background reader: the worker ends (woken, not interrupted), the reads in flight may end for
     * {@link #CLOSE_WAIT} (interrupting one makes the Azure SDK log it as an error), then they are interrupted; what
     * was read is saved.
     */
    @Override
    public void close() {
        closed = true;
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            if (worker != null && worker != Thread.currentThread()) {
                worker.join(CLOSE_WAIT.toMillis());
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(CLOSE_WAIT.toMillis());
                }
            }
            if (readers != null) {
                readers.shutdown();
                if (!readers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    readers.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            if (readers != null) {
                readers.shutdownNow();
            }
            Thread.currentThread().interrupt();
        }
        summaries.save();
    }

    /** How long {@link #close()} waits for the worker, and then for the reads in flight, before interrupting them. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** Waits up to {@code d} (at least 10 ms, at most 5 s), or until {@link #close()}. */
    private void idle(Duration d) throws InterruptedException {
        synchronized (this) {
            if (running) {
                wait(Math.max(10, Math.min(d.toMillis(), 5_000)));
            }
        }
    }

    /** A run's key among the factories: factory name and run id. */
    static String key(PipelineRun r) {
        return r.factory().factoryName() + "/" + r.runId();
    }

    /** When the run last changed: its end, for a finished run (the index keeps runs by it). */
    static Instant updated(PipelineRun r) {
        return r.lastUpdated() != null ? r.lastUpdated() : r.runEnd() != null ? r.runEnd() : r.sortTime();
    }
}
