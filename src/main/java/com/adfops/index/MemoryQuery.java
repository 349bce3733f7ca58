package com.adfops.index;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The index's answers from a {@link Snapshot}: a {@link RunQuery} (each block's matching rows, a pipeline's rows when
 * the query names pipelines, merged newest start first up to the query's maximum, as records built in parallel for a
 * big answer; a named pipeline's records kept once built, {@link KeptRecords}) and a run by id.
 */
final class MemoryQuery {

    /** Answers of at least this many runs build their records in parallel. */
    private static final int PARALLEL_RECORDS = 50_000;

    private MemoryQuery() {
    }

    /** The runs of the snapshot updated in the query's window, of its pipelines and statuses, newest start first. */
    static List<PipelineRun> runs(Snapshot snap, RunQuery query) {
        long from = ColumnCodes.ceilTicks(query.from());
        long to = ColumnCodes.ceilTicks(query.to());
        int statuses = 0;
        for (RunStatus s : query.statuses()) {
            statuses |= 1 << s.ordinal();
        }
        int max = query.maxRuns();
        List<RunColumns> blocks = new ArrayList<>();
        List<IntList> lists = new ArrayList<>();
        // The pipeline each list is of (null: any), whose records the block keeps once built.
        List<String> names = new ArrayList<>();
        for (int b = 0; b < snap.blocks().size(); b++) {
            RunColumns c = snap.blocks().get(b);
            BitSet dead = snap.dead().get(b);
            if (query.pipelineNames().isEmpty()) {
                IntList l = new IntList();
                c.collect(null, from, to, dead, statuses, max, l);
                if (l.n > 0) {
                    blocks.add(c);
                    lists.add(l);
                    names.add(null);
                }
                continue;
            }
            // The pipelines' records are kept once built when they fit what a block keeps (else each would let go the
            // one named before it: built again at every question).
            int named = 0;
            for (String name : query.pipelineNames()) {
                int[] rows = c.rowsOf(name);
                named += rows == null ? 0 : rows.length;
            }
            for (String name : query.pipelineNames()) {
                int[] rows = c.rowsOf(name);
                if (rows != null) {
                    IntList l = new IntList();
                    c.collect(rows, from, to, dead, statuses, max, l);
                    if (l.n > 0) {
                        blocks.add(c);
                        lists.add(l);
                        names.add(named <= KeptRecords.ROWS ? name : null);
                    }
                }
            }
        }
        // As Data Factory orders them: newest start first (each list is; merged, up to the query's maximum).
        int k = lists.size();
        int total = 0;
        for (IntList l : lists) {
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
        IntStream range = IntStream.range(0, n);
        // A big answer (a week of a big factory): its records built on the cores at hand.
        (n >= PARALLEL_RECORDS ? range.parallel() : range).forEach(j -> {
            String name = names.get(fromList[j]);
            RunColumns c = blocks.get(fromList[j]);
            built[j] = name == null ? c.run(rows[j]) : c.run(name, rows[j]);
        });
        return new ArrayList<>(Arrays.asList(built));
    }

    /** The live state of run {@code runId} in the snapshot, or null when it holds none. */
    static PipelineRun run(Snapshot snap, String runId) {
        for (int b = 0; b < snap.blocks().size(); b++) {
            RunColumns c = snap.blocks().get(b);
            int r = c.find(runId);
            BitSet dead = snap.dead().get(b);
            if (r >= 0 && (dead == null || !dead.get(r))) {
                return c.run(r);
            }
        }
        return null;
    }
}
