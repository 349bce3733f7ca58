package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.analytics.Analytics;
import com.adfops.analytics.CopyTuning;
import com.adfops.analytics.DurationVerdict;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.TimeWindow;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;

/**
 * {@code adf_run_stats}: how pipelines did over a window ({@link Analytics#stats}, as the trends card): success rate
 * against the period before, failures per day or week, the pipelines that failed most, the time to recovery, and how
 * long they take (each pipeline's duration verdict, slow runs, runs going long); for one pipeline with a slow run, what
 * ADF recorded of its copies ({@code copy}).
 */
record RunStatsTool(AdfTools tools, Analytics analytics, ObjectMapper json) implements Tool {

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        String w = text(a, "window");
        TimeWindow window = w == null ? analytics.window(null)
                : ToolArgs.window(w, tools, tools.now(), zone, "'last 7 days', 'this week'");
        String pipeline = text(a, "pipeline");
        Analytics.Answer<Analytics.Stats> answer = analytics.stats(text(a, "factory"), pipeline, window, zone);
        ObjectNode out = json.createObjectNode();
        out.put("window", window.label());
        if (answer instanceof Analytics.Answer.UnknownPipeline<Analytics.Stats> u) {
            ToolJson.putUnknownPipeline(out, pipeline, u.closest());
            return Result.of(out);
        }
        Analytics.Stats stats = ((Analytics.Answer.Found<Analytics.Stats>) answer).summary();
        TrendSummary s = stats.trends();
        out.put("finished_runs", s.finished());
        out.put("succeeded", s.succeeded());
        out.put("failed", s.failed());
        if (s.successRate() != null) {
            out.put("success_rate", Math.round(s.successRate() * 1000) / 10.0);
        }
        if (s.previous() != null && s.previous().successRate() != null) {
            out.put("previous_success_rate", Math.round(s.previous().successRate() * 1000) / 10.0);
            out.put("previous_failed", s.previous().failed());
        }
        // Compact: per day up to three weeks, per week (from its Monday) beyond.
        boolean weekly = s.days().size() > 21;
        ArrayNode days = out.putArray(weekly ? "per_week" : "per_day");
        (weekly ? s.weeks() : s.days()).forEach(d -> days.addObject().put(weekly ? "week_of" : "date", d.date().toString())
                .put("finished", d.finished()).put("failed", d.failed()));
        if (s.freshness() != null && s.freshness().archivedBefore() != null) {
            out.put("read_from_log_analytics_before", s.freshness().archivedBefore().toString());
        }
        ArrayNode most = out.putArray("failed_most");
        s.mostFailing().forEach(p -> most.addObject().put("pipeline", p.pipeline()).put("failures", p.failures()));
        if (s.meanTimeToRecovery() != null) {
            out.put("mean_time_to_recovery_minutes", s.meanTimeToRecovery().toMinutes());
            out.put("recoveries", s.recoveries());
        }
        putDurations(out, stats);
        return Result.trends(out, s);
    }

    /**
     * How long: per pipeline its verdict (recent runs against the runs before them) with the figures the card shows,
     * the slow runs of the same verdicts, and runs still going past their usual duration.
     */
    private static void putDurations(ObjectNode out, Analytics.Stats stats) {
        PerformanceSummary perf = stats.durations();
        ArrayNode slowest = out.putArray("slowest_by_median");
        perf.pipelines().stream().limit(5).forEach(p -> ToolJson.putDurations(slowest.addObject(), p));
        // Every pipeline getting slower (the slowest five above may not hold them all), compactly.
        ArrayNode slower = out.putArray("getting_slower");
        perf.pipelines().stream().filter(p -> p.verdict().kind() == DurationVerdict.Kind.SLOWER)
                .sorted(Comparator.comparingDouble((PerformanceSummary.PipelineDurations p) -> p.verdict().ratio())
                        .reversed()).limit(10)
                .forEach(p -> slower.addObject().put("pipeline", p.pipeline()).put("ratio", ToolJson.round1(p.verdict().ratio()))
                        .put("recent_median_seconds", p.verdict().recent().median().toSeconds())
                        .put("usual_seconds", p.verdict().usual().toSeconds()));
        ArrayNode outliers = out.putArray("slower_than_usual");
        perf.outliers().stream().limit(5).forEach(o -> outliers.addObject().put("pipeline", o.pipeline())
                .put("run_id", o.runId()).put("seconds", o.duration().toSeconds()).put("usual_seconds", o.usual().toSeconds())
                .put("ratio", ToolJson.round1(o.ratio())));
        ArrayNode running = out.putArray("running_long");
        stats.runningLong().stream().limit(5)
                .forEach(r -> ToolJson.putRunningLong(running.addObject(), r));
        putCopy(out, perf.tuning());
    }

    /**
     * One pipeline's slow run as ADF recorded it, compactly: per Copy or Data Flow activity its phases now against usual
     * (seconds; {@code grew} when longer by the rule of {@link CopyTuning}), throttled writes, DIU and parallel copies;
     * ADF's tips with rule and link, the text cut (ADF's words: data).
     */
    static void putCopy(ObjectNode out, CopyTuning.Result t) {
        if (t == null) {
            return;
        }
        ObjectNode c = out.putObject("copy");
        c.put("run_id", t.runId());
        ArrayNode activities = c.putArray("activities");
        for (CopyTuning.Activity a : t.activities()) {
            ObjectNode o = activities.addObject().put("activity", a.name()).put("type", a.type())
                    .put("usual_runs", a.usualRuns());
            ArrayNode phases = o.putArray("phases");
            for (CopyTuning.PhaseTime p : a.phases()) {
                ObjectNode ph = phases.addObject().put("phase", p.phase().name().toLowerCase(Locale.ROOT))
                        .put("seconds", p.now().toSeconds());
                if (p.usual() != null) {
                    ph.put("usual_seconds", p.usual().toSeconds());
                }
                ph.put("grew", p.grew());
            }
            putCount(o, "throttling_errors", a.throttlingErrors());
            putCount(o, "diu", a.diu());
            putCount(o, "usual_diu", a.usualDiu());
            putCount(o, "parallel_copies", a.parallelCopies());
            putCount(o, "usual_parallel_copies", a.usualParallelCopies());
        }
        ArrayNode tips = c.putArray("tips");
        t.tips().forEach(x -> tips.addObject().put("activity", x.activity()).put("rule", x.rule())
                .put("tip", ErrorText.truncate(x.text(), 300)).put("url", x.url()));
    }

    private static void putCount(ObjectNode o, String field, Integer n) {
        if (n != null) {
            o.put(field, n);
        }
    }
}
