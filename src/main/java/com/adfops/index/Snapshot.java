package com.adfops.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * An immutable view of one factory's runs: blocks of columns (each newest start first), the rows of each block a
 * newer state of the same run replaced ({@code dead}, null for none), the runs held, and how far back they reach
 * (published together, so a reader never sees a reach the blocks do not hold).
 *
 * @param complete    whether the backfill ended
 * @param loadedSince while loading: since when every run is held (the newest slices all landed), or null
 * @param cappedSince when the memory budget keeps only the newest runs: the oldest update held; else null
 */
record Snapshot(List<RunColumns> blocks, List<BitSet> dead, int runs, boolean complete, Instant loadedSince,
                Instant cappedSince) {

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
        return new Snapshot(List.copyOf(blocks), Collections.unmodifiableList(dead), runs + block.size - gone,
                complete, loadedSince, cappedSince);
    }
}
