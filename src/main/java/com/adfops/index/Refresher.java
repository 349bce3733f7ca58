package com.adfops.index;

import com.adfops.adf.AccessAdvice;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's refresh loop: every refresh interval, for each factory, the {@link Backfill} until the horizon is
 * loaded, then only the runs updated since the watermark (minus the overlap), laid over the memory by run id, then a
 * compaction. A failed refresh marks the factory stale (failing while nothing is held) with the reason and backs off
 * (Azure's Retry-After first). Owns the refresher thread and the backfill's loaders; a close lets a read in flight end.
 */
final class Refresher {

    private static final Logger log = LoggerFactory.getLogger(RunIndex.class);
    /** How soon after a rerun or cancel the index refreshes (ADF needs a moment to list the run). */
    private static final Duration AFTER_WRITE = Duration.ofSeconds(3);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** How long {@link #close()} waits for a read in flight before interrupting it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final DataFactory source;
    private final RequestMeter meter;
    private final Clock clock;
    private final RunIndex.Settings settings;
    private final Collection<FactoryIndex> indexes;
    private final Backfill backfill;
    /** The durable snapshots, or null when the index keeps none. */
    private volatile DurableSnapshots snapshots;
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

    Refresher(DataFactory source, com.adfops.adf.RunArchive archive, RequestMeter meter, Clock clock,
              RunIndex.Settings settings, Collection<FactoryIndex> indexes) {
        this.source = source;
        this.meter = meter;
        this.clock = clock;
        this.settings = settings;
        this.indexes = indexes;
        AtomicInteger n = new AtomicInteger();
        this.loaders = Executors.newFixedThreadPool(settings.slicesInFlight(), r -> {
            Thread t = new Thread(r, "run-index-load-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.backfill = new Backfill(this, new SliceSource(source, archive), clock, settings, loaders);
    }

    /** Keeps snapshots in the durable store (before {@link #start()}). */
    void snapshots(DurableSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    DurableSnapshots snapshots() {
        return snapshots;
    }

    /** Refreshes every interval, the first time now. */
    void start() {
        started = true;
        long every = Math.max(1, settings.refresh().toMillis());
        scheduler.scheduleWithFixedDelay(this::refreshAll, 0, every, TimeUnit.MILLISECONDS);
    }

    boolean closing() {
        return closing;
    }

    /** One refresh of every factory, on the calling thread. */
    void refreshAll() {
        for (FactoryIndex fi : indexes) {
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
            if (snapshots != null) {
                snapshots.afterRefresh(fi, now);
            }
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
        if (!fi.restoreTried && fi.snapshot == null && fi.slices == null) {
            fi.restoreTried = true;
            if (snapshots != null && snapshots.restore(fi, now)) {
                return refreshRestored(fi, now);
            }
            if (snapshots == null) {
                fi.start = FactoryStatus.Start.backfill("");
            }
        }
        if (fi.snapshot == null || !fi.snapshot.complete()) {
            return backfill.run(fi, now);
        }
        changedSince(fi, now);
        fi.compact(settings, now, false, null);
        return true;
    }

    /**
     * After a snapshot was published: what changed since its watermark, through the usual refresh (and the read
     * budget), then the runs past today's horizon dropped.
     */
    private boolean refreshRestored(FactoryIndex fi, Instant now) {
        String name = fi.factory.factoryName();
        long before = meter.count(name, RequestMeter.Purpose.REFRESH);
        int updates = changedSince(fi, now);
        fi.compact(settings, now, true, null);
        FactoryStatus.Start s = fi.start;
        fi.start = new FactoryStatus.Start(true, s.snapshotAt(), s.snapshotRuns(), updates,
                meter.count(name, RequestMeter.Purpose.REFRESH) - before, "");
        log.info("Run index of {}: {} runs after the refresh since the snapshot ({} updates, {} ADF requests)", name,
                fi.snapshot.runs(), updates, fi.start.refreshRequests());
        return true;
    }

    /**
     * Reads the runs updated since the watermark (minus the factory's overlap) and lays them over the memory. The
     * watermark is on Data Factory's clock: the newest update it listed ({@link #advance}). The read ends an overlap
     * past our clock, so a factory whose clock runs ahead of ours is read up to its present.
     *
     * @return the runs read
     */
    int changedSince(FactoryIndex fi, Instant now) {
        Instant previous = fi.watermark;
        Instant from = previous.minus(fi.overlap.effective(settings.overlap()));
        // Never further back than the configured overlap before our last read (as before): a quiet factory's
        // watermark is that already, and a factory that just went quiet does not read its last burst twice as long.
        if (fi.asOf != null && fi.asOf.minus(settings.overlap()).isAfter(from)) {
            from = fi.asOf.minus(settings.overlap());
        }
        List<PipelineRun> changed = source.queryPipelineRuns(fi.factory, new RunQuery(from,
                now.plus(settings.overlap()).plus(RunIndex.SLACK), Set.of(), Set.of(), RunIndex.UNBOUNDED));
        RefreshOverlap.Seen seen = new RefreshOverlap.Seen(0, 0, null, null, null);
        if (!changed.isEmpty()) {
            RunColumns block = RunColumns.of(fi.factory, fi.strings, changed);
            seen = RefreshOverlap.scan(fi.snapshot, block, previous);
            fi.snapshot = fi.snapshot.with(block);
        }
        Duration late = fi.overlap.observe(seen, now, fi.asOf, settings.overlap(), settings.refresh());
        if (late != null) {
            log.info("Run index of {}: Data Factory listed {} run(s) late, up to {} s older than the last read's "
                    + "newest update ({} s before this read's); each refresh now reaches back {} s (at most {} s)",
                    fi.factory.factoryName(), seen.lateWrites(), late.toSeconds(), seen.delay().toSeconds(),
                    fi.overlap.effective(settings.overlap()).toSeconds(), settings.overlap().toSeconds());
        }
        fi.watermark = advance(previous, seen.newest(), now, settings);
        fi.asOf = now;
        return changed.size();
    }

    /**
     * The watermark after a read at {@code now} (our clock) whose newest update was {@code newest} (Data Factory's
     * clock; null when nothing came back): that update, never earlier than the watermark before, nor than the
     * configured overlap before our now (a quiet factory's watermark moves on with time: the overlap is the
     * lateness and clock difference the index allows for, as before).
     */
    static Instant advance(Instant previous, Instant newest, Instant now, RunIndex.Settings settings) {
        Instant w = now.minus(settings.overlap());
        if (previous != null && previous.isAfter(w)) {
            w = previous;
        }
        return newest != null && newest.isAfter(w) ? newest : w;
    }

    private Duration backoff(int failures) {
        long base = Math.max(1000, settings.refresh().toMillis()) << Math.min(failures, 8);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped - capped / 10 + jitter);
    }

    /** A refresh soon after a write (the new or cancelled run shows up then), when the loop runs. */
    void refreshSoon() {
        if (started) {
            try {
                scheduler.schedule(this::refreshAll, AFTER_WRITE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // Shutting down: the next start loads everything anyway.
            }
        }
    }

    void close() {
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
        if (snapshots != null) {
            // A snapshot being written ends (the store's write is all or nothing).
            snapshots.close();
        }
    }
}
