package com.adfops.index;

import com.adfops.adf.FactoryRef;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Merges blocks of {@link RunColumns} into one: a k-way merge of blocks already ordered newest start first, without
 * the rows a newer state replaced or older than a cut, the texts coded again into the new block's {@link RunStrings}
 * (each block's text numbers mapped once).
 */
final class ColumnMerge {

    private ColumnMerge() {
    }

    /**
     * The live rows of {@code blocks} (newest block first; a row is live unless {@code dead} marks it) updated at or
     * after {@code keepFrom} (ticks; {@link Long#MIN_VALUE} keeps all), as one block coded into {@code strings}.
     */
    static RunColumns merge(FactoryRef factory, RunStrings strings, List<RunColumns> blocks, List<BitSet> dead,
                            long keepFrom) {
        int k = blocks.size();
        int[] pos = new int[k];
        int count = 0;
        int paramCount = 0;
        for (int b = 0; b < k; b++) {
            RunColumns c = blocks.get(b);
            for (int r = 0; r < c.size; r++) {
                if (keeps(c, r, dead.get(b), keepFrom)) {
                    count++;
                    paramCount += c.paramStart[r + 1] - c.paramStart[r];
                }
            }
        }
        RunColumns out = new RunColumns(factory, strings, count, paramCount);
        int[][] remap = new int[k][];
        for (int b = 0; b < k; b++) {
            remap[b] = new int[blocks.get(b).strings.size()];
            Arrays.fill(remap[b], -1);
        }
        int row = 0;
        int p = 0;
        while (row < count) {
            // The newest start among the blocks' next live rows (a k-way merge of blocks already in that order).
            int best = -1;
            long bestKey = 0;
            for (int b = 0; b < k; b++) {
                RunColumns c = blocks.get(b);
                while (pos[b] < c.size && !keeps(c, pos[b], dead.get(b), keepFrom)) {
                    pos[b]++;
                }
                if (pos[b] < c.size && (best < 0 || c.sortKey(pos[b]) > bestKey)) {
                    best = b;
                    bestKey = c.sortKey(pos[b]);
                }
            }
            p = copy(out, row++, blocks.get(best), pos[best]++, remap[best], p);
        }
        out.paramStart[count] = p;
        return out.indexed();
    }

    private static boolean keeps(RunColumns c, int row, BitSet dead, long keepFrom) {
        return (dead == null || !dead.get(row)) && c.updateKey(row) >= keepFrom;
    }

    /** Row {@code r} of {@code src} as row {@code row} of {@code out}, its parameters from {@code p}; the next p. */
    private static int copy(RunColumns out, int row, RunColumns src, int r, int[] remap, int p) {
        out.paramStart[row] = p;
        out.idHi[row] = src.idHi[r];
        out.idLo[row] = src.idLo[r];
        out.start[row] = src.start[r];
        out.end[row] = src.end[r];
        out.updated[row] = src.updated[r];
        out.durationMs[row] = src.durationMs[r];
        out.status[row] = src.status[r];
        out.flags[row] = src.flags[r];
        out.parentHi[row] = src.parentHi[r];
        out.parentLo[row] = src.parentLo[r];
        out.pipeline[row] = remap(out, src, src.pipeline[r], remap);
        out.message[row] = remap(out, src, src.message[r], remap);
        out.byType[row] = remap(out, src, src.byType[r], remap);
        out.byName[row] = remap(out, src, src.byName[r], remap);
        out.parentPipeline[row] = remap(out, src, src.parentPipeline[r], remap);
        out.rerunOf[row] = remap(out, src, src.rerunOf[r], remap);
        if ((src.flags[r] & RunColumns.WHOLE) != 0) {
            out.whole.put(row, src.whole.get(r));
        }
        for (int i = src.paramStart[r]; i < src.paramStart[r + 1]; i++) {
            out.params[p++] = remap(out, src, src.params[i], remap);
        }
        return p;
    }

    private static int remap(RunColumns out, RunColumns src, int id, int[] remap) {
        if (src.strings == out.strings) {
            return id;
        }
        int to = remap[id];
        if (to < 0) {
            to = out.strings.id(src.strings.get(id));
            remap[id] = to;
        }
        return to;
    }
}
