package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntToLongFunction;

/**
 * The runs of a simulated factory kept sorted, so a page of {@code queryPipelineRuns} costs a binary search plus the
 * page, not a scan: the starting runs ({@link SimRuns}) sorted once by {@code runStart} (all, and per pipeline) and by
 * {@code lastUpdated}; runs written since (reruns, cancels: few) in a small overlay ({@link RunOverlay}) that is
 * rebuilt and published whole on each write, with the slots it replaced marked dead. Readers take the published overlay
 * once per request; a page merges {@link RunCursor}s over the sorted slots.
 *
 * <p>Times here are epoch microseconds rounded down, so every primitive test is a conservative one: it may let a run
 * through that the exact test on its JSON (the caller's) then rejects, never the other way round.
 */
final class RunTable {

    private static final long NONE = SimRuns.NONE;
    /** Per-pipeline lists are merged instead of walking all runs when the filter names at most this many pipelines. */
    private static final int MERGE_PIPELINES = 32;

    private final SimRuns base;
    private final int n;
    private final int[] byStart;
    private final int[] byUpdated;
    private final int[][] byPipeline;
    private final long baseMaxLag;
    private final long baseMinLag;
    private volatile RunOverlay overlay;
    /** Runs the page walks of {@link #byStart} looked at, in all: for tests of the page budget. */
    final AtomicLong looked = new AtomicLong();

    /**
     * Where a page resumes: after the run at {@code (key, slot)} in the page's direction; {@code slot} is the run's
     * tiebreak ({@link RunOverlay#order(int)}), which a rewrite of the run keeps.
     */
    record Position(long key, int slot) {
    }

    /** A page and where the next one resumes (null: no more). */
    record Page(List<ObjectNode> runs, Position next) {
    }

    /**
     * What a run must be, tested on its numbers before its JSON is made: times in epoch microseconds; pipelines and
     * statuses by index of the starting runs' names (null: any). {@code inProgress}: whether a running run may match.
     */
    record Prefilter(long after, long before, long now, boolean[] pipelines, boolean[] statuses, boolean inProgress) {
    }

    RunTable(SimRuns base) {
        this.base = base;
        this.n = base.size();
        this.byStart = SortedSlots.sortedSlots(n, base::start);
        this.byUpdated = SortedSlots.sortedSlots(n, base::updated);
        int pipelines = base.pipelineNames().size();
        int[] counts = new int[pipelines];
        for (int s = 0; s < n; s++) {
            counts[base.pipeline(s)]++;
        }
        this.byPipeline = new int[pipelines][];
        for (int p = 0; p < pipelines; p++) {
            byPipeline[p] = new int[counts[p]];
        }
        int[] fill = new int[pipelines];
        for (int s : byStart) {
            int p = base.pipeline(s);
            byPipeline[p][fill[p]++] = s;
        }
        long max = 0;
        long min = 0;
        for (int s = 0; s < n; s++) {
            long st = base.start(s);
            long up = base.updated(s);
            if (st != NONE && up != NONE) {
                max = Math.max(max, SortedSlots.saturatedMinus(up, st));
                min = Math.min(min, SortedSlots.saturatedMinus(up, st));
            }
        }
        this.baseMaxLag = max;
        this.baseMinLag = min;
        this.overlay = RunOverlay.empty(base, max, min);
    }

    SimRuns base() {
        return base;
    }

    // ---- reads by id, and the whole ------------------------------------------------------------------------

    /** The stored run with this id (its newest version), or null. */
    ObjectNode run(String runId) {
        RunOverlay o = overlay;
        int s = o.slotOf(runId);
        return s < 0 ? null : o.json(s);
    }

    /** The stored activity runs of the run with this id (empty if none). */
    List<ObjectNode> activities(String runId) {
        RunOverlay o = overlay;
        int s = o.slotOf(runId);
        return s < 0 ? List.of() : s < n ? base.activities(s) : o.activities().get(s - n);
    }

    /** Every live run, the starting ones first, made on demand (a generated factory's runs are not held as JSON). */
    List<ObjectNode> all() {
        RunOverlay o = overlay;
        int[] live = o.liveSlots();
        return new AbstractList<>() {
            @Override
            public ObjectNode get(int i) {
                return o.json(live == null ? i : live[i]);
            }

            @Override
            public int size() {
                return live == null ? n + o.runs().size() : live.length;
            }
        };
    }

