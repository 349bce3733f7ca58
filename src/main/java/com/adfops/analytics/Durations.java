package com.adfops.analytics;

import com.adfops.runs.AdfTools;
import com.adfops.runs.DurationBaseline;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.TimeWindow;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a {@link PerformanceSummary}: medians and 95th percentiles of finished runs in the window and, per pipeline,
 * a {@link DurationVerdict} (its recent runs against the runs before them) from which the headline, the chart's usual
 * line and the list of slow runs are all rendered.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * The summary of a window read with the period before it ({@code p}); a window shorter than the verdict's
     * baseline needs is read further back first (one more read, from memory when the run index holds it).
     */
    public static PerformanceSummary summary(AdfTools tools, AdfTools.RunsRequest request, AdfTools.Periods p,
                                             String scope, ZoneId zone, boolean single) {
        List<PipelineRun> earlier = List.of();
        TimeWindow before = earlierWindow(p.current().window());
        if (before != null && p.previous() != null) {
            earlier = tools.pipelineRuns(new AdfTools.RunsRequest(request.factory(), request.pipeline(), Set.of(),
                    before)).runs();
        }
        return of(scope, p.current(), p.previous(), earlier, zone, single);
    }

    /**
     * What a verdict on {@code window} reads before its period before: from {@link DurationVerdict#BASELINE_SPAN}
     * before its recent runs to the period before's start; null when the period before reaches that far already.
     */
    static TimeWindow earlierWindow(TimeWindow window) {
        Instant from = window.to().minus(DurationVerdict.RECENT).minus(DurationVerdict.BASELINE_SPAN);
        Instant to = window.previous().from();
        return from.isBefore(to) ? new TimeWindow(from, to, "the baseline before") : null;
    }

    public static PerformanceSummary of(String scope, AdfTools.RunsResult current, AdfTools.RunsResult previous,
                                        ZoneId zone, boolean single) {
        return of(scope, current, previous, List.of(), zone, single);
    }

    /**
     * @param earlier runs before the period before, read for the verdicts' baselines (may be empty)
     */
    public static PerformanceSummary of(String scope, AdfTools.RunsResult current, AdfTools.RunsResult previous,
                                        List<PipelineRun> earlier, ZoneId zone, boolean single) {
        Map<String, List<PipelineRun>> now = finishedByPipeline(current.runs());
        List<PipelineRun> all = new ArrayList<>(current.runs());
        if (previous != null) {
            all.addAll(previous.runs());
        }
        all.addAll(earlier);
        Map<String, List<PipelineRun>> history = finishedByPipeline(distinct(all));
        List<PerformanceSummary.PipelineDurations> rows = new ArrayList<>();
        List<PerformanceSummary.Outlier> outliers = new ArrayList<>();
        for (Map.Entry<String, List<PipelineRun>> e : now.entrySet()) {
            long[] ms = millis(e.getValue());
            DurationVerdict verdict = DurationVerdict.of(history.get(e.getKey()), e.getValue(), current.window().to());
            rows.add(new PerformanceSummary.PipelineDurations(e.getKey(), ms.length,
                    Duration.ofMillis(DurationBaseline.quantile(ms.clone(), 0.5)), Duration.ofMillis(DurationBaseline.quantile(ms.clone(), 0.95)),
                    Duration.ofMillis(DurationBaseline.quantile(ms, 1.0)), verdict));
            for (DurationVerdict.SlowRun r : verdict.slowRuns()) {
                outliers.add(new PerformanceSummary.Outlier(e.getKey(), r.run().runId(), r.duration(), r.usual()));
            }
        }
        rows.sort(Comparator.comparing(PerformanceSummary.PipelineDurations::median).reversed());
        outliers.sort(Comparator.comparingDouble(PerformanceSummary.Outlier::ratio).reversed());
        List<PerformanceSummary.Day> days = new ArrayList<>();
        if (single && now.size() == 1) {
            Map<LocalDate, List<PipelineRun>> byDay = new TreeMap<>();
            for (PipelineRun r : now.values().iterator().next()) {
                byDay.computeIfAbsent(RunSummaries.failedAt(r).atZone(zone).toLocalDate(), k -> new ArrayList<>()).add(r);
            }
            byDay.forEach((d, runs) -> days.add(new PerformanceSummary.Day(d, runs.size(),
                    Duration.ofMillis(DurationBaseline.quantile(millis(runs), 0.5)), Duration.ofMillis(DurationBaseline.quantile(millis(runs), 0.95)))));
        }
        return new PerformanceSummary(current.window(), scope, rows, days, outliers.stream().limit(5).toList(),
                current.freshness());
    }

    /** Each run once (a run updated at a period's edge is read in both). */
    private static List<PipelineRun> distinct(List<PipelineRun> runs) {
        Map<String, PipelineRun> byId = new LinkedHashMap<>();
        for (PipelineRun r : runs) {
            byId.putIfAbsent(r.factory().factoryName() + "/" + r.runId(), r);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Where the time goes: per activity name, the median duration in the window against the period before; the
     * activities that grew, most first (at most {@code max}).
     */
    public static List<PerformanceSummary.ActivityGrowth> growth(List<com.adfops.adf.ActivityRun> now,
                                                                 List<com.adfops.adf.ActivityRun> before, int max) {
        Map<String, List<Long>> a = activityMillis(before);
        Map<String, List<Long>> b = activityMillis(now);
        List<PerformanceSummary.ActivityGrowth> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : b.entrySet()) {
            List<Long> prev = a.get(e.getKey());
            if (prev == null || prev.isEmpty()) {
                continue;
            }
            long m0 = DurationBaseline.quantile(prev, 0.5);
            long m1 = DurationBaseline.quantile(e.getValue(), 0.5);
            if (m1 > m0) {
                out.add(new PerformanceSummary.ActivityGrowth(e.getKey(), Duration.ofMillis(m0), Duration.ofMillis(m1)));
            }
        }
        out.sort(Comparator.comparing(PerformanceSummary.ActivityGrowth::growth).reversed());
        return out.stream().limit(max).toList();
    }

    private static Map<String, List<Long>> activityMillis(List<com.adfops.adf.ActivityRun> runs) {
        Map<String, List<Long>> by = new LinkedHashMap<>();
        for (com.adfops.adf.ActivityRun r : runs) {
            if (r.status() == RunStatus.SUCCEEDED && r.durationMs() != null && r.iterationHash() == null) {
                by.computeIfAbsent(r.activityName(), k -> new ArrayList<>()).add(r.durationMs());
            }
        }
        return by;
    }

    private static Map<String, List<PipelineRun>> finishedByPipeline(List<PipelineRun> runs) {
        Map<String, List<PipelineRun>> by = new LinkedHashMap<>();
        for (PipelineRun r : runs) {
            if ((r.status() == RunStatus.SUCCEEDED || r.status() == RunStatus.FAILED) && r.duration().isPresent()) {
                by.computeIfAbsent(r.pipelineName(), k -> new ArrayList<>()).add(r);
            }
        }
        return by;
    }

    private static long[] millis(List<PipelineRun> runs) {
        return runs.stream().mapToLong(r -> r.duration().orElseThrow().toMillis()).toArray();
    }

}
