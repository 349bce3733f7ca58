package com.adfops.analytics;

import com.adfops.runs.TimeWindow;
import com.adfops.adf.Freshness;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * How long pipelines take over a window, and whether each is getting slower (its recent runs against the runs before).
 *
 * @param window    the window
 * @param scope     "all pipelines", a name or a pattern
 * @param pipelines per pipeline, slowest (by median) first
 * @param days      for one pipeline: the median duration per day, oldest first; empty for several
 * @param outliers  runs in the window slower than their pipeline's usual, slowest relative to usual first (at most
 *                  five): each pipeline's {@link DurationVerdict#slowRuns()}, against the same usual
 * @param freshness how current the runs are
 * @param grew      for one pipeline, where the time goes: the activities that grew against the period before
 * @param tuning    for one pipeline with a slow run, what ADF says of its Copy and Data Flow activities; else null
 */
public record PerformanceSummary(TimeWindow window, String scope, List<PipelineDurations> pipelines, List<Day> days,
                                 List<Outlier> outliers, Freshness freshness, List<ActivityGrowth> grew,
                                 CopyTuning.Result tuning) {

    public PerformanceSummary(TimeWindow window, String scope, List<PipelineDurations> pipelines, List<Day> days,
                              List<Outlier> outliers, Freshness freshness) {
        this(window, scope, pipelines, days, outliers, freshness, List.of(), null);
    }

    public PerformanceSummary {
        grew = grew == null ? List.of() : List.copyOf(grew);
    }

    /** The same summary with where the time goes (one pipeline). */
    public PerformanceSummary withGrowth(List<ActivityGrowth> g) {
        return new PerformanceSummary(window, scope, pipelines, days, outliers, freshness, g, tuning);
    }

    /** The same summary with what ADF says of a slow run's copies (one pipeline); an empty account is none. */
    public PerformanceSummary withTuning(CopyTuning.Result t) {
        return new PerformanceSummary(window, scope, pipelines, days, outliers, freshness, grew,
                t == null || t.isEmpty() ? null : t);
    }

    /** An activity whose median duration grew against the period before ("where the time goes"). */
    public record ActivityGrowth(String activity, Duration before, Duration now) {

        public Duration growth() {
            return now.minus(before);
        }
    }

    /**
     * One pipeline's durations in the window, and its verdict.
     *
     * @param runs    finished runs in the window with a duration
     * @param median  their median (the typical run)
     * @param p95     their 95th percentile
     * @param slowest the longest of them
     * @param verdict its recent runs against the runs before them; the slow runs listed come from it
     */
    public record PipelineDurations(String pipeline, int runs, Duration median, Duration p95, Duration slowest,
                                    DurationVerdict verdict) {
    }

    /** One day's median for a single pipeline. */
    public record Day(LocalDate date, int runs, Duration median, Duration p95) {

        public Day(LocalDate date, int runs, Duration median) {
            this(date, runs, median, median);
        }
    }

    /** A run slower than its pipeline's usual (one of its verdict's slow runs). */
    public record Outlier(String pipeline, String runId, Duration duration, Duration usual) {

        public double ratio() {
            return usual.isZero() ? 0 : (double) duration.toMillis() / usual.toMillis();
        }
    }
}
