package com.adfops.index;

import com.adfops.adf.AccessAdvice;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DataFactory} that answers from one shared memory of runs per factory. On start it loads the horizon newest
 * first (the last hour, the rest of the last day, then day by day, a few slices in flight) and serves each part as it
 * lands: a question whose window lies inside what is loaded is answered from memory, an older part is read from Data
 * Factory, and {@link Freshness.Reach} says how far back the memory reaches. Then every refresh interval it asks only
 * for runs updated since its last read (minus an overlap for late writes) and lays them over the older state by run
 * id, so status changes land and nothing is read twice. Runs are held as columns ({@link RunColumns}), at most
 * {@code maxRuns} of them (the newest; the in-memory horizon shrinks and the reach says so). While a refresh fails,
 * answers keep coming from memory, marked stale with the reason, and refreshes back off (Azure's Retry-After first).
 * Activity runs of finished runs never change and are cached; identical concurrent reads share one request.
 */
public final class RunIndex implements DataFactory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunIndex.class);
    /** How soon after a rerun or cancel the index refreshes (ADF needs a moment to list the run). */
    private static final Duration AFTER_WRITE = Duration.ofSeconds(3);
    /** Questions a little older than the horizon still count as inside it (the horizon slides between refreshes). */
    private static final Duration SLACK = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int UNBOUNDED = 10_000_000;
    /** Answers of at least this many runs build their records in parallel. */
    private static final int PARALLEL_RECORDS = 50_000;
    /** Blocks laid over the oldest one before the newer ones are merged into one. */
    private static final int MAX_BLOCKS = 8;

    /**
     * See {@code config.IndexProperties}.
     *
     * @param maxRuns        runs held per factory at most (the newest)
     * @param slicesInFlight slices of the horizon loaded at once
     */
    public record Settings(Duration horizon, Duration refresh, Duration overlap, int activityCacheSize,
                           Duration activeTtl, int maxRuns, int slicesInFlight) {

        public Settings {
            maxRuns = maxRuns <= 0 ? Integer.MAX_VALUE : maxRuns;
            slicesInFlight = Math.max(1, slicesInFlight);
        }

        /** No memory budget, three slices in flight. */
        public Settings(Duration horizon, Duration refresh, Duration overlap, int activityCacheSize, Duration activeTtl) {
            this(horizon, refresh, overlap, activityCacheSize, activeTtl, Integer.MAX_VALUE, 3);
        }
    }

    /**
     * An immutable view of one factory's runs: blocks of columns (each newest start first), the rows of each block a
     * newer state of the same run replaced ({@code dead}, null for none), the runs held, and how far back they reach
     * (published together, so a reader never sees a reach the blocks do not hold).
     *
     * @param complete    whether the backfill ended
     * @param loadedSince while loading: since when every run is held (the newest slices all landed), or null
     * @param cappedSince when the memory budget keeps only the newest runs: the oldest update held; else null
     */
    private record Snapshot(List<RunColumns> blocks, List<BitSet> dead, int runs, boolean complete,
                            Instant loadedSince, Instant cappedSince) {

        static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), 0, false, null, null);

        Snapshot loading(Instant since) {
            return new Snapshot(blocks, dead, runs, false, since, null);
        }

        /** This snapshot with {@code block} laid over it: of two states of one run the later update wins. */
        Snapshot with(RunColumns block) {
            List<BitSet> dead = new ArrayList<>(this.dead);
            BitSet mine = null;
            int gone = 0;
            for (int b = 0; b < blocks.size(); b++) {
                RunColumns older = blocks.get(b);
                BitSet olderDead = dead.get(b);
                boolean copied = false;
                for (int r = 0; r < block.size; r++) {
                    int o = older.findSame(block, r);
                    if (o < 0 || (olderDead != null && olderDead.get(o)) || (mine != null && mine.get(r))) {
                        continue;
                    }
                    if (block.updateKey(r) >= older.updateKey(o)) {
                        if (!copied) {
                            olderDead = olderDead == null ? new BitSet(older.size) : (BitSet) olderDead.clone();
                            dead.set(b, olderDead);
                            copied = true;
                        }
                        olderDead.set(o);
                    } else {
                        if (mine == null) {
                            mine = new BitSet(block.size);
                        }
                        mine.set(r);
                    }
                    gone++;
                }
            }
            List<RunColumns> blocks = new ArrayList<>(this.blocks.size() + 1);
            blocks.add(block);
            blocks.addAll(this.blocks);
            dead.add(0, mine);
            return new Snapshot(List.copyOf(blocks), java.util.Collections.unmodifiableList(dead), runs + block.size - gone,
                    complete, loadedSince, cappedSince);
        }
    }

    /** One part of the horizon the backfill reads, [from, to) on the update time. */
    private record Slice(Instant from, Instant to) {
    }

    /** What the index knows about one factory. Written by the refresher thread only; read by everyone. */
    private static final class FactoryIndex {
        final FactoryRef factory;
        volatile Snapshot snapshot;
        volatile FactoryStatus.State state = FactoryStatus.State.LOADING;
        volatile String reason = "";
        volatile String fix = "";
        volatile Instant asOf;
        volatile long lastRefreshRequests;
        /** Runs of the snapshot past the horizon (gone at the next compaction). */
        volatile int expired;
        /** Where the backfill started (its slices are fixed then) and which slices are still to read. */
        Instant backfillStart;
        List<Slice> slices;
        boolean[] sliceDone;
        RunColumns.Strings strings = new RunColumns.Strings();
        Instant watermark;
        Instant notBefore;
        int failures;

        FactoryIndex(FactoryRef factory) {
            this.factory = factory;
        }
    }

    private record CachedActivities(List<ActivityRun> runs, Instant expires) {
    }

    /** A read of Data Factory for a window older than the memory, kept a few minutes. */
    private record ColdRead(FactoryRef factory, RunQuery wide, Instant readAt, List<PipelineRun> runs) {

        /** Whether this read holds every run {@code query} asks for up to {@code to}, and is still fresh at {@code now}. */
        boolean answers(FactoryRef f, RunQuery query, Instant to, Instant now) {
            return factory.equals(f) && readAt.plus(COLD_TTL).isAfter(now) && runs.size() < wide.maxRuns()
                    && wide.pipelineNames().equals(query.pipelineNames()) && wide.statuses().equals(query.statuses())
                    && !wide.from().isAfter(query.from()) && !wide.to().isBefore(to);
        }
    }

    /**
     * Older windows are read with their edges widened to this step (and one step more at the newer end), so questions
     * moments apart share one read.
     */
    static final Duration COLD_STEP = Duration.ofMinutes(10);
    /** How long such a read answers (older runs hardly change). */
    static final Duration COLD_TTL = Duration.ofMinutes(10);
    private static final int COLD_ENTRIES = 128;
    private final List<ColdRead> cold = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final DataFactory source;
    private final RequestMeter meter;
    private final Clock clock;
    private final Settings settings;
    private final Map<FactoryRef, FactoryIndex> indexes = new LinkedHashMap<>();
    private final Map<String, CachedActivities> activities;
    private final ConcurrentHashMap<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private volatile boolean started;
    /** Set by {@link #close()}: a backfill stops between two reads instead of being interrupted inside one. */
    private volatile boolean closing;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-index");
        t.setDaemon(true);
        return t;
    });
    /** The backfill's slices in flight (the refresher thread waits for them and publishes each). */
    private final ExecutorService loaders;

    public RunIndex(DataFactory source, RequestMeter meter, Clock clock, Settings settings) {
        this.source = source;
        this.meter = meter;
        this.clock = clock;
        this.settings = settings;
        for (FactoryRef f : source.factories()) {
            indexes.put(f, new FactoryIndex(f));
        }
        int max = Math.max(1, settings.activityCacheSize());
        this.activities = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedActivities> eldest) {
                return size() > max;
            }
        };
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.loaders = Executors.newFixedThreadPool(settings.slicesInFlight(), r -> {
            Thread t = new Thread(r, "run-index-load-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads the horizon in the background, then refreshes every interval. */
    public RunIndex start() {
        started = true;
        long every = Math.max(1, settings.refresh().toMillis());
        scheduler.scheduleWithFixedDelay(this::refreshAll, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One refresh of every factory, on the calling thread (the scheduler's, a test's or a benchmark's). */
    public void refreshAll() {
        for (FactoryIndex fi : indexes.values()) {
            if (closing) {
                return;
            }
            try {
                refresh(fi);
            } catch (RuntimeException e) {
                log.error("Run index refresh of {} failed unexpectedly", fi.factory.factoryName(), e);
            }
        }
    }

    private void refresh(FactoryIndex fi) {
        Instant now = clock.instant();
        if (fi.notBefore != null && now.isBefore(fi.notBefore)) {
            return;
        }
        String name = fi.factory.factoryName();
        long before = meter.count(name, RequestMeter.Purpose.REFRESH);
        try {
            boolean loaded = RequestMeter.as(RequestMeter.Purpose.REFRESH, () -> load(fi, now));
            if (!loaded) {
                return;
            }
            fi.state = FactoryStatus.State.LIVE;
            fi.reason = "";
            fi.fix = "";
            fi.failures = 0;
            fi.notBefore = null;
        } catch (DataFactoryException e) {
            fi.failures++;
            fi.state = fi.snapshot == null ? FactoryStatus.State.FAILING : FactoryStatus.State.STALE;
            fi.reason = e.getMessage();
            fi.fix = AccessAdvice.fix(e);
            Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff(fi.failures);
            fi.notBefore = now.plus(wait);
            log.warn("Run index of {} could not refresh ({}); next try in {}", name, e.kind(), wait);
        } finally {
            fi.lastRefreshRequests = meter.count(name, RequestMeter.Purpose.REFRESH) - before;
            log.debug("Run index of {}: {} ADF requests this refresh", name, fi.lastRefreshRequests);
        }
    }

    /**
     * The backfill (newest first, resumed where it stopped) until the horizon is loaded, then only what changed since
     * the watermark.
     *
     * @return false when the index closed before the backfill ended
     */
    private boolean load(FactoryIndex fi, Instant now) {
        if (fi.snapshot == null || !fi.snapshot.complete()) {
            return backfill(fi, now);
        }
        changedSince(fi, now);
        compact(fi, now, false);
        return true;
    }

    /** Reads the runs updated since the watermark (minus the overlap) and lays them over the memory. */
    private void changedSince(FactoryIndex fi, Instant now) {
        List<PipelineRun> changed = source.queryPipelineRuns(fi.factory,
                new RunQuery(fi.watermark.minus(settings.overlap()), now.plus(SLACK), Set.of(), Set.of(), UNBOUNDED));
        if (!changed.isEmpty()) {
            fi.snapshot = fi.snapshot.with(RunColumns.of(fi.factory, fi.strings, changed));
        }
        fi.watermark = now;
        fi.asOf = now;
    }

    /**
     * The slices of the horizon newest first: the last hour (alone), the rest of the last day, then one day at a
     * time. Published one by one as they land; a few read at once; the refresher thread publishes (one writer) and,
     * while older days load, reads what changed since the watermark every interval.
     */
    private boolean backfill(FactoryIndex fi, Instant now) {
        if (fi.slices == null) {
            fi.backfillStart = now;
            fi.slices = slices(now.minus(settings.horizon()), now.plus(SLACK), now);
            fi.sliceDone = new boolean[fi.slices.size()];
            fi.watermark = now;
        }
        if (!fi.sliceDone[0]) {
            // The last hour first, alone (it is small and answers the first questions); the rest in parallel.
            Slice hour = fi.slices.get(0);
            publishSlice(fi, 0, RunColumns.of(fi.factory, fi.strings, source.queryPipelineRuns(fi.factory,
                    new RunQuery(hour.from(), hour.to(), Set.of(), Set.of(), UNBOUNDED))));
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        boolean budgetReached = false;
        java.util.concurrent.CompletionService<Object[]> landed = new java.util.concurrent.ExecutorCompletionService<>(loaders);
        int pending = 0;
        for (int i = 0; i < fi.slices.size(); i++) {
            if (fi.sliceDone[i]) {
                continue;
            }
            int slice = i;
            Slice sl = fi.slices.get(i);
            landed.submit(() -> {
                if (closing || stop.get()) {
                    return new Object[] {slice, null};
                }
                List<PipelineRun> runs = RequestMeter.as(RequestMeter.Purpose.REFRESH, () -> source.queryPipelineRuns(
                        fi.factory, new RunQuery(sl.from(), sl.to(), Set.of(), Set.of(), UNBOUNDED)));
                return new Object[] {slice, RunColumns.of(fi.factory, fi.strings, runs)};
            });
            pending++;
        }
        DataFactoryException failed = null;
        try {
            while (pending > 0) {
                java.util.concurrent.Future<Object[]> done = landed.poll(Math.max(1, settings.refresh().toMillis()),
                        TimeUnit.MILLISECONDS);
                if (done != null) {
                    pending--;
                    Object[] result;
                    try {
                        result = done.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        stop.set(true);
                        if (e.getCause() instanceof DataFactoryException d && failed == null) {
                            failed = d;
                        } else if (!(e.getCause() instanceof DataFactoryException)) {
                            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                        }
                        continue;
                    }
                    if (result[1] == null) {
                        continue;
                    }
                    publishSlice(fi, (Integer) result[0], (RunColumns) result[1]);
                    if (fi.snapshot.runs() >= settings.maxRuns() && fi.snapshot.loadedSince() != null) {
                        // The budget is reached: older slices are not read (newest kept).
                        stop.set(true);
                        budgetReached = true;
                    }
                }
                Instant t = clock.instant();
                if (failed == null && !stop.get() && fi.snapshot != null && fi.snapshot.loadedSince() != null
                        && !t.isBefore(fi.watermark.plus(settings.refresh()))) {
                    // Older days still loading: the newest part stays current.
                    changedSince(fi, t);
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            return false;
        }
        if (failed != null) {
            throw failed;
        }
        if (closing) {
            return false;
        }
        for (boolean d : fi.sliceDone) {
            if (!d && !budgetReached) {
                return false;
            }
        }
        // Under the budget, nothing older than the newest slices that all landed is kept (an older slice may have
        // landed past one that was not read).
        Instant floor = budgetReached ? fi.snapshot.loadedSince() : null;
        fi.slices = null;
        // One publish: the merged blocks, complete, and the budget's cut if any.
        compact(fi, clock.instant(), true, floor);
        log.info("Run index of {}: {} runs loaded", fi.factory.factoryName(), fi.snapshot.runs());
        return true;
    }

    private void publishSlice(FactoryIndex fi, int slice, RunColumns block) {
        Snapshot snap = fi.snapshot == null ? Snapshot.EMPTY : fi.snapshot;
        fi.sliceDone[slice] = true;
        Instant reach = null;
        for (int i = 0; i < fi.slices.size() && fi.sliceDone[i]; i++) {
            reach = fi.slices.get(i).from();
        }
        fi.snapshot = snap.with(block).loading(reach);
        if (fi.asOf == null) {
            fi.asOf = fi.backfillStart;
        }
        fi.state = FactoryStatus.State.LIVE;
    }

    static List<Slice> slices(Instant horizonStart, Instant to, Instant now) {
        List<Slice> out = new ArrayList<>();
        Instant upper = to;
        for (Instant edge : new Instant[] {now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(1))}) {
            Instant lower = edge.isBefore(horizonStart) ? horizonStart : edge;
            if (lower.isBefore(upper)) {
                out.add(new Slice(lower, upper));
                upper = lower;
            }
        }
        while (upper.isAfter(horizonStart)) {
            Instant lower = upper.minus(Duration.ofDays(1));
            lower = lower.isBefore(horizonStart) ? horizonStart : lower;
            out.add(new Slice(lower, upper));
            upper = lower;
        }
        return out;
    }

    /**
     * Merges the blocks: the newer ones into one when there are many; all of them, without the runs past the horizon,
     * replaced states and runs over the budget (the oldest updates), when those are many or {@code full}.
     */
    private void compact(FactoryIndex fi, Instant now, boolean full) {
        compact(fi, now, full, null);
    }

    private void compact(FactoryIndex fi, Instant now, boolean full, Instant floor) {
        Snapshot snap = fi.snapshot;
        if (snap == null) {
            return;
        }
        // Kept back to the slack before the horizon: heldSince (later than this until the next compaction) holds.
        long horizonStart = RunColumns.ceilTicks(now.minus(settings.horizon()).minus(SLACK));
        int total = 0;
        int expired = 0;
        for (int b = 0; b < snap.blocks().size(); b++) {
            RunColumns c = snap.blocks().get(b);
            BitSet dead = snap.dead().get(b);
            total += c.size;
            for (int r = 0; r < c.size; r++) {
                if (c.updateKey(r) < horizonStart && (dead == null || !dead.get(r))) {
                    expired++;
                }
            }
        }
        fi.expired = expired;
        int waste = total - snap.runs() + expired;
        long budget = settings.maxRuns();
        boolean overBudget = snap.runs() - expired > budget + budget / 20;
        if (full || overBudget || (waste > 0 && waste >= snap.runs() / 5)) {
            long keepFrom = horizonStart;
            Instant capped = null;
            // A cut stays until the horizon passes it: the runs older than it are not in memory any more.
            Instant before = snap.cappedSince();
            if (before != null && RunColumns.ceilTicks(before) > keepFrom) {
                keepFrom = RunColumns.ceilTicks(before);
                capped = before;
            }
            if (floor != null && RunColumns.ceilTicks(floor) > keepFrom) {
                keepFrom = RunColumns.ceilTicks(floor);
                capped = floor;
            }
            if (snap.runs() - expired > budget) {
                long[] keys = new long[total];
                int n = 0;
                for (int b = 0; b < snap.blocks().size(); b++) {
                    RunColumns c = snap.blocks().get(b);
                    BitSet dead = snap.dead().get(b);
                    for (int r = 0; r < c.size; r++) {
                        if (dead == null || !dead.get(r)) {
                            keys[n++] = c.updateKey(r);
                        }
                    }
                }
                java.util.Arrays.sort(keys, 0, n);
                if (keys[n - (int) budget] > keepFrom) {
                    keepFrom = keys[n - (int) budget];
                    capped = RunColumns.instant(keepFrom);
                }
            }
            RunColumns.Strings strings = new RunColumns.Strings();
            RunColumns merged = RunColumns.merge(fi.factory, strings, snap.blocks(), snap.dead(), keepFrom);
            fi.strings = strings;
            fi.snapshot = new Snapshot(List.of(merged), java.util.Collections.singletonList(null), merged.size, true,
                    null, capped);
            fi.expired = 0;
            return;
        }
        if (snap.blocks().size() > MAX_BLOCKS) {
            // The newer (small) blocks into one; the oldest (the bulk) stays as it is.
            int last = snap.blocks().size() - 1;
            RunColumns merged = RunColumns.merge(fi.factory, fi.strings, snap.blocks().subList(0, last),
                    snap.dead().subList(0, last), Long.MIN_VALUE);
            List<BitSet> dead = new ArrayList<>();
            dead.add(null);
            dead.add(snap.dead().get(last));
            fi.snapshot = new Snapshot(List.of(merged, snap.blocks().get(last)),
                    java.util.Collections.unmodifiableList(dead), snap.runs(), snap.complete(), snap.loadedSince(),
                    snap.cappedSince());
        }
    }

    private Duration backoff(int failures) {
        long base = Math.max(1000, settings.refresh().toMillis()) << Math.min(failures, 8);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped - capped / 10 + jitter);
    }

    private static Instant updated(PipelineRun r) {
        return r.lastUpdated() != null ? r.lastUpdated() : r.sortTime();
    }

    // ---- DataFactory --------------------------------------------------------------------------------------

    @Override
    public List<FactoryRef> factories() {
        return source.factories();
    }

    @Override
    public List<String> listPipelineNames(FactoryRef factory) {
        return once("names|" + factory, () -> source.listPipelineNames(factory));
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        FactoryIndex fi = indexes.get(factory);
        Snapshot snap = fi == null ? null : fi.snapshot;
        Instant held = heldSince(snap);
        if (held == null) {
            return once(List.of("runs", factory, query), () -> source.queryPipelineRuns(factory, query));
        }
        if (query.from().isBefore(held)) {
            return withOlderPart(factory, query, snap, held);
        }
        return fromMemory(snap, query);
    }

    /** The runs of the snapshot updated in the query's window, of its pipelines and statuses, newest start first. */
    private static List<PipelineRun> fromMemory(Snapshot snap, RunQuery query) {
        long from = RunColumns.ceilTicks(query.from());
        long to = RunColumns.ceilTicks(query.to());
        int statuses = 0;
        for (RunStatus s : query.statuses()) {
            statuses |= 1 << s.ordinal();
        }
        int max = query.maxRuns();
        List<RunColumns> blocks = new ArrayList<>();
        List<RunColumns.IntList> lists = new ArrayList<>();
        for (int b = 0; b < snap.blocks().size(); b++) {
            RunColumns c = snap.blocks().get(b);
            BitSet dead = snap.dead().get(b);
            if (query.pipelineNames().isEmpty()) {
                RunColumns.IntList l = new RunColumns.IntList();
                c.collect(null, from, to, dead, statuses, max, l);
                if (l.n > 0) {
                    blocks.add(c);
                    lists.add(l);
                }
                continue;
            }
            for (String name : query.pipelineNames()) {
                int[] rows = c.rowsOf(name);
                if (rows != null) {
                    RunColumns.IntList l = new RunColumns.IntList();
                    c.collect(rows, from, to, dead, statuses, max, l);
                    if (l.n > 0) {
                        blocks.add(c);
                        lists.add(l);
                    }
                }
            }
        }
        // As Data Factory orders them: newest start first (each list is; merged, up to the query's maximum).
        int k = lists.size();
        int total = 0;
        for (RunColumns.IntList l : lists) {
            total += l.n;
        }
        int n = Math.min(total, max);
        int[] fromList = new int[n];
        int[] rows = new int[n];
        int[] pos = new int[k];
        for (int j = 0; j < n; j++) {
            int best = 0;
            if (k > 1) {
                best = -1;
                long bestKey = 0;
                for (int i = 0; i < k; i++) {
                    if (pos[i] < lists.get(i).n) {
                        long key = blocks.get(i).sortKey(lists.get(i).a[pos[i]]);
                        if (best < 0 || key > bestKey) {
                            best = i;
                            bestKey = key;
                        }
                    }
                }
            }
            fromList[j] = best;
            rows[j] = lists.get(best).a[pos[best]++];
        }
        PipelineRun[] built = new PipelineRun[n];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, n);
        // A big answer (a week of a big factory): its records built on the cores at hand.
        (n >= PARALLEL_RECORDS ? range.parallel() : range).forEach(j -> built[j] = blocks.get(fromList[j]).run(rows[j]));
        return new ArrayList<>(java.util.Arrays.asList(built));
    }

    /**
     * A window reaching back beyond the memory: the part the memory holds from it, the older part from one read of
     * Data Factory whose edges are widened to {@link #COLD_STEP} and which answers for {@link #COLD_TTL} (the "period
     * before" of every comparison, asked again and again, costs one read, not one per question).
     */
    private List<PipelineRun> withOlderPart(FactoryRef factory, RunQuery query, Snapshot snap, Instant held) {
        ColdRead read = coldRead(factory, query, coldEnd(query, held));
        Map<String, PipelineRun> byId = new java.util.LinkedHashMap<>();
        for (PipelineRun r : read.runs()) {
            // Up to the window's end: the read reaches a step past the memory's start, which covers the seconds a
            // refresh may already have let go; for a run in both, the memory's (newer) state wins below.
            Instant u = updated(r);
            if (!u.isBefore(query.from()) && u.isBefore(query.to())) {
                byId.put(r.runId(), r);
            }
        }
        if (query.to().isAfter(held)) {
            for (PipelineRun r : fromMemory(snap, new RunQuery(held, query.to(), query.pipelineNames(), query.statuses(),
                    query.maxRuns()))) {
                byId.put(r.runId(), r);
            }
        }
        List<PipelineRun> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        return out.size() > query.maxRuns() ? List.copyOf(out.subList(0, query.maxRuns())) : List.copyOf(out);
    }

    private ColdRead coldRead(FactoryRef factory, RunQuery query, Instant coldTo) {
        Instant now = clock.instant();
        ColdRead held = cachedCold(factory, query, coldTo, now);
        if (held != null) {
            return held;
        }
        RunQuery wide = new RunQuery(floor(query.from()), ceil(coldTo).plus(COLD_STEP), query.pipelineNames(),
                query.statuses(), query.maxRuns());
        ColdRead fresh = once(List.of("cold", factory, wide),
                () -> new ColdRead(factory, wide, clock.instant(), List.copyOf(source.queryPipelineRuns(factory, wide))));
        cold.removeIf(x -> !x.readAt().plus(COLD_TTL).isAfter(now) || x == fresh);
        if (cold.size() < COLD_ENTRIES) {
            cold.add(fresh);
        }
        return fresh;
    }

    private ColdRead cachedCold(FactoryRef factory, RunQuery query, Instant coldTo, Instant now) {
        for (ColdRead c : cold) {
            if (c.answers(factory, query, coldTo, now)) {
                return c;
            }
        }
        return null;
    }

    /** Where the older part of {@code query} ends: at the memory's start, or at the window's end before it. */
    private static Instant coldEnd(RunQuery query, Instant held) {
        return query.to().isBefore(held) ? query.to() : held;
    }

    private static Instant floor(Instant t) {
        long step = COLD_STEP.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), step) * step);
    }

    private static Instant ceil(Instant t) {
        Instant f = floor(t);
        return f.equals(t) ? t : f.plus(COLD_STEP);
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
        // The status is part of the key: activity runs read while the run was going are not its final ones.
        String key = factory.factoryName() + "/" + run.runId() + "/" + run.status();
        Instant now = clock.instant();
        synchronized (activities) {
            CachedActivities c = activities.get(key);
            if (c != null && (c.expires() == null || c.expires().isAfter(now))) {
                return c.runs();
            }
        }
        List<ActivityRun> runs = once("activities|" + key, () -> source.queryActivityRuns(factory, run));
        if (RequestMeter.current() == RequestMeter.Purpose.COST) {
            // The cost ledger keeps a summary of what it reads: its reads (every finished run) would push the runs
            // questions looked at out of this cache.
            return runs;
        }
        // A finished run's activity runs never change; a running one's are reused briefly.
        Instant expires = run.status().isTerminal() ? null : now.plus(settings.activeTtl());
        synchronized (activities) {
            activities.put(key, new CachedActivities(List.copyOf(runs), expires));
        }
        return runs;
    }

    /** Writes go to the factory; the new or cancelled run shows up at a refresh soon after. */
    @Override
    public String createRun(FactoryRef factory, com.adfops.adf.RunRequest request) {
        String id = source.createRun(factory, request);
        refreshSoon();
        return id;
    }

    @Override
    public void cancelRun(FactoryRef factory, String runId, boolean recursive) {
        source.cancelRun(factory, runId, recursive);
        refreshSoon();
    }

    private void refreshSoon() {
        if (started) {
            try {
                scheduler.schedule(this::refreshAll, AFTER_WRITE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // Shutting down: the next start loads everything anyway.
            }
        }
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        FactoryIndex fi = indexes.get(factory);
        Snapshot snap = fi == null ? null : fi.snapshot;
        if (snap != null) {
            for (int b = 0; b < snap.blocks().size(); b++) {
                RunColumns c = snap.blocks().get(b);
                int r = c.find(runId);
                BitSet dead = snap.dead().get(b);
                if (r >= 0 && (dead == null || !dead.get(r))) {
                    return Optional.of(c.run(r));
                }
            }
        }
        return once("run|" + factory + "|" + runId, () -> source.getPipelineRun(factory, runId));
    }

    /**
     * Since when every run of the factory is in memory: the horizon once loaded (or the oldest update the memory
     * budget keeps), the newest slices loaded so far while loading; null while nothing is.
     */
    @Override
    public Instant heldSince(FactoryRef factory) {
        FactoryIndex fi = indexes.get(factory);
        return fi == null ? null : heldSince(fi.snapshot);
    }

    private Instant heldSince(Snapshot snap) {
        if (snap == null) {
            return null;
        }
        if (!snap.complete()) {
            return snap.loadedSince();
        }
        Instant horizonStart = clock.instant().minus(settings.horizon()).minus(SLACK);
        Instant capped = snap.cappedSince();
        return capped != null && capped.isAfter(horizonStart) ? capped : horizonStart;
    }

    /** How far back the memory of {@code factory} reaches, or null when it is not indexed. */
    public Freshness.Reach reach(FactoryRef factory) {
        FactoryIndex fi = indexes.get(factory);
        return fi == null ? null : reach(fi);
    }

    private Freshness.Reach reach(FactoryIndex fi) {
        Snapshot snap = fi.snapshot;
        int runs = snap == null ? 0 : Math.max(0, snap.runs() - fi.expired);
        Instant held = heldSince(snap);
        boolean complete = snap != null && snap.complete();
        if (held == null) {
            return new Freshness.Reach(null, 0, !complete, false, runs);
        }
        Instant now = clock.instant();
        boolean capped = complete && snap.cappedSince() != null;
        int percent = 100;
        if (!complete || capped) {
            long horizon = Math.max(1, settings.horizon().toMillis());
            long covered = Math.max(0, Duration.between(held, now).toMillis());
            percent = (int) Math.min(100, covered * 100 / horizon);
            if (!complete) {
                percent = Math.min(99, percent);
            }
        }
        return new Freshness.Reach(held, percent, !complete, capped, runs);
    }

    @Override
    public Freshness freshness(FactoryRef factory, RunQuery query) {
        FactoryIndex fi = indexes.get(factory);
        if (fi == null) {
            return Freshness.direct(clock.instant());
        }
        Freshness.Reach reach = reach(fi);
        Instant held = reach.loadedSince();
        if (held == null) {
            return Freshness.direct(clock.instant()).withReach(reach);
        }
        if (query.from().isBefore(held)) {
            // When the older part was read (it may be a few minutes old).
            ColdRead c = cachedCold(factory, query, coldEnd(query, held), clock.instant());
            return Freshness.direct(c != null ? c.readAt() : clock.instant()).withReach(reach);
        }
        return new Freshness(fi.asOf, true, fi.state == FactoryStatus.State.STALE ? fi.reason : "", null, reach);
    }

    @Override
    public List<FactoryStatus> status() {
        List<FactoryStatus> out = new ArrayList<>();
        for (FactoryIndex fi : indexes.values()) {
            String name = fi.factory.factoryName();
            Freshness.Reach reach = reach(fi);
            out.add(new FactoryStatus(name, fi.state, fi.reason, fi.fix, fi.asOf, reach.runs(),
                    meter.count(name, RequestMeter.Purpose.REFRESH), meter.count(name, RequestMeter.Purpose.QUESTION),
                    fi.lastRefreshRequests, reach));
        }
        return out;
    }

    /** Identical concurrent reads share one call to Data Factory (single flight). */
    @SuppressWarnings("unchecked")
    private <T> T once(Object key, Supplier<T> read) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            T value = read.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    @Override
    public void close() {
        // Let a read in flight end (interrupting it makes the Azure SDK log it as an error), then stop.
        closing = true;
        scheduler.shutdown();
        loaders.shutdown();
        try {
            if (!scheduler.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
            if (!loaders.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                loaders.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            loaders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** How long {@link #close()} waits for a read in flight before interrupting it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
}
