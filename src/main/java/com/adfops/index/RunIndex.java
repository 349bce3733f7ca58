package com.adfops.index;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DataFactory} that answers from one shared memory of runs per factory. On start it loads the horizon newest
 * first (the last hour, the rest of the last day, then day by day, a few slices in flight: {@link Backfill}) and
 * serves each part as it lands: a question whose window lies inside what is loaded is answered from memory
 * ({@link MemoryQuery}), an older part is read from Data Factory ({@link ColdReads}), and {@link Freshness.Reach} says
 * how far back the memory reaches. Then every refresh interval ({@link Refresher}) it asks only for runs updated since
 * the newest update Data Factory listed (minus an overlap for late writes, narrowed so that a busy factory's refresh
 * reads one page: {@link RefreshOverlap}) and lays them over the older state by run id, so status changes
 * land and nothing is read twice. Runs are held as columns ({@link RunColumns}), at most {@code maxRuns} of them (the
 * newest; the in-memory horizon shrinks and the reach says so). While a refresh fails, answers keep coming from memory,
 * marked stale with the reason, and refreshes back off (Azure's Retry-After first). Activity runs of finished runs
 * never change and are cached; identical concurrent reads share one request ({@link SingleFlight}).
 */
public final class RunIndex implements DataFactory, AutoCloseable {

    /** Questions a little older than the horizon still count as inside it (the horizon slides between refreshes). */
    static final Duration SLACK = Duration.ofMinutes(1);
    /** The most runs a read of a slice or of what changed may return: all of them. */
    static final int UNBOUNDED = 10_000_000;

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

    private record CachedActivities(List<ActivityRun> runs, Instant expires) {
    }

    private final DataFactory source;
    private final RequestMeter meter;
    private final Clock clock;
    private final Settings settings;
    private final Map<FactoryRef, FactoryIndex> indexes = new LinkedHashMap<>();
    private final Map<String, CachedActivities> activities;
    private final SingleFlight flight = new SingleFlight();
    private final ColdReads cold;
    private final Refresher refresher;

    public RunIndex(DataFactory source, RequestMeter meter, Clock clock, Settings settings) {
        this(source, null, meter, clock, settings);
    }

    /**
     * An index whose first load reads the horizon's older part from Data Factory's logs in a Log Analytics workspace
     * ({@code archive}, may be null) instead of ARM, then asks Data Factory only for the last hour, the runs still in
     * progress and what changes after.
     */
    public RunIndex(DataFactory source, com.adfops.adf.RunArchive archive, RequestMeter meter, Clock clock,
                    Settings settings) {
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
        this.cold = new ColdReads(source, clock, flight);
        this.refresher = new Refresher(source, archive, meter, clock, settings, indexes.values());
    }

    /**
     * Keeps a snapshot of each factory's memory in {@code store} (before {@link #start()}): the first refresh publishes
     * a usable one at once and asks Data Factory only for what changed since; one is written when the horizon is
     * loaded and then {@code every} (null: only by {@link #writeSnapshots()}).
     */
    public RunIndex keepingSnapshots(SnapshotStore store, Duration every) {
        refresher.snapshots(new DurableSnapshots(store, every, clock, settings));
        return this;
    }

    /**
     * Writes each loaded factory's snapshot now, on the calling thread (tests, benchmarks).
     *
     * @return the factories written
     */
    public int writeSnapshots() {
        DurableSnapshots s = refresher.snapshots();
        int written = 0;
        for (FactoryIndex fi : indexes.values()) {
            if (s != null && s.writeNow(fi)) {
                written++;
            }
        }
        return written;
    }

    /** Loads the horizon in the background, then refreshes every interval. */
    public RunIndex start() {
        refresher.start();
        return this;
    }

    /** One refresh of every factory, on the calling thread (the scheduler's, a test's or a benchmark's). */
    public void refreshAll() {
        refresher.refreshAll();
    }

    // ---- DataFactory --------------------------------------------------------------------------------------

    @Override
    public List<FactoryRef> factories() {
        return source.factories();
    }

    @Override
    public List<String> listPipelineNames(FactoryRef factory) {
        return flight.once("names|" + factory, () -> source.listPipelineNames(factory));
    }

    /** The definitions are the factory's (its adapter caches them). */
    @Override
    public com.adfops.adf.FactoryDefinitions readDefinitions(FactoryRef factory) {
        return source.readDefinitions(factory);
    }

    @Override
    public List<com.adfops.adf.FactoryDefinitions.TriggerRun> queryTriggerRuns(FactoryRef factory, Instant from,
                                                                              Instant to) {
        return source.queryTriggerRuns(factory, from, to);
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        FactoryIndex fi = indexes.get(factory);
        Snapshot snap = fi == null ? null : fi.snapshot;
        Instant held = heldSince(snap);
        if (held == null) {
            return flight.once(List.of("runs", factory, query), () -> source.queryPipelineRuns(factory, query));
        }
        if (query.from().isBefore(held)) {
            return cold.withOlderPart(factory, query, snap, held);
        }
        return MemoryQuery.runs(snap, query);
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
        List<ActivityRun> runs = flight.once("activities|" + key, () -> source.queryActivityRuns(factory, run));
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
    public String createRun(FactoryRef factory, RunRequest request) {
        String id = source.createRun(factory, request);
        refresher.refreshSoon();
        return id;
    }

    @Override
    public void cancelRun(FactoryRef factory, String runId, boolean recursive) {
        source.cancelRun(factory, runId, recursive);
        refresher.refreshSoon();
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        FactoryIndex fi = indexes.get(factory);
        Snapshot snap = fi == null ? null : fi.snapshot;
        PipelineRun held = snap == null ? null : MemoryQuery.run(snap, runId);
        if (held != null) {
            return Optional.of(held);
        }
        return flight.once("run|" + factory + "|" + runId, () -> source.getPipelineRun(factory, runId));
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
        // Rounded up to the second (never earlier than the last compaction kept): answers built from the same memory
        // within one second are then equal, and their cards rendered once (ReplySender).
        Instant now = clock.instant();
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        Instant horizonStart = (second.equals(now) ? now : second.plusSeconds(1)).minus(settings.horizon()).minus(SLACK);
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

    /** Each factory's memory as last seen by {@link #memoryVersion()}, and the version then. */
    private final Map<FactoryRef, Snapshot> versionSeen = new java.util.HashMap<>();
    private long version;

    @Override
    public synchronized long memoryVersion() {
        for (FactoryIndex fi : indexes.values()) {
            Snapshot now = fi.snapshot;
            if (now == null || !now.complete()) {
                // Still loading: answers read Data Factory for what is not held yet.
                return -1;
            }
            if (versionSeen.get(fi.factory) != now) {
                versionSeen.put(fi.factory, now);
                version++;
            }
        }
        return version;
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
            ColdReads.ColdRead c = cold.cached(factory, query, ColdReads.coldEnd(query, held), clock.instant());
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
                    fi.lastRefreshRequests, reach, fi.start, fi.lastSnapshot,
                    fi.overlap.status(settings.overlap())));
        }
        return out;
    }

    @Override
    public void close() {
        // Let a read in flight end (interrupting it makes the Azure SDK log it as an error), then stop.
        refresher.close();
    }
}
