package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs of a {@link RunTable} written since the start, over its starting runs ({@code base}, slots
 * {@code 0..n-1}): slot {@code n + i} is {@code runs.get(i)}; {@code ids} maps a run id to its newest slot;
 * {@code dead} (sorted) holds the slots a later write replaced; {@code byStart}/{@code byUpdated} the live overlay
 * slots in order; the lags bound {@code lastUpdated - runStart} over all live runs. {@code order[i]} is slot
 * {@code n + i}'s tiebreak among equal keys: the slot of the run it replaced (that run's own tiebreak), else
 * {@code n + i}, so a rewritten run (a cancel, a rerun's rewrite) keeps its place among runs of the same start and a
 * continuation token naming it, or a run next to it, still resumes at the right place.
 *
 * <p>Immutable: a write makes the next overlay ({@link #plus}), which the table publishes whole. An overlay resolves
 * any slot of the table: its start, tiebreak, JSON, whether a later write replaced it.
 */
record RunOverlay(SimRuns base, int n, List<ObjectNode> runs, List<List<ObjectNode>> activities, long[] start,
                  long[] end, long[] updated, int[] order, Map<String, Integer> ids, int[] byStart, int[] byUpdated,
                  int[] dead, long maxLag, long minLag, Set<String> pipelines) {

    private static final long NONE = SimRuns.NONE;

    /** No runs written yet; the lags are the starting runs'. */
    static RunOverlay empty(SimRuns base, long maxLag, long minLag) {
        return new RunOverlay(base, base.size(), List.of(), List.of(), new long[0], new long[0], new long[0],
                new int[0], Map.of(), new int[0], new int[0], new int[0], maxLag, minLag, Set.of());
    }

    /**
     * This overlay and {@code run}: added, or replacing the run with its id (a cancel). {@code baseMaxLag} and
     * {@code baseMinLag} bound {@code lastUpdated - runStart} over the starting runs.
     */
    RunOverlay plus(ObjectNode run, List<ObjectNode> activities, long baseMaxLag, long baseMinLag) {
        RunOverlay o = this;
        String id = SimDataset.text(run, "runId");
        int old = o.slotOf(id);
        List<ObjectNode> runs = new ArrayList<>(o.runs());
        runs.add(run);
        List<List<ObjectNode>> acts = new ArrayList<>(o.activities());
        acts.add(List.copyOf(activities));
        int k = runs.size();
        long[] start = Arrays.copyOf(o.start(), k);
        long[] end = Arrays.copyOf(o.end(), k);
        long[] updated = Arrays.copyOf(o.updated(), k);
        int[] order = Arrays.copyOf(o.order(), k);
        // The new version takes the replaced one's place among equal starts (its tiebreak), not the new slot's.
        order[k - 1] = old >= 0 ? o.order(old) : n + k - 1;
        start[k - 1] = SimRuns.micros(SimDataset.time(run, "runStart"));
        end[k - 1] = SimRuns.micros(SimDataset.time(run, "runEnd"));
        long lu = SimRuns.micros(SimDataset.time(run, "lastUpdated"));
        updated[k - 1] = lu != NONE ? lu : end[k - 1] != NONE ? end[k - 1] : start[k - 1];
        Map<String, Integer> ids = new HashMap<>(o.ids());
        ids.put(id, n + k - 1);
        int[] dead = o.dead();
        if (old >= 0) {
            dead = Arrays.copyOf(dead, dead.length + 1);
            dead[dead.length - 1] = old;
            Arrays.sort(dead);
        }
        List<Integer> live = new ArrayList<>();
        long maxLag = baseMaxLag;
        long minLag = baseMinLag;
        for (int i = 0; i < k; i++) {
            if (Arrays.binarySearch(dead, n + i) < 0) {
                live.add(n + i);
                if (start[i] != NONE && updated[i] != NONE) {
                    maxLag = Math.max(maxLag, SortedSlots.saturatedMinus(updated[i], start[i]));
                    minLag = Math.min(minLag, SortedSlots.saturatedMinus(updated[i], start[i]));
                }
            }
        }
        Set<String> pipelines = new LinkedHashSet<>(o.pipelines());
        pipelines.add(SimDataset.text(run, "pipelineName"));
        return new RunOverlay(base, n, List.copyOf(runs), List.copyOf(acts), start, end, updated, order,
                Map.copyOf(ids), sorted(live, start, order), sorted(live, updated, order), dead, maxLag, minLag,
                Set.copyOf(pipelines));
    }

    private int[] sorted(List<Integer> slots, long[] keys, int[] order) {
        return slots.stream()
                .sorted(Comparator.comparingLong((Integer s) -> keys[s - n]).thenComparingInt(s -> order[s - n]))
                .mapToInt(Integer::intValue).toArray();
    }

    // ---- slots ---------------------------------------------------------------------------------------------

    long key(int s) {
        return s < n ? base.start(s) : start[s - n];
    }

    /** The slot's tiebreak among equal keys: its own for a starting run, the replaced run's for a rewritten one. */
    int order(int s) {
        return s < n ? s : order[s - n];
    }

    ObjectNode json(int s) {
        return s < n ? base.json(s) : runs.get(s - n);
    }

    boolean dead(int s) {
        return dead.length > 0 && Arrays.binarySearch(dead, s) >= 0;
    }

    int slotOf(String runId) {
        if (runId == null) {
            return -1;
        }
        Integer s = ids.get(runId);
        return s != null ? s : base.slotOf(runId);
    }

    /** The live slots in order, or null when every slot is live. */
    int[] liveSlots() {
        if (dead.length == 0) {
            return null;
        }
        int total = n + runs.size();
        int[] live = new int[total - dead.length];
        int k = 0;
        for (int s = 0; s < total; s++) {
            if (!dead(s)) {
                live[k++] = s;
            }
        }
        return k == live.length ? live : Arrays.copyOf(live, k);
    }

    /** The first index whose (start, tiebreak) is at least (key, slot). */
    int lowerIndex(int[] slots, long key, int slot) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long k = key(slots[mid]);
            if (k < key || (k == key && order(slots[mid]) < slot)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose (start, tiebreak) is above (key, slot). */
    int upperIndex(int[] slots, long key, int slot) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long k = key(slots[mid]);
            if (k < key || (k == key && order(slots[mid]) <= slot)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
