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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DataFactory} that answers from one shared memory of runs per factory. On start it loads the horizon day by
 * day; then every refresh interval it asks only for runs updated since its last read (minus an overlap for late
 * writes) and upserts them by run id, so status changes land and nothing is read twice. Questions whose window lies
 * inside the horizon are answered from memory; older ones read Data Factory directly. While a refresh fails, answers
 * keep coming from memory, marked stale with the reason, and refreshes back off (Azure's Retry-After first).
 * Activity runs of finished runs never change and are cached; identical concurrent reads share one request.
 */
public final class RunIndex implements DataFactory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunIndex.class);
    /** Questions a little older than the horizon still count as inside it (the horizon slides between refreshes). */
    /** How soon after a rerun or cancel the index refreshes (ADF needs a moment to list the run). */
    private static final Duration AFTER_WRITE = Duration.ofSeconds(3);
    private static final Duration SLACK = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int UNBOUNDED = 10_000_000;

    /** See {@code config.IndexProperties}. */
    public record Settings(Duration horizon, Duration refresh, Duration overlap, int activityCacheSize,
                           Duration activeTtl) {
    }

    /**
     * An immutable view of one factory's runs: all of them and each pipeline's, newest update first (so a window is a
     * binary search away), and by id.
     */
    private record Snapshot(List<PipelineRun> newestFirst, Map<String, List<PipelineRun>> byPipeline,
                            Map<String, PipelineRun> byId) {

        static Snapshot of(Map<String, PipelineRun> byId) {
            List<PipelineRun> all = new ArrayList<>(byId.values());
            all.sort(Comparator.comparing(RunIndex::updated).reversed());
            Map<String, List<PipelineRun>> byPipeline = new HashMap<>();
            for (PipelineRun r : all) {
                byPipeline.computeIfAbsent(r.pipelineName(), k -> new ArrayList<>()).add(r);
            }
            byPipeline.replaceAll((k, v) -> List.copyOf(v));
            return new Snapshot(List.copyOf(all), Map.copyOf(byPipeline), Map.copyOf(byId));
        }
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
            fi.watermark = now;
            fi.asOf = now;
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
     * Backfill (day by day) the first time, then only what changed since the watermark.
     *
     * @return false when the index closed before the backfill ended (nothing is published)
     */
    private boolean load(FactoryIndex fi, Instant now) {
        Instant horizonStart = now.minus(settings.horizon());
        Instant to = now.plus(SLACK);
        Map<String, PipelineRun> byId;
        if (fi.snapshot == null) {
            byId = new HashMap<>();
            for (Instant from = horizonStart; from.isBefore(to); from = from.plus(Duration.ofDays(1))) {
                if (closing) {
                    return false;
                }
                Instant until = from.plus(Duration.ofDays(1)).isBefore(to) ? from.plus(Duration.ofDays(1)) : to;
                for (PipelineRun r : source.queryPipelineRuns(fi.factory, new RunQuery(from, until, Set.of(), Set.of(), UNBOUNDED))) {
                    byId.put(r.runId(), r);
                }
            }
        } else {
            List<PipelineRun> changed = source.queryPipelineRuns(fi.factory,
                    new RunQuery(fi.watermark.minus(settings.overlap()), to, Set.of(), Set.of(), UNBOUNDED));
            boolean evict = fi.snapshot.newestFirst().stream().anyMatch(r -> updated(r).isBefore(horizonStart));
            if (changed.isEmpty() && !evict) {
                return true;
            }
            byId = new HashMap<>(fi.snapshot.byId());
            for (PipelineRun r : changed) {
                byId.put(r.runId(), r);
            }
        }
        byId.values().removeIf(r -> updated(r).isBefore(horizonStart));
        fi.snapshot = Snapshot.of(byId);
        return true;
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

    /** The snapshot that can answer {@code query}, or null when it must be read directly. */
    private Snapshot answering(FactoryRef factory, RunQuery query) {
        FactoryIndex fi = indexes.get(factory);
        if (fi == null || fi.snapshot == null) {
            return null;
        }
        Instant horizonStart = clock.instant().minus(settings.horizon()).minus(SLACK);
        return query.from().isBefore(horizonStart) ? null : fi.snapshot;
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
        Snapshot snap = answering(factory, query);
        if (snap == null) {
            FactoryIndex fi = indexes.get(factory);
            if (fi == null || fi.snapshot == null) {
                return once(List.of("runs", factory, query), () -> source.queryPipelineRuns(factory, query));
            }
            return withOlderPart(factory, query, fi.snapshot);
        }
        return fromMemory(snap, query);
    }

    private static List<PipelineRun> fromMemory(Snapshot snap, RunQuery query) {
        List<PipelineRun> out = new ArrayList<>();
        if (query.pipelineNames().isEmpty()) {
            collect(snap.newestFirst(), query, out);
        } else {
            for (String name : query.pipelineNames()) {
                collect(snap.byPipeline().getOrDefault(name, List.of()), query, out);
            }
        }
        // As Data Factory orders them: newest start first.
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        return out.size() > query.maxRuns() ? out.subList(0, query.maxRuns()) : out;
    }

    /**
     * A window reaching back beyond the memory: the part the memory holds from it, the older part from one read of
     * Data Factory whose edges are widened to {@link #COLD_STEP} and which answers for {@link #COLD_TTL} (the "period
     * before" of every comparison, asked again and again, costs one read, not one per question).
     */
    private List<PipelineRun> withOlderPart(FactoryRef factory, RunQuery query, Snapshot snap) {
        Instant held = heldSince(factory);
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

    /** The runs of {@code newestFirst} (by update) inside the query's window and statuses. */
    private static void collect(List<PipelineRun> newestFirst, RunQuery query, List<PipelineRun> out) {
        // First run updated before the window's end: binary search on the descending update times.
        int lo = 0;
        int hi = newestFirst.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (updated(newestFirst.get(mid)).isBefore(query.to())) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        for (int i = lo; i < newestFirst.size(); i++) {
            PipelineRun r = newestFirst.get(i);
            if (updated(r).isBefore(query.from())) {
                break;
            }
            if (query.statuses().isEmpty() || query.statuses().contains(r.status())) {
                out.add(r);
            }
        }
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
        if (snap != null && snap.byId().containsKey(runId)) {
            return Optional.of(snap.byId().get(runId));
        }
        return once("run|" + factory + "|" + runId, () -> source.getPipelineRun(factory, runId));
    }

    @Override
    public Instant heldSince(FactoryRef factory) {
        FactoryIndex fi = indexes.get(factory);
        return fi == null || fi.snapshot == null ? null : clock.instant().minus(settings.horizon()).minus(SLACK);
    }

    @Override
    public Freshness freshness(FactoryRef factory, RunQuery query) {
        FactoryIndex fi = indexes.get(factory);
        if (fi == null || fi.snapshot == null) {
            return Freshness.direct(clock.instant());
        }
        if (answering(factory, query) == null) {
            // When the older part was read (it may be a few minutes old).
            ColdRead c = cachedCold(factory, query, coldEnd(query, heldSince(factory)), clock.instant());
            return Freshness.direct(c != null ? c.readAt() : clock.instant());
        }
        return new Freshness(fi.asOf, true, fi.state == FactoryStatus.State.STALE ? fi.reason : "");
    }

    @Override
    public List<FactoryStatus> status() {
        List<FactoryStatus> out = new ArrayList<>();
        for (FactoryIndex fi : indexes.values()) {
            String name = fi.factory.factoryName();
            Snapshot snap = fi.snapshot;
            out.add(new FactoryStatus(name, fi.state, fi.reason, fi.fix, fi.asOf,
                    snap == null ? 0 : snap.newestFirst().size(), meter.count(name, RequestMeter.Purpose.REFRESH),
                    meter.count(name, RequestMeter.Purpose.QUESTION), fi.lastRefreshRequests));
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
        try {
            if (!scheduler.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** How long {@link #close()} waits for a read in flight before interrupting it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
}
