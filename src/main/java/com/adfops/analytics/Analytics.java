package com.adfops.analytics;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.AdfTools;
import com.adfops.runs.RunningLong;
import com.adfops.runs.TimeWindow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one orchestration of the analytics questions, for every face (the Teams conversation, the model's tools, MCP):
 * each question family takes (factory, pipeline or pattern, window or null) and applies the same defaults: the
 * window ({@link TimeWindow#byDefault}: the last 7 days up to a minute past now), the period before it ({@link
 * TimeWindow#previous}) and the scope ("all pipelines", the one pipeline a name resolved to, or the pattern as
 * typed). Results are typed; the faces word them.
 */
public final class Analytics {

    /** How many succeeded runs of a period "where the time goes" reads the activities of (cached by the run index). */
    public static final int GROWTH_SAMPLE = 10;
    /** Activities "where the time goes" lists. */
    public static final int GROWTH_ROWS = 3;

    private final AdfTools tools;

    public Analytics(AdfTools tools) {
        this.tools = tools;
    }

    /** An analytics answer: the summary, or the closest names when no pipeline matched the one asked about. */
    public sealed interface Answer<T> {
        /** The summary of the question. */
        record Found<T>(T summary) implements Answer<T> {
        }

        /** No pipeline matched the name asked about. */
        record UnknownPipeline<T>(List<String> closest) implements Answer<T> {
        }
    }

    /** The model's run statistics: trends and durations of one read, and the runs still going past their usual time. */
    public record Stats(TrendSummary trends, PerformanceSummary durations, List<RunningLong> runningLong) {
    }

    /** The window a question covers: the one asked for, else the default (the last 7 days). */
    public TimeWindow window(TimeWindow asked) {
        return asked != null ? asked : TimeWindow.byDefault(tools.now());
    }

    /** What an answer covers: "all pipelines", the one pipeline a name resolved to, or the pattern as typed. */
    public static String scope(String asked, AdfTools.RunsResult r) {
        return CostSummary.scope(asked, r);
    }

    /** How pipelines did: the window against the period before it. */
    public Answer<TrendSummary> trends(String factory, String pipeline, TimeWindow window, ZoneId zone) {
        AdfTools.Periods p = periods(factory, pipeline, window);
        if (p.current().unknownPipeline()) {
            return new Answer.UnknownPipeline<>(p.current().closest());
        }
        return new Answer.Found<>(Trends.of(scope(pipeline, p.current()), p.current(), p.previous(), zone));
    }

    /**
     * How long pipelines take: the window against the period before it (each pipeline's verdict); for one pipeline
     * its days, where the time goes (the activities that grew against the period before) and what ADF says of its
     * latest slow run's copies ({@link CopyTuning}).
     */
    public Answer<PerformanceSummary> durations(String factory, String pipeline, TimeWindow window, ZoneId zone) {
        AdfTools.RunsRequest request = request(factory, pipeline, window);
        AdfTools.Periods p = tools.pipelineRunsWithPrevious(request);
        if (p.current().unknownPipeline()) {
            return new Answer.UnknownPipeline<>(p.current().closest());
        }
        boolean single = p.current().pipelines().size() == 1;
        PerformanceSummary summary = Durations.summary(tools, request, p, scope(pipeline, p.current()), zone, single);
        if (single && p.previous() != null) {
            List<ActivityRun> now = activitiesOfLatest(p.current());
            List<ActivityRun> before = activitiesOfLatest(p.previous());
            summary = summary.withGrowth(Durations.growth(now, before, GROWTH_ROWS));
            summary = summary.withTuning(tuning(summary, p.current(), now, before));
        }
        return new Answer.Found<>(summary);
    }

    /**
     * Trends and durations from one read of the window and the period before (the model's {@code adf_run_stats}:
     * no days nor where the time goes; for one pipeline with a slow run, what ADF says of its copies), and the
     * window's runs going past their usual duration.
     */
    public Answer<Stats> stats(String factory, String pipeline, TimeWindow window, ZoneId zone) {
        AdfTools.RunsRequest request = request(factory, pipeline, window);
        AdfTools.Periods p = tools.pipelineRunsWithPrevious(request);
        if (p.current().unknownPipeline()) {
            return new Answer.UnknownPipeline<>(p.current().closest());
        }
        TrendSummary trends = Trends.of(scope(pipeline, p.current()), p.current(), p.previous(), zone);
        PerformanceSummary durations = Durations.summary(tools, request, p, trends.scope(), zone, false);
        DurationVerdict verdict = durations.pipelines().size() == 1 ? durations.pipelines().get(0).verdict() : null;
        if (verdict != null && p.previous() != null && slowRun(verdict, p.current().runs()) != null) {
            // One pipeline with a slow run: what ADF says of its copies, from the runs where the time goes reads.
            durations = durations.withTuning(tuning(durations, p.current(), activitiesOfLatest(p.current()),
                    activitiesOfLatest(p.previous())));
        }
        return new Answer.Found<>(new Stats(trends, durations,
                tools.baselines().runningLong(p.current().runs(), tools.now())));
    }

    /** What pipelines cost over the window: every finished run priced from its billing ({@link CostSummary#ask}). */
    public CostSummary.Answer cost(String factory, String pipeline, TimeWindow window) {
        return CostSummary.ask(tools, factory, pipeline, window(window));
    }

    private AdfTools.RunsRequest request(String factory, String pipeline, TimeWindow window) {
        return new AdfTools.RunsRequest(factory, pipeline, Set.of(), window(window));
    }

    private AdfTools.Periods periods(String factory, String pipeline, TimeWindow window) {
        return tools.pipelineRunsWithPrevious(request(factory, pipeline, window));
    }

    /**
     * What ADF says of the latest slow run's Copy and Data Flow activities, against the other runs read for where the
     * time goes ({@code now}, {@code before}; the verdict's slow runs excluded); the slow run's activity runs are read
     * when those did not include it (cached by the run index). Null without a slow run.
     */
    private CopyTuning.Result tuning(PerformanceSummary s, AdfTools.RunsResult current, List<ActivityRun> now,
                                     List<ActivityRun> before) {
        DurationVerdict verdict = s.pipelines().isEmpty() ? null : s.pipelines().get(0).verdict();
        PipelineRun slow = verdict == null ? null : slowRun(verdict, current.runs());
        if (slow == null) {
            return null;
        }
        Set<String> slowIds = new HashSet<>();
        verdict.slowRuns().forEach(r -> slowIds.add(r.run().runId()));
        slowIds.add(slow.runId());
        List<ActivityRun> usual = new ArrayList<>();
        List<ActivityRun> its = new ArrayList<>();
        for (List<ActivityRun> list : List.of(now, before)) {
            for (ActivityRun a : list) {
                if (slow.runId().equals(a.pipelineRunId())) {
                    its.add(a);
                } else if (!slowIds.contains(a.pipelineRunId())) {
                    usual.add(a);
                }
            }
        }
        return CopyTuning.of(slow.runId(), its.isEmpty() ? tools.activitiesOf(slow.factory(), slow) : its, usual);
    }

    /**
     * The run to account for: the latest of the verdict's slow runs; when the verdict says slower without one, the
     * window's latest finished run; else null.
     */
    static PipelineRun slowRun(DurationVerdict verdict, List<PipelineRun> window) {
        Comparator<PipelineRun> byTime = Comparator.comparing(PipelineRun::sortTime);
        PipelineRun slow = verdict.slowRuns().stream().map(DurationVerdict.SlowRun::run).max(byTime).orElse(null);
        if (slow != null || verdict.kind() != DurationVerdict.Kind.SLOWER
                && verdict.kind() != DurationVerdict.Kind.SLOWER_WITHIN_SPREAD) {
            return slow;
        }
        return window.stream().filter(r -> r.status().isTerminal() && r.duration().isPresent()).max(byTime).orElse(null);
    }

    /** The activity runs of the latest succeeded runs of a period (at most {@link #GROWTH_SAMPLE}). */
    private List<ActivityRun> activitiesOfLatest(AdfTools.RunsResult r) {
        List<ActivityRun> out = new ArrayList<>();
        r.runs().stream().filter(x -> x.status() == RunStatus.SUCCEEDED)
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed()).limit(GROWTH_SAMPLE)
                .forEach(x -> out.addAll(tools.activitiesOf(x.factory(), x)));
        return out;
    }
}
