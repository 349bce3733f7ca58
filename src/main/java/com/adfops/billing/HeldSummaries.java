package com.adfops.billing;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The summaries a {@link BillingLedger} holds: those of runs inside the horizon (by factory and run id; they leave
 * with their runs), a bounded list of older ones a question asked for, and, with a {@link BillingStore}, the store
 * behind them: what was read since the last save is written in batches, the store is read at start (and again while a
 * backfill goes on: another instance may have read those runs), and its documents of hours that left the horizon are
 * deleted.
 */
final class HeldSummaries {

    private static final Logger log = LoggerFactory.getLogger(HeldSummaries.class);

    /** Summaries of runs older than the horizon (a question about an older window asked for them), kept at most. */
    static final int OLDER_KEPT = 20_000;
    /** How often the store is read again while a backfill goes on (another instance may have read those runs). */
    static final Duration RELOAD_EVERY = Duration.ofMinutes(5);
    /** How often the store's documents of hours that left the horizon are deleted. */
    static final Duration FORGET_EVERY = Duration.ofHours(1);

    private final Clock clock;
    private final Duration horizon;
    private final BillingStore store;

    /** Summaries of runs inside the horizon, by factory name and run id (the run's own id string: no copy). */
    private final Map<String, Map<String, BilledRun>> held = new ConcurrentHashMap<>();
    /** Summaries of older runs, least recently used first. */
    private final Map<String, BilledRun> older = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BilledRun> eldest) {
                    return size() > OLDER_KEPT;
                }
            });
    /** Summaries read since the last save, by factory; guarded by this. */
    private final Map<FactoryRef, Map<String, BilledRun>> unsaved = new HashMap<>();
    private Instant lastLoad;
    private boolean loaded;

    HeldSummaries(Clock clock, Duration horizon, BillingStore store) {
        this.clock = clock;
        this.horizon = horizon;
        this.store = store;
    }

    /** Where the horizon starts at {@code now} (a minute of slack). */
    Instant horizonStart(Instant now) {
        return now.minus(horizon).minus(Duration.ofMinutes(1));
    }

    boolean stored() {
        return store != null;
    }

    /** The summary of a finished run, or null when it has not been read yet. */
    BilledRun get(PipelineRun run) {
        Map<String, BilledRun> f = held.get(run.factory().factoryName());
        BilledRun b = f == null ? null : f.get(run.runId());
        return b != null ? b : older.isEmpty() ? null : older.get(BillingLedger.key(run));
    }

    private Map<String, BilledRun> heldOf(String factory) {
        return held.computeIfAbsent(factory, k -> new ConcurrentHashMap<>());
    }

    /** Summaries held (inside the horizon and older). */
    int size() {
        return held.values().stream().mapToInt(Map::size).sum() + older.size();
    }

    void keep(PipelineRun run, BilledRun b) {
        if (b.at().isBefore(horizonStart(clock.instant()))) {
            older.put(BillingLedger.key(run), b);
            return;
        }
        heldOf(run.factory().factoryName()).put(run.runId(), b);
        if (store != null) {
            synchronized (this) {
                unsaved.computeIfAbsent(run.factory(), k -> new LinkedHashMap<>()).put(run.runId(), b);
            }
        }
    }

    /** Drops the summaries of runs that left the horizon. */
    void evict(Instant horizonStart) {
        held.values().forEach(m -> m.values().removeIf(b -> b.at().isBefore(horizonStart)));
        synchronized (this) {
            unsaved.values().forEach(m -> m.values().removeIf(b -> b.at().isBefore(horizonStart)));
        }
    }

    /** Reads the store at first, and again every {@link #RELOAD_EVERY} while {@code backlog} says a backfill goes on. */
    void loadIfDue(List<FactoryRef> factories, Instant now, BooleanSupplier backlog) {
        if (store != null && (!loaded || (lastLoad != null && backlog.getAsBoolean()
                && !now.isBefore(lastLoad.plus(RELOAD_EVERY))))) {
            load(factories, now);
        }
    }

    /** Reads the store (another instance, or this one before a restart, may have read these runs). */
    private void load(List<FactoryRef> factories, Instant now) {
        lastLoad = now;
        Instant horizonStart = horizonStart(now);
        int before = size();
        for (FactoryRef f : factories) {
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
    void forget(List<FactoryRef> factories, Instant now) {
        Instant horizonStart = horizonStart(now);
        for (FactoryRef f : factories) {
            try {
                store.forgetBefore(f, horizonStart);
            } catch (RuntimeException e) {
                log.warn("Cost ledger: cannot delete the old summaries of {} (next try in {})", f.factoryName(),
                        FORGET_EVERY, e);
            }
        }
    }

    /** Writes the summaries read since the last save. */
    void save() {
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
}
