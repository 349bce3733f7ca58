package com.adfops.index;

import static com.adfops.index.ColumnCodes.exactTicks;
import static com.adfops.index.ColumnCodes.guid;
import static com.adfops.index.ColumnCodes.instant;
import static com.adfops.index.ColumnCodes.ticks;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One immutable block of a factory's runs, held as columns rather than objects (about 140 bytes a run at a million
 * runs instead of about 800): run ids as two longs (ADF's ids are GUIDs), times as 100-ns ticks, the status as a
 * byte, pipeline names, messages, triggers and parameter names and values as numbers into a {@link RunStrings}
 * dictionary (each distinct text stored once). Rows are ordered by {@link PipelineRun#sortTime()}, newest first, as
 * Data Factory answers; {@link PipelineRun} records are built only for the rows a question reads ({@link #run(int)}),
 * and those of the newest {@link #HOT_ROWS} rows, and of the pipelines questions named last ({@link KeptRecords}), are
 * kept once built. A run that cannot be coded without loss (an id
 * that is not a lower-case GUID, a time finer than 100 ns, another factory's) is kept whole. A window on the update
 * time is found by a binary search on the start time, widened by the largest gap between a run's start and its last
 * update in the block. How values are coded: {@link ColumnCodes}; blocks are merged by {@link ColumnMerge} (hence
 * the package-private columns).
 */
final class RunColumns {

    private static final long NULL = ColumnCodes.NULL;
    private static final RunStatus[] STATUSES = RunStatus.values();
    static final byte WHOLE = 1;
    private static final byte HAS_PARENT = 2;
    /**
     * The newest rows (by start) whose records are kept once built: the failing list, status and trends read the
     * newest runs again and again. About 7 MB per factory at most.
     */
    static final int HOT_ROWS = 8192;

    final FactoryRef factory;
    final RunStrings strings;
    final int size;
    final long[] idHi;
    final long[] idLo;
    final long[] start;
    final long[] end;
    final long[] updated;
    final long[] durationMs;
    final byte[] status;
    final byte[] flags;
    final int[] pipeline;
    final int[] message;
    final int[] byType;
    final int[] byName;
    final int[] parentPipeline;
    final int[] rerunOf;
    final long[] parentHi;
    final long[] parentLo;
    /** Row r's parameters are {@code params[paramStart[r] .. paramStart[r + 1])}: name, value, name, value. */
    final int[] paramStart;
    final int[] params;
    final Map<Integer, PipelineRun> whole;
    /** Records of the newest rows, built when first read. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<PipelineRun> newest;
    /** Records of the rows of the pipelines questions named last. */
    final KeptRecords kept = new KeptRecords();
    /** Open addressing by run id: row + 1, 0 for empty. */
    private int[] idTable;
    private Map<String, int[]> byPipeline;
    /** The largest and smallest (update - start) in ticks over the rows. */
    private long maxLag;
    private long minLag;

    RunColumns(FactoryRef factory, RunStrings strings, int size, int paramCount) {
        this.factory = factory;
        this.strings = strings;
        this.size = size;
        idHi = new long[size];
        idLo = new long[size];
        start = new long[size];
        end = new long[size];
        updated = new long[size];
        durationMs = new long[size];
        status = new byte[size];
        flags = new byte[size];
        pipeline = new int[size];
        message = new int[size];
        byType = new int[size];
        byName = new int[size];
        parentPipeline = new int[size];
        rerunOf = new int[size];
        parentHi = new long[size];
        parentLo = new long[size];
        paramStart = new int[size + 1];
        params = new int[paramCount];
        whole = new HashMap<>();
        newest = new java.util.concurrent.atomic.AtomicReferenceArray<>(Math.min(size, HOT_ROWS));
    }

    /** The runs, coded into {@code strings} (which may be shared with other blocks of the same factory). */
    static RunColumns of(FactoryRef factory, RunStrings strings, List<PipelineRun> runs) {
        // One state per run (a run read twice, across pages, keeps the later answer).
        Map<String, PipelineRun> byId = new LinkedHashMap<>();
        for (PipelineRun r : runs) {
            byId.put(r.runId(), r);
        }
        List<PipelineRun> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        int paramCount = 0;
        for (PipelineRun r : sorted) {
            paramCount += 2 * r.parameters().size();
        }
        RunColumns c = new RunColumns(factory, strings, sorted.size(), paramCount);
        int p = 0;
        for (int row = 0; row < sorted.size(); row++) {
            p = c.put(row, sorted.get(row), p);
        }
        c.paramStart[sorted.size()] = p;
        return c.indexed();
    }

    private int put(int row, PipelineRun r, int p) {
        paramStart[row] = p;
        long[] id = guid(r.runId());
        long[] parent = r.parentRunId() == null ? null : guid(r.parentRunId());
        long s = ticks(r.runStart());
        long e = ticks(r.runEnd());
        long u = ticks(r.lastUpdated());
        Long d = r.durationMs();
        boolean lossy = id == null || (r.parentRunId() != null && parent == null) || s == Long.MAX_VALUE
                || e == Long.MAX_VALUE || u == Long.MAX_VALUE || (d != null && d == NULL) || !factory.equals(r.factory());
        status[row] = (byte) r.status().ordinal();
        if (lossy) {
            // Kept as it came; the columns still hold the times the searches use.
            flags[row] = WHOLE;
            whole.put(row, r);
            start[row] = r.runStart() == null ? NULL : exactTicks(r.runStart());
            updated[row] = r.lastUpdated() == null ? NULL : exactTicks(r.lastUpdated());
            end[row] = NULL;
            durationMs[row] = NULL;
            pipeline[row] = strings.id(r.pipelineName());
            return p;
        }
        idHi[row] = id[0];
        idLo[row] = id[1];
        start[row] = s;
        end[row] = e;
        updated[row] = u;
        durationMs[row] = d == null ? NULL : d;
        pipeline[row] = strings.id(r.pipelineName());
        message[row] = strings.id(r.message());
        byType[row] = strings.id(r.invokedByType());
        byName[row] = strings.id(r.invokedByName());
        parentPipeline[row] = strings.id(r.parentPipeline());
        rerunOf[row] = strings.id(r.rerunOf());
        if (parent != null) {
            flags[row] = HAS_PARENT;
            parentHi[row] = parent[0];
            parentLo[row] = parent[1];
        }
        for (Map.Entry<String, String> kv : r.parameters().entrySet()) {
            params[p++] = strings.id(kv.getKey());
            params[p++] = strings.id(kv.getValue());
        }
        return p;
    }

    RunColumns indexed() {
        int cap = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        idTable = new int[cap];
        Map<String, List<Integer>> rows = new HashMap<>();
        long max = 0;
        long min = 0;
        for (int r = 0; r < size; r++) {
            int slot = hash(r) & (cap - 1);
            while (idTable[slot] != 0) {
                slot = (slot + 1) & (cap - 1);
            }
            idTable[slot] = r + 1;
            rows.computeIfAbsent(strings.get(pipeline[r]), x -> new ArrayList<>()).add(r);
            long lag = updateKey(r) - sortKey(r);
            if (r == 0 || lag > max) {
                max = lag;
            }
            if (r == 0 || lag < min) {
                min = lag;
            }
        }
        maxLag = max;
        minLag = min;
        Map<String, int[]> by = new HashMap<>();
        rows.forEach((name, list) -> by.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        byPipeline = by;
        return this;
    }

    private int hash(int row) {
        if ((flags[row] & WHOLE) != 0) {
            return idHash(whole.get(row).runId());
        }
        return mix(Long.hashCode(idHi[row] * 31 + idLo[row]));
    }

    private static int idHash(String runId) {
        long[] id = guid(runId);
        return id != null ? mix(Long.hashCode(id[0] * 31 + id[1])) : mix(runId.hashCode());
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The row of run {@code runId}, or -1. */
    int find(String runId) {
        long[] id = guid(runId);
        int h = id != null ? mix(Long.hashCode(id[0] * 31 + id[1])) : mix(runId.hashCode());
        int mask = idTable.length - 1;
        for (int slot = h & mask; idTable[slot] != 0; slot = (slot + 1) & mask) {
            int r = idTable[slot] - 1;
            boolean isWhole = (flags[r] & WHOLE) != 0;
            if (isWhole ? whole.get(r).runId().equals(runId)
                    : id != null && idHi[r] == id[0] && idLo[r] == id[1]) {
                return r;
            }
        }
        return -1;
    }

    /** The run id of a row (cheaper than {@link #run(int)}). */
    String runId(int row) {
        return (flags[row] & WHOLE) != 0 ? whole.get(row).runId() : new UUID(idHi[row], idLo[row]).toString();
    }

    /** Row {@code row} as the record the port returns. */
    PipelineRun run(int row) {
        if ((flags[row] & WHOLE) != 0) {
            return whole.get(row);
        }
        if (row < HOT_ROWS) {
            // The newest rows are what most questions read: their records are built once (records are immutable).
            PipelineRun hot = newest.get(row);
            if (hot == null) {
                hot = build(row);
                newest.lazySet(row, hot);
            }
            return hot;
        }
        return build(row);
    }

    /**
     * Row {@code row}, one of pipeline {@code name}'s rows, for a question naming the pipeline: its record is kept once
     * built ({@link KeptRecords}), as those of the newest rows are.
     */
    PipelineRun run(String name, int row) {
        if ((flags[row] & WHOLE) != 0 || row < HOT_ROWS) {
            return run(row);
        }
        int[] rows = byPipeline.get(name);
        int i = rows == null ? -1 : java.util.Arrays.binarySearch(rows, row);
        java.util.concurrent.atomic.AtomicReferenceArray<PipelineRun> records = i < 0 ? null : kept.of(name, rows.length);
        if (records == null) {
            return build(row);
        }
        PipelineRun r = records.get(i);
        if (r == null) {
            r = build(row);
            records.lazySet(i, r);
        }
        return r;
    }

    private PipelineRun build(int row) {
        Map<String, String> ps = null;
        int from = paramStart[row];
        int to = paramStart[row + 1];
        if (to > from) {
            ps = new LinkedHashMap<>();
            for (int i = from; i < to; i += 2) {
                ps.put(strings.get(params[i]), strings.get(params[i + 1]));
            }
        }
        boolean child = (flags[row] & HAS_PARENT) != 0;
        Instant u = instant(updated[row]);
        // A finished run's end is mostly its last update: one object for both.
        Instant e = end[row] == updated[row] ? u : instant(end[row]);
        return new PipelineRun(factory, new UUID(idHi[row], idLo[row]).toString(), strings.get(pipeline[row]),
                STATUSES[status[row]], strings.get(message[row]), instant(start[row]), e, u,
                durationMs[row] == NULL ? null : durationMs[row], ps,
                strings.get(byType[row]), strings.get(byName[row]),
                child ? new UUID(parentHi[row], parentLo[row]).toString() : null, strings.get(parentPipeline[row]),
                strings.get(rerunOf[row]));
    }

    RunStatus status(int row) {
        return STATUSES[status[row]];
    }

    /** {@link PipelineRun#sortTime()} in ticks. */
    long sortKey(int row) {
        return start[row] != NULL ? start[row] : updated[row] != NULL ? updated[row] : 0;
    }

    /** The last update (else the sort time) in ticks: what windows are on. */
    long updateKey(int row) {
        return updated[row] != NULL ? updated[row] : sortKey(row);
    }

    /** The rows of one pipeline, newest start first; null when it has none here. */
    int[] rowsOf(String pipelineName) {
        return byPipeline.get(pipelineName);
    }

    /**
     * Adds to {@code out} the rows (of {@code rows}, or all rows when null) updated in [{@code from}, {@code to}) ticks,
     * newest start first, not marked in {@code dead}, of one of {@code statuses} (a bit per status ordinal, 0 for
     * any), stopping at {@code max} rows.
     */
    void collect(int[] rows, long from, long to, BitSet dead, int statuses, int max, IntList out) {
        int n = rows == null ? size : rows.length;
        // Update in [from, to) and update - start in [minLag, maxLag]: start in (from - maxLag - 1, to - minLag).
        long startBelow = to - minLag;
        long startFrom = from - maxLag;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int r = rows == null ? mid : rows[mid];
            if (sortKey(r) < startBelow) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int added = 0;
        for (int i = lo; i < n && added < max; i++) {
            int r = rows == null ? i : rows[i];
            if (sortKey(r) < startFrom) {
                break;
            }
            long u = updateKey(r);
            if (u < from || u >= to || (dead != null && dead.get(r))
                    || (statuses != 0 && (statuses & (1 << status[r])) == 0)) {
                continue;
            }
            out.add(r);
            added++;
        }
    }

    /** The row holding the same run as row {@code row} of {@code other}, or -1. */
    int findSame(RunColumns other, int row) {
        if ((other.flags[row] & WHOLE) != 0) {
            return find(other.whole.get(row).runId());
        }
        long hi = other.idHi[row];
        long lo = other.idLo[row];
        int mask = idTable.length - 1;
        for (int slot = mix(Long.hashCode(hi * 31 + lo)) & mask; idTable[slot] != 0; slot = (slot + 1) & mask) {
            int r = idTable[slot] - 1;
            if ((flags[r] & WHOLE) == 0 ? idHi[r] == hi && idLo[r] == lo
                    : whole.get(r).runId().equals(other.runId(row))) {
                return r;
            }
        }
        return -1;
    }
}
