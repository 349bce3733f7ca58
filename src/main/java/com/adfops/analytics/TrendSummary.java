package com.adfops.analytics;

import com.adfops.runs.TimeWindow;
import com.adfops.adf.Freshness;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * How pipelines did over a window, each run counted once with its reruns (by the latest run of its run group).
 *
 * @param window       the window
 * @param scope        which pipelines: "all pipelines", a name or a pattern
 * @param days         per day (in the user's zone), oldest first
 * @param finished     finished run groups in the window
 * @param succeeded    of those, the ones whose latest run succeeded
 * @param failed       of those, the ones whose latest run failed
 * @param previous     the same counts for the period just before, of the same length (null when unknown)
 * @param mostFailing  pipelines with the most failed run groups, most first (at most five)
 * @param recoveries   failures followed by a success of the same pipeline in the window
 * @param meanTimeToRecovery mean time from a failure to the next success of the same pipeline, or null without one
 * @param freshness    how current the runs are
 */
public record TrendSummary(TimeWindow window, String scope, List<Day> days, int finished, int succeeded, int failed,
                           Period previous, List<PipelineFailures> mostFailing, int recoveries,
                           Duration meanTimeToRecovery, Freshness freshness) {

    /** One day's run groups. */
    public record Day(LocalDate date, int finished, int succeeded, int failed) {
    }

    /** A period's totals, for the comparison. */
    public record Period(int finished, int succeeded, int failed) {

        /** Succeeded of finished, or null when nothing finished. */
        public Double successRate() {
            return finished == 0 ? null : (double) succeeded / finished;
        }
    }

    /** A pipeline and its failed run groups in the window. */
    public record PipelineFailures(String pipeline, int failures) {
    }

    /** Succeeded of finished, or null when nothing finished. */
    public Double successRate() {
        return new Period(finished, succeeded, failed).successRate();
    }

    /** The days summed per week (Monday to Sunday); each week dated by its Monday, or the window's first day in it. */
    public List<Day> weeks() {
        java.util.Map<LocalDate, int[]> byWeek = new java.util.TreeMap<>();
        java.util.Map<LocalDate, LocalDate> first = new java.util.HashMap<>();
        for (Day day : days) {
            LocalDate monday = day.date().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            first.merge(monday, day.date(), (a, b) -> a.isBefore(b) ? a : b);
            int[] c = byWeek.computeIfAbsent(monday, x -> new int[3]);
            c[0] += day.finished();
            c[1] += day.succeeded();
            c[2] += day.failed();
        }
        List<Day> out = new java.util.ArrayList<>();
        byWeek.forEach((monday, c) -> out.add(new Day(first.get(monday), c[0], c[1], c[2])));
        return out;
    }
}
