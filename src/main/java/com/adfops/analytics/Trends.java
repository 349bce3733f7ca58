package com.adfops.analytics;

import com.adfops.runs.AdfTools;
import com.adfops.runs.RunSummaries;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes a {@link TrendSummary} from runs: run groups counted once by their latest run, per day, recoveries. */
public final class Trends {

    private Trends() {
    }

    public static TrendSummary of(String scope, AdfTools.RunsResult current, AdfTools.RunsResult previous, ZoneId zone) {
        Map<LocalDate, int[]> byDay = new TreeMap<>();
        for (LocalDate d = current.window().from().atZone(zone).toLocalDate();
             !d.isAfter(current.window().to().atZone(zone).toLocalDate()); d = d.plusDays(1)) {
            byDay.put(d, new int[3]);
        }
        int finished = 0;
        int succeeded = 0;
        int failed = 0;
        Map<String, Integer> failuresByPipeline = new LinkedHashMap<>();
        List<Duration> recoveries = new ArrayList<>();
        for (List<PipelineRun> runs : byPipeline(current.runs()).values()) {
            List<RunSummaries.Group> groups = new ArrayList<>(RunSummaries.groups(runs));
            groups.sort(Comparator.comparing(RunSummaries.Group::time));
            Instant openFailure = null;
            for (RunSummaries.Group g : groups) {
                PipelineRun latest = g.latest();
                boolean ok = latest.status() == RunStatus.SUCCEEDED;
                boolean bad = latest.status() == RunStatus.FAILED;
                if (!ok && !bad) {
                    continue;
                }
                finished++;
                int[] day = byDay.computeIfAbsent(RunSummaries.failedAt(latest).atZone(zone).toLocalDate(), k -> new int[3]);
                day[0]++;
                if (ok) {
                    succeeded++;
                    day[1]++;
                    // A failure fixed by a rerun of the same group, or by a later run.
                    Instant failedAt = g.failure() != null ? RunSummaries.failedAt(g.failure()) : openFailure;
                    if (failedAt != null) {
                        recoveries.add(Duration.between(failedAt, RunSummaries.failedAt(latest)));
                    }
                    openFailure = null;
                } else {
                    failed++;
                    day[2]++;
                    failuresByPipeline.merge(latest.pipelineName(), 1, Integer::sum);
                    if (openFailure == null) {
                        openFailure = RunSummaries.failedAt(latest);
                    }
                }
            }
        }
        List<TrendSummary.Day> days = new ArrayList<>();
        byDay.forEach((d, c) -> days.add(new TrendSummary.Day(d, c[0], c[1], c[2])));
        List<TrendSummary.PipelineFailures> most = failuresByPipeline.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(e -> new TrendSummary.PipelineFailures(e.getKey(), e.getValue())).toList();
        Duration mttr = recoveries.isEmpty() ? null
                : recoveries.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(recoveries.size());
        return new TrendSummary(current.window(), scope, days, finished, succeeded, failed,
                previous == null ? null : totals(previous), most, recoveries.size(), mttr, current.freshness());
    }

    private static TrendSummary.Period totals(AdfTools.RunsResult r) {
        int finished = 0;
        int ok = 0;
        int bad = 0;
        for (List<PipelineRun> runs : byPipeline(r.runs()).values()) {
            for (RunSummaries.Group g : RunSummaries.groups(runs)) {
                if (g.latest().status() == RunStatus.SUCCEEDED) {
                    finished++;
                    ok++;
                } else if (g.latest().status() == RunStatus.FAILED) {
                    finished++;
                    bad++;
                }
            }
        }
        return new TrendSummary.Period(finished, ok, bad);
    }

    private static Map<String, List<PipelineRun>> byPipeline(List<PipelineRun> runs) {
        Map<String, List<PipelineRun>> by = new LinkedHashMap<>();
        for (PipelineRun r : runs) {
            by.computeIfAbsent(r.factory().factoryName() + "/" + r.pipelineName(), k -> new ArrayList<>()).add(r);
        }
        return by;
    }
}
