package com.adfops.analytics;

import com.adfops.runs.DurationBaseline;
import com.adfops.adf.PipelineRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether one pipeline is getting slower: its recent runs against the runs before them. The card's headline, its
 * chart's "usual" line and its list of slow runs, and the model's tool result, are all rendered from this one result.
 *
 * <p><b>Recent</b> are the runs of the last {@link #RECENT} before the window's end, or the last {@link #RECENT_RUNS}
 * runs when that is more (a daily pipeline has two runs in 48 hours: too few to tell a trend from a bad night). The
 * <b>baseline</b> is every finished run before them in the history read (this window and the period before, at least
 * {@link #BASELINE_SPAN} back); at least {@link #MIN_BASELINE} runs are needed to judge.
 *
 * <p><b>The rule.</b> Slower when both hold:
 * <ul>
 *   <li>the effect is large enough to matter: the recent median is at least {@link #MIN_EFFECT} times the baseline's
 *       (a median moves only when most recent runs move, so one outlier cannot make a trend);</li>
 *   <li>it is not chance: a one-sided Mann-Whitney U test ({@link RankTest}) of recent against baseline gives
 *       p &lt; {@link #ALPHA}. Ranks, not means: durations are skewed, and one 3-hour run must not weigh like twenty
 *       slow ones.</li>
 * </ul>
 * Faster is the mirror image (median at most 1 / {@link #MIN_EFFECT}, the other tail). A change of the median past the
 * minimum effect that the test cannot tell from chance is said as such ({@link Kind#SLOWER_WITHIN_SPREAD},
 * {@link Kind#FASTER_WITHIN_SPREAD}): never "steady" beside a median 1.5x the usual. Otherwise the verdict says
 * whether any run of the window was <b>slow</b>: over the baseline median plus three scaled median absolute deviations
 * (the Hampel identifier: robust to the outliers it looks for) and at least a quarter over the median, and always when
 * it took twice the usual or more (so no card calls a pipeline steady beside a run that took twice as long).
 *
 * @param kind      the verdict
 * @param recent    the recent runs (null with too little history)
 * @param baseline  the runs before them (null with too little history)
 * @param ratio     the recent median over the baseline median (0 with too little history)
 * @param test      the rank test in the direction of the change (recent runs longer when the ratio is 1 or more, else
 *                  shorter); null when the change is under the minimum effect (no test can make it a trend)
 * @param slowAbove a run of the window longer than this is slow
 * @param slowRuns  the window's runs longer than {@code slowAbove}, slowest (relative to the usual) first
 * @param finished  finished runs with a duration in the history read (recent and baseline)
 */
public record DurationVerdict(Kind kind, Sample recent, Sample baseline, double ratio, RankTest.Result test,
                              Duration slowAbove, List<SlowRun> slowRuns, int finished) {

    /** How far back from the window's end runs count as recent. */
    public static final Duration RECENT = Duration.ofHours(48);
    /** At least this many of the latest runs count as recent. */
    public static final int RECENT_RUNS = 5;
    /** Baseline runs needed to judge. */
    public static final int MIN_BASELINE = 8;
    /** The smallest change of the median that counts as slower (and its inverse, faster). */
    public static final double MIN_EFFECT = 1.25;
    /** The rank test's significance level (one-sided). */
    public static final double ALPHA = 0.05;
    /** The history a verdict needs before the recent runs, at least (shorter windows read further back). */
    public static final Duration BASELINE_SPAN = Duration.ofDays(7);
    /** Scales a median absolute deviation to a standard deviation's size for normal data. */
    private static final double MAD_SCALE = 1.4826;

    public enum Kind {
        /** The recent runs are slower than the baseline. */
        SLOWER,
        /** The recent runs are faster than the baseline. */
        FASTER,
        /** The recent median is past the minimum effect slower, but the test cannot tell it from chance. */
        SLOWER_WITHIN_SPREAD,
        /** The recent median is past the minimum effect faster, but the test cannot tell it from chance. */
        FASTER_WITHIN_SPREAD,
        /** No change of the median, but slow runs in the window. */
        SLOW_RUNS,
        /** No change of the median (within the minimum effect either way) and no slow run. */
        STEADY,
        /** Too few runs to judge. */
        TOO_LITTLE_HISTORY
    }

    /**
     * A set of runs' durations.
     *
     * @param runs   how many
     * @param from   the first one's start
     * @param median the median (nearest rank)
     * @param low    the 25th percentile: with {@code high}, the middle half of the runs
     * @param high   the 75th percentile
     * @param p95    the 95th percentile
     */
    public record Sample(int runs, Instant from, Duration median, Duration low, Duration high, Duration p95) {

        static Sample of(List<PipelineRun> runs) {
            long[] ms = millis(runs);
            return new Sample(runs.size(), runs.get(0).sortTime(), Duration.ofMillis(DurationBaseline.quantile(ms.clone(), 0.5)),
                    Duration.ofMillis(DurationBaseline.quantile(ms.clone(), 0.25)), Duration.ofMillis(DurationBaseline.quantile(ms.clone(), 0.75)),
                    Duration.ofMillis(DurationBaseline.quantile(ms, 0.95)));
        }
    }

    /** A run of the window slower than usual: {@code duration} against the baseline median. */
    public record SlowRun(PipelineRun run, Duration duration, Duration usual) {

        public double ratio() {
            return usual.isZero() ? 0 : (double) duration.toMillis() / usual.toMillis();
        }
    }

    public DurationVerdict {
        slowRuns = slowRuns == null ? List.of() : List.copyOf(slowRuns);
    }

    /** The runs needed to judge: the recent ones and a baseline before them. */
    public static int needed() {
        return RECENT_RUNS + MIN_BASELINE;
    }

    /** The usual duration the verdict compares with (the baseline median), or null with too little history. */
    public Duration usual() {
        return baseline == null ? null : baseline.median();
    }

    /** The slowest of the slow runs relative to the usual, or 0 without one. */
    public double slowestRatio() {
        return slowRuns.isEmpty() ? 0 : slowRuns.get(0).ratio();
    }

    /**
     * The verdict for one pipeline.
     *
     * @param history  finished runs of the pipeline with a duration (this window, the period before, and earlier runs
     *                 read for the baseline), in any order, each once
     * @param inWindow those of the window asked about: only these are listed as slow
     * @param end      the window's end: where "recent" ends
     */
    public static DurationVerdict of(List<PipelineRun> history, List<PipelineRun> inWindow, Instant end) {
        List<PipelineRun> runs = new ArrayList<>(history);
        runs.sort(Comparator.comparing(PipelineRun::sortTime));
        Instant recentFrom = end.minus(RECENT);
        int firstRecent = runs.size();
        while (firstRecent > 0 && !runs.get(firstRecent - 1).sortTime().isBefore(recentFrom)) {
            firstRecent--;
        }
        firstRecent = Math.max(0, Math.min(firstRecent, runs.size() - RECENT_RUNS));
        List<PipelineRun> recent = runs.subList(firstRecent, runs.size());
        List<PipelineRun> before = runs.subList(0, firstRecent);
        if (before.size() < MIN_BASELINE || recent.isEmpty()) {
            return new DurationVerdict(Kind.TOO_LITTLE_HISTORY, null, null, 0, null, null, List.of(), runs.size());
        }
        Sample r = Sample.of(recent);
        Sample b = Sample.of(before);
        long usual = b.median().toMillis();
        double ratio = usual == 0 ? 0 : (double) r.median().toMillis() / usual;
        long[] recentMs = millis(recent);
        long[] beforeMs = millis(before);
        // Only a change past the minimum effect is tested (most pipelines of a factory need no test at all).
        boolean longer = ratio >= MIN_EFFECT;
        boolean shorter = ratio > 0 && ratio <= 1 / MIN_EFFECT;
        RankTest.Result test = longer ? RankTest.greater(recentMs, beforeMs)
                : shorter ? RankTest.greater(beforeMs, recentMs) : null;
        long limit = slowLimit(beforeMs, usual);
        List<SlowRun> slow = new ArrayList<>();
        for (PipelineRun run : inWindow) {
            long d = run.duration().orElseThrow().toMillis();
            if (d > limit) {
                slow.add(new SlowRun(run, Duration.ofMillis(d), b.median()));
            }
        }
        slow.sort(Comparator.comparing(SlowRun::ratio).reversed().thenComparing(s -> s.run().sortTime(),
                Comparator.reverseOrder()));
        boolean significant = test != null && test.pValue() < ALPHA;
        Kind kind = longer ? (significant ? Kind.SLOWER : Kind.SLOWER_WITHIN_SPREAD)
                : shorter ? (significant ? Kind.FASTER : Kind.FASTER_WITHIN_SPREAD)
                : slow.isEmpty() ? Kind.STEADY : Kind.SLOW_RUNS;
        return new DurationVerdict(kind, r, b, ratio, test, Duration.ofMillis(limit), slow, runs.size());
    }

    /**
     * Slow above: the median plus three scaled MADs, and at least a quarter over the median; never more than twice
     * the median.
     */
    static long slowLimit(long[] baseline, long median) {
        long[] deviations = new long[baseline.length];
        for (int i = 0; i < baseline.length; i++) {
            deviations[i] = Math.abs(baseline[i] - median);
        }
        if (median <= 0) {
            return Long.MAX_VALUE;
        }
        double mad = DurationBaseline.quantile(deviations, 0.5) * MAD_SCALE;
        double limit = median + Math.max(3 * mad, 0.25 * median);
        return (long) Math.min(limit, 2.0 * median - 1);
    }

    private static long[] millis(List<PipelineRun> runs) {
        long[] out = new long[runs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = runs.get(i).duration().orElseThrow().toMillis();
        }
        return out;
    }
}
