package com.adfops.index;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * What the index knows about one factory: its memory of runs (a {@link Snapshot}, laid over block by block and
 * compacted here), its state and since when it is current, and where its backfill stands. Written by the refresher
 * thread only; read by everyone.
 */
final class FactoryIndex {

    /** Blocks laid over the oldest one before the newer ones are merged into one. */
    private static final int MAX_BLOCKS = 8;

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
    List<Backfill.Slice> slices;
    boolean[] sliceDone;
    RunStrings strings = new RunStrings();
    /**
     * The newest update Data Factory listed (its clock, not ours), or the configured overlap before our last read when
     * that is later (a quiet factory); each refresh reads from it minus {@link #overlap}'s effective overlap.
     */
    Instant watermark;
    final RefreshOverlap overlap = new RefreshOverlap();
    Instant notBefore;
    int failures;
    /** How the memory started (restored from a durable snapshot or read), and the last snapshot written. */
    volatile FactoryStatus.Start start;
    volatile FactoryStatus.SnapshotWritten lastSnapshot;
    /** When the next snapshot is due (null: at the end of the backfill); whether one is being written. */
    Instant nextSnapshot;
    volatile boolean writing;
    /** Whether the durable snapshot was looked for (once, at the first refresh). */
    boolean restoreTried;

    FactoryIndex(FactoryRef factory) {
        this.factory = factory;
    }

    /**
     * Merges the blocks: the newer ones into one when there are many; all of them, without the runs past the horizon,
     * replaced states and runs over the budget (the oldest updates), when those are many or {@code full}. Under the
     * budget, nothing older than {@code floor} (when not null) is kept.
     */
    void compact(RunIndex.Settings settings, Instant now, boolean full, Instant floor) {
        Snapshot snap = snapshot;
        if (snap == null) {
            return;
        }
        // Kept back to the slack before the horizon: heldSince (later than this until the next compaction) holds.
        long horizonStart = ColumnCodes.ceilTicks(now.minus(settings.horizon()).minus(RunIndex.SLACK));
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
        this.expired = expired;
        int waste = total - snap.runs() + expired;
        long budget = settings.maxRuns();
        boolean overBudget = snap.runs() - expired > budget + budget / 20;
        if (full || overBudget || (waste > 0 && waste >= snap.runs() / 5)) {
            long keepFrom = horizonStart;
            Instant capped = null;
            // A cut stays until the horizon passes it: the runs older than it are not in memory any more.
            Instant before = snap.cappedSince();
            if (before != null && ColumnCodes.ceilTicks(before) > keepFrom) {
                keepFrom = ColumnCodes.ceilTicks(before);
                capped = before;
            }
            if (floor != null && ColumnCodes.ceilTicks(floor) > keepFrom) {
                keepFrom = ColumnCodes.ceilTicks(floor);
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
                    capped = ColumnCodes.instant(keepFrom);
                }
            }
            RunStrings strings = new RunStrings();
            RunColumns merged = ColumnMerge.merge(factory, strings, snap.blocks(), snap.dead(), keepFrom);
            this.strings = strings;
            snapshot = new Snapshot(List.of(merged), Collections.singletonList(null), merged.size, true, null, capped);
            this.expired = 0;
            return;
        }
        if (snap.blocks().size() > MAX_BLOCKS) {
            // The newer (small) blocks into one; the oldest (the bulk) stays as it is.
            int last = snap.blocks().size() - 1;
            RunColumns merged = ColumnMerge.merge(factory, strings, snap.blocks().subList(0, last),
                    snap.dead().subList(0, last), Long.MIN_VALUE);
            List<BitSet> dead = new ArrayList<>();
            dead.add(null);
            dead.add(snap.dead().get(last));
            snapshot = new Snapshot(List.of(merged, snap.blocks().get(last)), Collections.unmodifiableList(dead),
                    snap.runs(), snap.complete(), snap.loadedSince(), snap.cappedSince());
        }
    }
}