    /** The pipelines that have runs. */
    Set<String> pipelineNames() {
        Set<String> names = new LinkedHashSet<>(base.pipelineNames());
        names.addAll(overlay.pipelines());
        return names;
    }

    /** The visible run of {@code pipeline} (any case) with the latest start, as of {@code view}; null if none. */
    ObjectNode latestStarted(String pipeline, long now, Function<ObjectNode, ObjectNode> view) {
        RunOverlay o = overlay;
        ObjectNode best = null;
        long bestKey = NONE;
        List<String> names = base.pipelineNames();
        for (int p = 0; p < names.size(); p++) {
            if (!names.get(p).equalsIgnoreCase(pipeline)) {
                continue;
            }
            int[] list = byPipeline[p];
            for (int i = o.upperIndex(list, now, Integer.MAX_VALUE) - 1; i >= 0; i--) {
                int s = list[i];
                ObjectNode v = o.dead(s) ? null : view.apply(o.json(s));
                if (v != null) {
                    if (best == null || o.key(s) > bestKey) {
                        best = v;
                        bestKey = o.key(s);
                    }
                    break;
                }
            }
        }
        for (int s : o.byStart()) {
            ObjectNode r = o.json(s);
            if (pipeline.equalsIgnoreCase(SimDataset.text(r, "pipelineName")) && o.key(s) <= now) {
                ObjectNode v = view.apply(r);
                if (v != null && (best == null || o.key(s) > bestKey)) {
                    best = v;
                    bestKey = o.key(s);
                }
            }
        }
        return best;
    }

    // ---- writes --------------------------------------------------------------------------------------------

    /** Adds a run, or replaces the run with its id (a cancel): the sorted structures follow. */
    synchronized void put(ObjectNode run, List<ObjectNode> activities) {
        this.overlay = overlay.plus(run, activities, baseMaxLag, baseMinLag);
    }

    // ---- pages ---------------------------------------------------------------------------------------------

    /**
     * A page of runs ordered by {@code runStart} (then slot), descending or ascending, resuming after {@code from}
     * (null: from the first): the runs whose {@code lastUpdated} can lie in the filter's window are those that started
     * at most the largest {@code lastUpdated - runStart} before it (and those with no start), so the walk begins with a
     * binary search and ends after the page, or after {@code budget} runs looked at (a page then comes back short, with
     * a token, as ADF's do; also when the page is full and the walk is still looking for one more run, so the last
     * page of a sparse filter does not scan to the end: the next page, maybe empty, then says). {@code view} is the
     * exact test: the run as ADF shows it now if it matches, else null.
     */
    Page byStart(Prefilter f, boolean desc, Position from, Function<ObjectNode, ObjectNode> view, int pageSize,
                 int budget) {
        RunOverlay o = overlay;
        long lo = SortedSlots.saturatedMinus(f.after(), o.maxLag() + 1);
        long hi = Math.min(SortedSlots.saturatedMinus(f.before(), o.minLag() - 1), f.now() == Long.MAX_VALUE ? f.now() : f.now() + 1);
        List<RunCursor> cursors = new ArrayList<>();
        int[][] lists = pipelineLists(f.pipelines());
        for (int[] list : lists) {
            cursors.add(new RunCursor(list, o, desc, lo, hi, from));
        }
        cursors.add(new RunCursor(o.byStart(), o, desc, lo, hi, from));
        List<ObjectNode> out = new ArrayList<>(Math.min(pageSize, 1024));
        long returnedKey = 0;
        int returnedSlot = -1;
        int looked = 0;
        try {
            while (true) {
                RunCursor best = null;
                for (RunCursor c : cursors) {
                    if (c.peek() >= 0 && (best == null || RunCursor.before(c, best, desc))) {
                        best = c;
                    }
                }
                if (best == null) {
                    return new Page(out, null);
                }
                int s = best.peek();
                long key = o.key(s);
                best.advance();
                looked++;
                if (!o.dead(s) && passes(o, s, f)) {
                    ObjectNode v = view.apply(o.json(s));
                    if (v != null) {
                        if (out.size() >= pageSize) {
                            // There is one more: the next page starts after the last one returned.
                            return new Page(out, new Position(returnedKey, returnedSlot));
                        }
                        out.add(v);
                        returnedKey = key;
                        returnedSlot = o.order(s);
                    }
                }
                if (looked >= budget) {
                    // The budget holds while looking for one more run too (a full page): resume after the last run
                    // returned, so a run looked at since is looked at again by the next page (which may be empty).
                    return out.size() < pageSize ? new Page(out, new Position(key, o.order(s)))
                            : new Page(out, new Position(returnedKey, returnedSlot));
                }
            }
        } finally {
            this.looked.addAndGet(looked);
        }
    }

