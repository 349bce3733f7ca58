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
     * its days and where the time goes (the activities that grew against the period before).
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
            summary = summary.withGrowth(Durations.growth(activitiesOfLatest(p.current()),
                    activitiesOfLatest(p.previous()), GROWTH_ROWS));
        }
        return new Answer.Found<>(summary);
    }

    /**
     * Trends and durations from one read of the window and the period before (the model's {@code adf_run_stats}:
     * no days nor where the time goes), and the window's runs going past their usual duration.
     */
    public Answer<Stats> stats(String factory, String pipeline, TimeWindow window, ZoneId zone) {
        AdfTools.RunsRequest request = request(factory, pipeline, window);
        AdfTools.Periods p = tools.pipelineRunsWithPrevious(request);
        if (p.current().unknownPipeline()) {
            return new Answer.UnknownPipeline<>(p.current().closest());
        }
        TrendSummary trends = Trends.of(scope(pipeline, p.current()), p.current(), p.previous(), zone);
        PerformanceSummary durations = Durations.summary(tools, request, p, trends.scope(), zone, false);
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

    /** The activity runs of the latest succeeded runs of a period (at most {@link #GROWTH_SAMPLE}). */
    private List<ActivityRun> activitiesOfLatest(AdfTools.RunsResult r) {
        List<ActivityRun> out = new ArrayList<>();
        r.runs().stream().filter(x -> x.status() == RunStatus.SUCCEEDED)
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed()).limit(GROWTH_SAMPLE)
                .forEach(x -> out.addAll(tools.activitiesOf(x.factory(), x)));
        return out;
    }
}
