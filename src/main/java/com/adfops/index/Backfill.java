package com.adfops.index;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first load of a factory's horizon, newest first, in slices: the last hour (alone), the rest of the last day,
 * then one day at a time. Published one by one as they land; a few read at once; the refresher thread publishes (one
 * writer) and, while older days load, reads what changed since the watermark every interval. Under the memory budget
 * the older slices are not read once the budget is reached. Resumed where it stopped after a failure.
 */
final class Backfill {

    private static final Logger log = LoggerFactory.getLogger(RunIndex.class);

    /** One part of the horizon the backfill reads, [from, to) on the update time. */
    record Slice(Instant from, Instant to) {
    }

    private final Refresher refresher;
    private final SliceSource source;
    private final Clock clock;
    private final RunIndex.Settings settings;
    /** The slices in flight (the refresher thread waits for them and publishes each). */
    private final ExecutorService loaders;

    Backfill(Refresher refresher, SliceSource source, Clock clock, RunIndex.Settings settings,
             ExecutorService loaders) {
        this.refresher = refresher;
        this.source = source;
        this.clock = clock;
        this.settings = settings;
        this.loaders = loaders;
    }

    /** @return false when the index closed (or a slice is still to read) before the backfill ended */
    boolean run(FactoryIndex fi, Instant now) {
        if (fi.slices == null) {
            fi.backfillStart = now;
            fi.slices = slices(now.minus(settings.horizon()), now.plus(RunIndex.SLACK), now);
            fi.sliceDone = new boolean[fi.slices.size()];
            // Raised to the newest update the slices bring (Data Factory's clock): see Refresher.advance.
            fi.watermark = Refresher.advance(null, null, now, settings);
        }
        if (!fi.sliceDone[0]) {
            // The last hour first, alone (it is small and answers the first questions); the rest in parallel.
            Slice hour = fi.slices.get(0);
            publish(fi, 0, RunColumns.of(fi.factory, fi.strings, source.read(fi.factory, hour, now)));
        }
        AtomicBoolean stop = new AtomicBoolean();
        boolean budgetReached = false;
        CompletionService<Object[]> landed = new ExecutorCompletionService<>(loaders);
        int pending = 0;
        for (int i = 0; i < fi.slices.size(); i++) {
            if (fi.sliceDone[i]) {
                continue;
            }
            int slice = i;
            Slice sl = fi.slices.get(i);
            landed.submit(() -> {
                if (refresher.closing() || stop.get()) {
                    return new Object[] {slice, null};
                }
                List<PipelineRun> runs = RequestMeter.as(RequestMeter.Purpose.REFRESH,
                        () -> source.read(fi.factory, sl, fi.backfillStart));
                return new Object[] {slice, RunColumns.of(fi.factory, fi.strings, runs)};
            });
            pending++;
        }
        DataFactoryException failed = null;
        try {
            while (pending > 0) {
                Future<Object[]> done = landed.poll(Math.max(1, settings.refresh().toMillis()), TimeUnit.MILLISECONDS);
                if (done != null) {
                    pending--;
                    Object[] result;
                    try {
                        result = done.get();
                    } catch (ExecutionException e) {
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
                    publish(fi, (Integer) result[0], (RunColumns) result[1]);
                    if (fi.snapshot.runs() >= settings.maxRuns() && fi.snapshot.loadedSince() != null) {
                        // The budget is reached: older slices are not read (newest kept).
                        stop.set(true);
                        budgetReached = true;
                    }
                }
                Instant t = clock.instant();
                if (failed == null && !stop.get() && fi.snapshot != null && fi.snapshot.loadedSince() != null
                        && !t.isBefore(fi.asOf.plus(settings.refresh()))) {
                    // Older days still loading: the newest part stays current.
                    refresher.changedSince(fi, t);
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
        if (refresher.closing()) {
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
        fi.compact(settings, clock.instant(), true, floor);
        log.info("Run index of {}: {} runs loaded", fi.factory.factoryName(), fi.snapshot.runs());
        return true;
    }

    private static void publish(FactoryIndex fi, int slice, RunColumns block) {
        Snapshot snap = fi.snapshot == null ? Snapshot.EMPTY : fi.snapshot;
        fi.sliceDone[slice] = true;
        Instant reach = null;
        for (int i = 0; i < fi.slices.size() && fi.sliceDone[i]; i++) {
            reach = fi.slices.get(i).from();
        }
        fi.snapshot = snap.with(block).loading(reach);
        Instant newest = RefreshOverlap.newest(block);
        if (newest != null && newest.isAfter(fi.watermark)) {
            fi.watermark = newest;
        }
        if (fi.asOf == null) {
            fi.asOf = fi.backfillStart;
        }
        fi.state = FactoryStatus.State.LIVE;
    }

    /** The slices of the horizon [{@code horizonStart}, {@code to}), newest first. */
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
}
