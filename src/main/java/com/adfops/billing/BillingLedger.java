package com.adfops.billing;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * and shared by instances.
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

    /** The listing starts this far after the memory's start, so it is always answered from memory. */
    static final Duration EDGE = Duration.ofMinutes(2);
    /** Summaries of runs older than the horizon (a question about an older window asked for them), kept at most. */
    static final int OLDER_KEPT = 20_000;
    /** Runs questions asked for, waiting at most. */
    static final int WANTED_MAX = 20_000;
    /** How often the store is read again while a backfill goes on (another instance may have read those runs). */
    static final Duration RELOAD_EVERY = Duration.ofMinutes(5);
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** How often new summaries are written to the store (an hour's document holds a few hundred at most). */
    static final Duration SAVE_EVERY = Duration.ofSeconds(30);
    /** How often the store's documents of hours that left the horizon are deleted. */
    static final Duration FORGET_EVERY = Duration.ofHours(1);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(30);

    private final DataFactory adf;
    private final Clock clock;
    private final Settings settings;
    private final ReadGate gate;
    private final BillingStore store;

    /** Summaries of runs inside the horizon, by factory name and run id (the run's own id string: no copy). */
    private final Map<String, Map<String, BilledRun>> held = new ConcurrentHashMap<>();
    /** Summaries of older runs, least recently used first. */
    private final Map<String, BilledRun> older = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BilledRun> eldest) {
                    return size() > OLDER_KEPT;
                }
            });

    // The work, guarded by this.
    private final LinkedHashMap<String, PipelineRun> wanted = new LinkedHashMap<>();
    private final Map<FactoryRef, Deque<PipelineRun>> backlog = new LinkedHashMap<>();
    private final Set<String> reading = new HashSet<>();
    private final Set<String> unreadable = new HashSet<>();
    private final Map<FactoryRef, Map<String, BilledRun>> unsaved = new HashMap<>();

    /** The refresh each factory's listing followed (the index's as-of). */
    private final Map<FactoryRef, Instant> listedAsOf = new ConcurrentHashMap<>();
    private Instant lastListing = Instant.MIN;
    private Instant lastSave = Instant.MIN;
    private Instant lastForget = Instant.MIN;
    private Instant lastLoad;
    private boolean loaded;

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
        this.store = store;
    }

    /** A ledger without a background reader or a store: it keeps what questions read (tests, tools alone). */
    public static BillingLedger onDemand(DataFactory adf, Clock clock) {
        return new BillingLedger(adf, clock, new Settings(0, 1, DataFactory.ADF_RETENTION), null);
    }

    // ---- questions ----------------------------------------------------------------------------------------

    /** The summary of a finished run, or null when it has not been read yet. */
    public BilledRun get(PipelineRun run) {
        Map<String, BilledRun> f = held.get(run.factory().factoryName());
        BilledRun b = f == null ? null : f.get(run.runId());
        return b != null ? b : older.isEmpty() ? null : older.get(key(run));
    }

    private Map<String, BilledRun> heldOf(String factory) {
        return held.computeIfAbsent(factory, k -> new ConcurrentHashMap<>());
    }

    /** Keeps the summary of a run a question read itself (charged to the read budget, never waiting for it). */
    public BilledRun record(PipelineRun run, List<ActivityRun> activities) {
        gate.charge();
        BilledRun b = BilledRun.of(updated(run), activities);
        keep(run, b);
        return b;
    }

    /** Asks the background reader to read these runs (a question's, not read yet) before its backfill. */
    public void want(Collection<PipelineRun> runs) {
        synchronized (this) {
            for (PipelineRun r : runs) {
                String key = key(r);
                if (wanted.size() < WANTED_MAX && r.status().isTerminal() && get(r) == null && !reading.contains(key)
                        && !unreadable.contains(key)) {
                    wanted.putIfAbsent(key, r);
                }
            }
            notifyAll();
        }
    }

    /**
     * Notes that Data Factory does not have the activity runs of a run a question tried to read (NOT_FOUND): neither
     * the background nor a later question asks for them again.
     */
    public synchronized void notFound(PipelineRun run) {
        String key = key(run);
        unreadable.add(key);
        wanted.remove(key);
    }

    /** Whether Data Factory did not have the run's activity runs (its billing cannot be read). */
    public synchronized boolean unreadable(PipelineRun run) {
        return unreadable.contains(key(run));
    }

    /** Whether runs not read yet are being read in the background. */
    public boolean reading() {
        return running;
    }

    /** How long the background reader needs for the runs questions asked for (all of them, at its rate). */
    public synchronized Duration timeForWanted() {
        return gate.timeFor(wanted.size() + reading.size());
    }

    /** Background reads made so far. */
    public long backgroundReads() {
        return backgroundReads.get();
    }

    /** Summaries held (inside the horizon and older). */
    public int size() {
        return held.values().stream().mapToInt(Map::size).sum() + older.size();
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
            save();
        }
        if (store != null && !now.isBefore(lastForget.plus(FORGET_EVERY))) {
            lastForget = now;
            forget(now);
        }
        PipelineRun next = next();
        if (next == null) {
            if (!caughtUp && lastListing != Instant.MIN && !listedAsOf.isEmpty()) {
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
            done(next);
            throw e;
        }
        if (!slot || !running) {
            if (slot) {
                slots.release();
            }
            done(next);
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
            done(next);
        }
    }

    /**
     * Reads on the calling thread what the budget allows now: follows the index, then reads until the budget or the
     * work runs out. Returns the reads made. For tests and benchmarks (the background reader does the same).
     */
    public int drain() {
        relist(true);
        int n = 0;
        PipelineRun next;
        while (gate.untilNext().isZero() && (next = next()) != null) {
            gate.tryTake();
            read(next);
            n++;
        }
        save();
        return n;
    }

    /** The next run to read (claimed): a wanted one, else the newest of the backlog; null when there is none. */
    private synchronized PipelineRun next() {
        while (!wanted.isEmpty()) {
            var it = wanted.entrySet().iterator();
            var e = it.next();
            it.remove();
            if (claim(e.getValue())) {
                return e.getValue();
            }
        }
        while (true) {
            Deque<PipelineRun> newest = null;
            for (Deque<PipelineRun> d : backlog.values()) {
                if (!d.isEmpty() && (newest == null || NEWEST_FIRST.compare(d.peekFirst(), newest.peekFirst()) < 0)) {
                    newest = d;
                }
            }
            if (newest == null) {
                return null;
            }
            PipelineRun r = newest.pollFirst();
            if (claim(r)) {
                return r;
            }
        }
    }

    private boolean claim(PipelineRun r) {
        String key = key(r);
        if (get(r) != null || unreadable.contains(key) || !reading.add(key)) {
            return false;
        }
        return true;
    }

    private synchronized void done(PipelineRun r) {
        reading.remove(key(r));
    }

    private void read(PipelineRun run) {
        try {
            List<ActivityRun> activities = RequestMeter.as(RequestMeter.Purpose.COST,
                    () -> adf.queryActivityRuns(run.factory(), run));
            keep(run, BilledRun.of(updated(run), activities));
            backgroundReads.incrementAndGet();
            failures = 0;
        } catch (DataFactoryException e) {
            if (e.kind() == DataFactoryException.Kind.NOT_FOUND) {
                synchronized (this) {
                    unreadable.add(key(run));
                }
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
            done(run);
        }
    }

    /**
     * Lists the finished runs the memory holds (after a refresh of the index, or always when {@code force}), evicts
     * the summaries of runs that left it and queues those not read yet, newest first.
     */
    private void relist(boolean force) {
        Instant now = clock.instant();
        if (store != null && (!loaded || (lastLoad != null && hasBacklog() && !now.isBefore(lastLoad.plus(RELOAD_EVERY))))) {
            load(now);
        }
        Instant horizonStart = now.minus(settings.horizon()).minus(Duration.ofMinutes(1));
        evict(horizonStart);
        for (FactoryRef f : adf.factories()) {
            try {
                Instant heldSince = adf.heldSince(f);
                if (heldSince == null) {
                    // No memory of runs: listing would read Data Factory; only what questions ask for is read.
                    continue;
                }
                Instant from = heldSince.plus(EDGE);
                Instant to = now.plusSeconds(60);
                if (!from.isBefore(to)) {
                    continue;
                }
                RunQuery all = new RunQuery(from, to, Set.of(), Set.of(), Integer.MAX_VALUE);
                Freshness fresh = adf.freshness(f, all);
                Instant asOf = fresh == null ? null : fresh.asOf();
                if (!force && asOf != null && asOf.equals(listedAsOf.get(f))) {
                    continue;
                }
                List<PipelineRun> pending = new ArrayList<>();
                for (PipelineRun r : adf.queryPipelineRuns(f, all)) {
                    if (r.status().isTerminal() && get(r) == null) {
                        pending.add(r);
                    }
                }
                pending.sort(NEWEST_FIRST);
                synchronized (this) {
                    backlog.put(f, new ArrayDeque<>(pending));
                }
                if (asOf != null) {
                    listedAsOf.put(f, asOf);
                }
            } catch (DataFactoryException e) {
                log.debug("Cost ledger: cannot list the runs of {} now ({})", f.factoryName(), e.kind());
            }
        }
    }

    private synchronized boolean hasBacklog() {
        return backlog.values().stream().anyMatch(d -> !d.isEmpty());
    }

    /** Reads the store (another instance, or this one before a restart, may have read these runs). */
    private void load(Instant now) {
        lastLoad = now;
        Instant horizonStart = now.minus(settings.horizon()).minus(Duration.ofMinutes(1));
        int before = size();
        for (FactoryRef f : adf.factories()) {
            try {
                Map<String, BilledRun> mine = heldOf(f.factoryName());
                store.load(f, horizonStart).forEach((id, b) -> {
                    if (!b.at().isBefore(horizonStart)) {
                        mine.putIfAbsent(id, b);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Cost ledger: cannot read the stored summaries of {}; they are read again from Data Factory",
                        f.factoryName(), e);
            }
        }
        if (!loaded && size() > before) {
            log.info("Cost ledger: {} runs' billing from the state store", size() - before);
        }
        loaded = true;
    }

    /** Deletes the stored summaries of runs that left the horizon. */
    private void forget(Instant now) {
        Instant horizonStart = now.minus(settings.horizon()).minus(Duration.ofMinutes(1));
        for (FactoryRef f : adf.factories()) {
            try {
                store.forgetBefore(f, horizonStart);
            } catch (RuntimeException e) {
                log.warn("Cost ledger: cannot delete the old summaries of {} (next try in {})", f.factoryName(),
                        FORGET_EVERY, e);
            }
        }
    }

    /** Writes the summaries read since the last save. */
    private void save() {
        if (store == null) {
            return;
        }
        Map<FactoryRef, Map<String, BilledRun>> batch;
        synchronized (this) {
            if (unsaved.isEmpty()) {
                return;
            }
            batch = new HashMap<>(unsaved);
            unsaved.clear();
        }
        batch.forEach((f, runs) -> {
            try {
                store.save(f, runs);
            } catch (RuntimeException e) {
                log.warn("Cost ledger: cannot store {} summaries of {} (kept in memory)", runs.size(), f.factoryName(), e);
            }
        });
    }

    private void evict(Instant horizonStart) {
        held.values().forEach(m -> m.values().removeIf(b -> b.at().isBefore(horizonStart)));
        synchronized (this) {
            unsaved.values().forEach(m -> m.values().removeIf(b -> b.at().isBefore(horizonStart)));
        }
    }

    private void keep(PipelineRun run, BilledRun b) {
        Instant horizonStart = clock.instant().minus(settings.horizon()).minus(Duration.ofMinutes(1));
        if (b.at().isBefore(horizonStart)) {
            older.put(key(run), b);
            return;
        }
        heldOf(run.factory().factoryName()).put(run.runId(), b);
        if (store != null) {
            synchronized (this) {
                unsaved.computeIfAbsent(run.factory(), k -> new LinkedHashMap<>()).put(run.runId(), b);
            }
        }
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
        save();
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

    private static String key(PipelineRun r) {
        return r.factory().factoryName() + "/" + r.runId();
    }

    /** When the run last changed: its end, for a finished run (the index keeps runs by it). */
    static Instant updated(PipelineRun r) {
        return r.lastUpdated() != null ? r.lastUpdated() : r.runEnd() != null ? r.runEnd() : r.sortTime();
    }

    /** Newest change first; the run id breaks ties (a stable order). */
    static final Comparator<PipelineRun> NEWEST_FIRST = Comparator.comparing(BillingLedger::updated).reversed()
            .thenComparing(PipelineRun::runId);
}
