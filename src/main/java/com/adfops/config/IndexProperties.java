package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run index: the bot's shared memory of pipeline runs.
 *
 * @param enabled           answer from the index ({@code ADFOPS_INDEX_ENABLED}); false reads Data Factory per question
 * @param horizon           how far back the index holds runs ({@code ADFOPS_INDEX_HORIZON}, at most ADF's 45 days);
 *                          questions beyond it read Data Factory directly. Twice the default window of a question
 *                          (7 days), so a window and the period before it (week over week) come from memory
 *                          without a Data Factory read
 * @param refresh           how often the index asks for runs updated since the newest update Data Factory listed
 *                          ({@code ADFOPS_INDEX_REFRESH})
 * @param overlap           the most each refresh reaches back before that update, for late writes and a Data Factory
 *                          clock behind ours ({@code ADFOPS_INDEX_OVERLAP}); a busy factory's is narrowed so that a
 *                          refresh reads one page (at least 15 s), and widened again, up to this, by a late write
 * @param activityCacheSize finished runs whose activity runs are kept ({@code ADFOPS_INDEX_ACTIVITYCACHESIZE})
 * @param activeTtl         how long activity runs of a run still in progress are reused ({@code ADFOPS_INDEX_ACTIVETTL})
 * @param maxRuns           the memory budget: runs held per factory at most ({@code ADFOPS_INDEX_MAXRUNS}); a factory
 *                          with more runs in the horizon keeps the newest and reads older windows from Data Factory
 *                          (the reach on {@code /health} and in answers says how far back the memory goes). 0 (the
 *                          default) derives it from the heap: a quarter of the maximum heap at 250 bytes a run (about
 *                          1,000,000 runs for a 1 GB heap, 268,000 for 256 MB), at least 50,000
 * @param snapshotEvery     how often a snapshot of each factory's index is written to the state store (files or blob;
 *                          not the memory store) once its horizon is loaded ({@code ADFOPS_INDEX_SNAPSHOTEVERY}, a
 *                          duration such as {@code 15m}); a restart publishes it at once and asks Data Factory only for
 *                          what changed since. {@code off} keeps none (every start reads the whole horizon)
 */
@ConfigurationProperties(prefix = "adfops.index")
public record IndexProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("14d") Duration horizon,
        @DefaultValue("30s") Duration refresh,
        @DefaultValue("5m") Duration overlap,
        @DefaultValue("5000") int activityCacheSize,
        @DefaultValue("15s") Duration activeTtl,
        @DefaultValue("0") int maxRuns,
        @DefaultValue("15m") String snapshotEvery) {

    public IndexProperties {
        snapshotInterval(snapshotEvery);
    }

    /** Slices of the horizon the backfill reads at once (newest first). */
    public static final int SLICES_IN_FLIGHT = 3;
    /** Bytes a held run costs at most on average (measured: {@code bench/index-memory.sh --scale}). */
    static final long BYTES_PER_RUN = 250;
    static final int MIN_DERIVED_RUNS = 50_000;

    /** How often a snapshot is written; null when {@code off}. */
    public Duration snapshotInterval() {
        return snapshotInterval(snapshotEvery);
    }

    private static Duration snapshotInterval(String every) {
        String s = every == null ? "" : every.trim();
        if (s.equalsIgnoreCase("off") || s.equalsIgnoreCase("false") || s.equals("0")) {
            return null;
        }
        Duration d;
        try {
            d = org.springframework.boot.convert.DurationStyle.detectAndParse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ADFOPS_INDEX_SNAPSHOTEVERY must be a duration such as 15m, or off");
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("ADFOPS_INDEX_SNAPSHOTEVERY must be at least 1m, or off");
        }
        return d;
    }

    /** The budget for a heap of {@code maxHeapBytes}: {@link #maxRuns()} when set, else derived from the heap. */
    public int maxRunsFor(long maxHeapBytes) {
        return maxRunsFor(maxHeapBytes, 1);
    }

    /** The budget per factory: the setting, or a quarter of the heap shared by the {@code factories} held. */
    public int maxRunsFor(long maxHeapBytes, int factories) {
        if (maxRuns > 0) {
            return maxRuns;
        }
        long derived = maxHeapBytes / 4 / BYTES_PER_RUN / Math.max(1, factories);
        return (int) Math.max(MIN_DERIVED_RUNS, Math.min(Integer.MAX_VALUE, derived));
    }
}
