package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.FailureCauses;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.RunningLong;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code adf_pipeline_runs}: the runs of a window as the status card reads them: failing pipelines (their cause),
 * recovered ones, a named pipeline's recent runs, and runs in progress past their usual duration.
 */
record PipelineRunsTool(AdfTools tools, ObjectMapper json) implements Tool {

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        Instant now = tools.now();
        String w = text(a, "window");
        TimeWindow window = w == null ? TimeWindowParser.parse("", now, zone)
                : ToolArgs.window(w, tools, now, zone, "'last 24 hours', 'today', 'last 3 days'");
        Set<RunStatus> statuses = Set.of();
        String st = text(a, "status");
        if (st != null && !st.equalsIgnoreCase("any")) {
            RunStatus s = RunStatus.fromWire(st);
            if (s == RunStatus.UNKNOWN) {
                throw new IllegalArgumentException("status must be one of Failed, Succeeded, InProgress, Queued, Cancelled, any");
            }
            statuses = EnumSet.of(s);
        }
        // Failing or recovered is judged from every run in the window, whatever status the model asked for: a
        // pipeline that failed and then succeeded has recovered, even when only failed runs were requested.
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(text(a, "factory"), text(a, "pipeline"), Set.of(), window));
        FailingSummary summary = FailureCauses.of(RunSummaries.failing(r), new Diagnoser(tools)::diagnose, FailureCauses.ROWS);
        ObjectNode out = json.createObjectNode();
        out.put("window", window.label());
        out.put("from", window.from().toString());
        out.put("to", window.to().toString());
        out.put("factories", String.join(", ", summary.factories()));
        out.put("total_runs", summary.totalRuns());
        out.put("failed_runs", summary.failedRuns());
        if (!statuses.isEmpty()) {
            out.put("note", "failing and recovered are judged from all runs in the window; recent_runs keeps only status "
                    + statuses.iterator().next().wireName());
        }
        if (r.unknownPipeline()) {
            ToolJson.putUnknownPipeline(out, text(a, "pipeline"), r.closest());
        }
        putFailing(out.putArray("failing"), summary);
        if (summary.failing().size() > 15) {
            out.put("more_failing", summary.failing().size() - 15);
        }
        ArrayNode rec = out.putArray("recovered");
        for (FailingSummary.Recovered x : summary.recovered().stream().limit(15).toList()) {
            rec.addObject().put("pipeline", x.pipeline()).put("factory", x.factory())
                    .put("last_failed_at", String.valueOf(RunSummaries.failedAt(x.lastFailure())))
                    .put("succeeded_at", String.valueOf(x.lastSuccess().sortTime()));
        }
        if (!r.pipelines().isEmpty()) {
            ArrayNode runs = out.putArray("recent_runs");
            Set<RunStatus> keep = statuses;
            for (PipelineRun run : r.runs().stream().filter(x -> keep.isEmpty() || keep.contains(x.status())).limit(10).toList()) {
                ObjectNode o = runs.addObject();
                o.put("pipeline", run.pipelineName());
                o.put("run_id", run.runId());
                o.put("status", run.status().wireName());
                o.put("start", String.valueOf(run.runStart()));
                run.duration().ifPresent(d -> o.put("duration_s", d.toSeconds()));
            }
        }
        // Runs in progress past their pipeline's usual duration (its last successful runs), as the cards say it.
        List<RunningLong> longRuns = tools.baselines().runningLong(r.runs(), now);
        if (!longRuns.isEmpty()) {
            ArrayNode running = out.putArray("running_long");
            longRuns.stream().limit(5).forEach(x -> ToolJson.putRunningLong(running.addObject(), x));
        }
        return Result.failing(out, summary.failing().isEmpty() && summary.recovered().isEmpty() ? null : summary);
    }

    /** The failing pipelines (the first 15): the last failure, its cause, the child runs folded into it. */
    private static void putFailing(ArrayNode failing, FailingSummary summary) {
        for (FailingSummary.Row row : summary.failing().stream().limit(15).toList()) {
            ObjectNode f = failing.addObject();
            f.put("pipeline", row.pipeline());
            f.put("factory", row.factory());
            f.put("last_failed_run_id", row.lastFailure().runId());
            f.put("failed_at", String.valueOf(RunSummaries.failedAt(row.lastFailure())));
            f.put("failures_in_window", row.failures());
            f.put("error", ErrorText.truncate(row.shortError(), 200));
            if (row.cause() != null) {
                f.put("failing_activity", row.cause().activity());
                if (!row.cause().inPipeline().isEmpty()) {
                    f.put("in_child_pipeline", row.cause().inPipeline());
                }
                f.put("error_code", row.cause().errorCode());
                f.put("cause", row.cause().text());
            }
            if (!row.folded().isEmpty()) {
                ArrayNode kids = f.putArray("failed_child_runs");
                row.folded().forEach(k -> kids.addObject().put("pipeline", k.pipelineName()).put("run_id", k.runId()));
            }
            if (row.calledBy() != null) {
                f.put("called_by", row.calledBy());
            }
        }
    }
}
