package com.adfops.agent;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a {@link PerformanceSummary}: medians and 95th percentiles of finished runs, the change against the period
 * before, and outliers against each pipeline's own baseline (median and median absolute deviation of both periods,
 * robust to the outliers themselves; judged only with {@link PerformanceSummary#MIN_BASELINE} runs or more).
 */
public final class Durations {

    /** Scale of the MAD that makes it comparable to a standard deviation for normal data. */
    private static final double MAD_SCALE = 1.4826;

    private Durations() {
    }

    public static PerformanceSummary of(String scope, AdfTools.RunsResult current, AdfTools.RunsResult previous,
                                        ZoneId zone, boolean single) {
        Map<String, List<PipelineRun>> now = finishedByPipeline(current.runs());
        Map<String, List<PipelineRun>> before = previous == null ? Map.of() : finishedByPipeline(previous.runs());
        List<PerformanceSummary.PipelineDurations> rows = new ArrayList<>();
        List<PerformanceSummary.Outlier> outliers = new ArrayList<>();
        for (Map.Entry<String, List<PipelineRun>> e : now.entrySet()) {
            List<Long> ms = millis(e.getValue());
            List<Long> prev = millis(before.getOrDefault(e.getKey(), List.of()));
            List<Long> baseline = new ArrayList<>(ms);
            baseline.addAll(prev);
            rows.add(new PerformanceSummary.PipelineDurations(e.getKey(), ms.size(), Duration.ofMillis(quantile(ms, 0.5)),
                    Duration.ofMillis(quantile(ms, 0.95)), prev.isEmpty() ? null : Duration.ofMillis(quantile(prev, 0.5)),
                    baseline.size()));
            if (baseline.size() >= PerformanceSummary.MIN_BASELINE) {
                long median = quantile(baseline, 0.5);
                List<Long> deviations = baseline.stream().map(x -> Math.abs(x - median)).toList();
                double mad = quantile(deviations, 0.5) * MAD_SCALE;
                double limit = median + Math.max(3 * mad, 0.25 * median);
                for (PipelineRun r : e.getValue()) {
                    long d = r.duration().orElseThrow().toMillis();
                    if (d > limit) {
                        outliers.add(new PerformanceSummary.Outlier(e.getKey(), r.runId(), Duration.ofMillis(d),
                                Duration.ofMillis(median)));
                    }
                }
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
                    Duration.ofMillis(quantile(millis(runs), 0.5)), Duration.ofMillis(quantile(millis(runs), 0.95)))));
        }
        return new PerformanceSummary(current.window(), scope, rows, days, outliers.stream().limit(5).toList(),
                current.freshness());
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
            long m0 = quantile(prev, 0.5);
            long m1 = quantile(e.getValue(), 0.5);
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

    private static List<Long> millis(List<PipelineRun> runs) {
        return runs.stream().map(r -> r.duration().orElseThrow().toMillis()).toList();
    }

    /** The nearest-rank quantile of the values (0 for none); sorts the array in place. */
    static long quantile(long[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(q * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    /** The nearest-rank quantile of the values (0 for none). */
    static long quantile(List<Long> values, double q) {
        return quantile(values.stream().mapToLong(Long::longValue).toArray(), q);
    }
}
