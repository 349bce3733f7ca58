package com.adfops.tools;

import com.adfops.analytics.DurationVerdict;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.diagnosis.RunHistory;
import com.adfops.runs.DurationBaseline;
import com.adfops.runs.ErrorText;
import com.adfops.runs.RunningLong;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The compact JSON of the core's results that more than one tool writes (history, durations, a run going long, an
 * unknown pipeline), and a result as the model gets it ({@link #output}).
 */
final class ToolJson {

    private ToolJson() {
    }

    /**
     * A tool result as the model gets it: every string in it with its secrets masked (error messages, names, docs
     * excerpts, the text of a Data Factory failure), then serialized and bounded to {@link ToolRunner#MAX_OUTPUT_CHARS}.
     * The model's input is an edge where outside text leaves the bot.
     */
    static String output(ObjectNode out) {
        ErrorText.redactStrings(out, (holder, field) -> false);
        String s = out.toString();
        if (s.length() > ToolRunner.MAX_OUTPUT_CHARS) {
            s = s.substring(0, ToolRunner.MAX_OUTPUT_CHARS - 40) + "...(output cut at " + ToolRunner.MAX_OUTPUT_CHARS + " chars)";
        }
        return s;
    }

    /** A pipeline name no configured pipeline matched, and the closest names. */
    static void putUnknownPipeline(ObjectNode out, String pipeline, List<String> closest) {
        out.put("unknown_pipeline", ErrorText.truncate(pipeline, 80));
        ArrayNode c = out.putArray("closest_names");
        closest.forEach(c::add);
    }

    /** New or recurring, the figures the diagnosis card states (hours before the failure, rounded). */
    static void putHistory(ObjectNode out, RunHistory h, Instant failedAt) {
        if (h == null) {
            return;
        }
        ObjectNode o = out.putObject("history");
        o.put("failures_in_a_row", h.failuresInARow());
        o.put("successes_before", h.successesBefore());
        if (h.lastSuccess() != null) {
            o.put("last_success_hours_before", hoursBefore(h.lastSuccess(), failedAt));
        }
        RunHistory.SameError same = h.sameError();
        if (same == null) {
            o.put("failed_of_last_runs", h.failedOfLast() + " of " + h.lastRuns());
            return;
        }
        o.put("same_error", h.isRecurring() ? "recurring" : "new");
        o.put("same_error_times", same.times());
        ArrayNode before = o.putArray("same_error_hours_before");
        same.earlier().forEach(t -> before.add(hoursBefore(t, failedAt)));
        o.put("looked_back_days", same.lookBack().toDays());
        if (same.notCompared() > 0) {
            o.put("older_failures_not_compared", same.notCompared());
        }
    }

    private static long hoursBefore(Instant t, Instant failedAt) {
        return Math.round(Duration.between(t, failedAt).toMinutes() / 60.0);
    }

    /**
     * One pipeline's durations and verdict, the figures its card states: the window's median and p95, the recent runs
     * against the baseline before them (medians, the baseline's middle half, the ratio), the rank test's outcome, and
     * how many runs of the window were slow. The model reads the verdict; it does not judge lists itself.
     */
    static void putDurations(ObjectNode row, PerformanceSummary.PipelineDurations p) {
        DurationVerdict v = p.verdict();
        row.put("pipeline", p.pipeline()).put("runs", p.runs()).put("median_seconds", p.median().toSeconds())
                .put("p95_seconds", p.p95().toSeconds()).put("slowest_seconds", p.slowest().toSeconds());
        row.put("verdict", v.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (v.kind() == DurationVerdict.Kind.TOO_LITTLE_HISTORY) {
            row.put("finished_runs", v.finished()).put("runs_needed", DurationVerdict.needed());
            return;
        }
        row.putObject("recent").put("runs", v.recent().runs()).put("since", v.recent().from().toString())
                .put("median_seconds", v.recent().median().toSeconds());
        row.putObject("baseline").put("runs", v.baseline().runs()).put("since", v.baseline().from().toString())
                .put("median_seconds", v.baseline().median().toSeconds())
                .put("middle_half_from_seconds", v.baseline().low().toSeconds())
                .put("middle_half_to_seconds", v.baseline().high().toSeconds())
                .put("slow_above_seconds", v.slowAbove().toSeconds());
        row.put("ratio", round1(v.ratio()));
        ObjectNode test = row.putObject("test").put("min_ratio", DurationVerdict.MIN_EFFECT);
        if (v.test() == null) {
            test.put("outcome", "not run: the median changed by less than the minimum ratio");
        } else {
            test.put("name", "Mann-Whitney U, one-sided (recent runs " + (v.ratio() >= 1 ? "longer" : "shorter") + ")")
                    .put("u", v.test().u()).put("p_value", Math.round(v.test().pValue() * 10000) / 10000.0)
                    .put("exact", v.test().exact()).put("significant_at", DurationVerdict.ALPHA)
                    .put("outcome", v.test().pValue() < DurationVerdict.ALPHA ? "significant" : "not significant");
        }
        row.put("slow_runs", v.slowRuns().size());
        if (!v.slowRuns().isEmpty()) {
            row.put("slowest_ratio", round1(v.slowestRatio()));
        }
    }

    /** A run going long: how long it has run against its baseline (the same figures as its card and alert). */
    static void putRunningLong(ObjectNode o, RunningLong r) {
        DurationBaseline b = r.baseline();
        o.put("pipeline", r.run().pipelineName()).put("run_id", r.run().runId())
                .put("running_seconds", r.elapsed().toSeconds()).put("usual_from_seconds", b.low().toSeconds())
                .put("usual_to_seconds", b.high().toSeconds()).put("p95_seconds", b.p95().toSeconds())
                .put("times_p95", round1(r.times())).put("flagged_after_seconds", b.threshold().toSeconds())
                .put("baseline_runs", b.runs()).put("baseline_since", b.since().toString())
                .put("summary", "Running long: " + r.comparison());
    }

    static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