    /**
     * The runs whose {@code lastUpdated} as of now may lie in the window (finished runs by {@code lastUpdated}, running
     * ones by {@code runStart}, those without a start, the written ones), each as {@code view} gives it, in slot order:
     * for orders the sorted structures do not hold, which the caller sorts.
     */
    List<ObjectNode> window(Prefilter f, Function<ObjectNode, ObjectNode> view) {
        RunOverlay o = overlay;
        BitSet candidates = new BitSet(n);
        range(byUpdated, o, base::updated, f.after(), f.before(), candidates);
        range(byStart, o, base::start, f.after(), f.before(), candidates);
        for (int i = 0; i < byStart.length && base.start(byStart[i]) == NONE; i++) {
            candidates.set(byStart[i]);
        }
        for (int i = 0; i < byUpdated.length && base.updated(byUpdated[i]) == NONE; i++) {
            candidates.set(byUpdated[i]);
        }
        for (int s : o.byStart()) {
            candidates.set(s);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int s = candidates.nextSetBit(0); s >= 0; s = candidates.nextSetBit(s + 1)) {
            if (!o.dead(s) && passes(o, s, f)) {
                ObjectNode v = view.apply(o.json(s));
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private void range(int[] sorted, RunOverlay o, IntToLongFunction key, long lo, long hi, BitSet into) {
        int i = SortedSlots.lowerIndex(sorted, key, lo);
        for (; i < sorted.length && key.applyAsLong(sorted[i]) <= hi; i++) {
            into.set(sorted[i]);
        }
    }

    /** The starting runs' lists a page walks: the named pipelines' own when few, else all runs by start. */
    private int[][] pipelineLists(boolean[] pipelines) {
        if (pipelines == null) {
            return new int[][] {byStart};
        }
        List<int[]> lists = new ArrayList<>();
        long total = 0;
        for (int p = 0; p < pipelines.length && p < byPipeline.length; p++) {
            if (pipelines[p]) {
                lists.add(byPipeline[p]);
                total += byPipeline[p].length;
            }
        }
        if (lists.size() > MERGE_PIPELINES || total > n / 4 + 64) {
            return new int[][] {byStart};
        }
        return lists.toArray(new int[0][]);
    }

    /**
     * The conservative test on numbers: started by now, in a wanted pipeline and status, {@code lastUpdated} as of now
     * (the start while running) in the window. When a time is too close to call, the run passes to the exact test.
     */
    private boolean passes(RunOverlay o, int s, Prefilter f) {
        long st = s < n ? base.start(s) : o.start()[s - n];
        if (st != NONE && st > f.now()) {
            return false;
        }
        if (s < n && f.pipelines() != null && !f.pipelines()[base.pipeline(s)]) {
            return false;
        }
        long en = s < n ? base.end(s) : o.end()[s - n];
        if (en != NONE && en == f.now()) {
            return true;
        }
        boolean running = en != NONE && en > f.now();
        long lu;
        if (running) {
            if (s < n && f.statuses() != null && !f.inProgress()) {
                return false;
            }
            if (st == NONE || st == f.now()) {
                return true;
            }
            lu = st;
        } else {
            if (s < n && f.statuses() != null && !f.statuses()[base.status(s)]) {
                return false;
            }
            lu = s < n ? base.updated(s) : o.updated()[s - n];
        }
        return lu == NONE || (lu >= f.after() && lu <= f.before());
    }
}
