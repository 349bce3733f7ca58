package com.adfops.tools;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.RunComparison;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code adf_what_changed}: the failed run against its pipeline's last success before it (the week before, then
 * ADF's retention), compared by {@link RunComparison}, as the "What changed?" card.
 */
record WhatChangedTool(AdfTools tools, ObjectMapper json) {

    /** The answer about the failed run {@link FailedRuns} found. */
    Tool.Result answer(AdfTools.Located target) {
        PipelineRun failed = target.run();
        ObjectNode out = json.createObjectNode();
        out.putObject("failed_run").put("run_id", failed.runId()).put("pipeline", failed.pipelineName())
                .put("factory", failed.factory().factoryName()).put("status", failed.status().wireName())
                .put("start", String.valueOf(failed.runStart()));
        PipelineRun success = lastSuccessBefore(target);
        if (success == null) {
            out.put("note", "No successful run of " + failed.pipelineName() + " before this one in the last 45 days: "
                    + "nothing to compare with.");
            return Tool.Result.of(out);
        }
        out.putObject("last_success").put("run_id", success.runId()).put("start", String.valueOf(success.runStart()));
        List<RunComparison.Change> changes = RunComparison.compare(success,
                tools.activitiesOf(target.factory(), success), failed, tools.activitiesOf(target.factory(), failed));
        out.put("changes_found", changes.size());
        ArrayNode list = out.putArray("changes");
        changes.stream().limit(30).forEach(c -> list.addObject().put("what", ErrorText.truncate(c.what(), 200))
                .put("before", c.before()).put("after", c.after()));
        if (changes.isEmpty()) {
            out.put("note", "Same parameters, trigger, integration runtimes and inputs as the last success: the cause is "
                    + "outside the run (data, a linked service, the target).");
        }
        return Tool.Result.of(out);
    }

    /** The pipeline's last success before {@code failed}: the week before it, then ADF's retention. */
    private PipelineRun lastSuccessBefore(AdfTools.Located failed) {
        PipelineRun run = failed.run();
        Instant at = run.sortTime();
        for (TimeWindow w : List.of(new TimeWindow(at.minus(Duration.ofDays(7)), at, "the week before"),
                new TimeWindow(tools.now().minus(TimeWindowParser.RETENTION), at, "ADF's retention"))) {
            Optional<PipelineRun> success = tools.pipelineRuns(new AdfTools.RunsRequest(failed.factory().factoryName(),
                    run.pipelineName(), Set.of(RunStatus.SUCCEEDED), w)).runs().stream()
                    .filter(r -> r.pipelineName().equalsIgnoreCase(run.pipelineName()) && r.sortTime().isBefore(at))
                    .max(Comparator.comparing(PipelineRun::sortTime));
            if (success.isPresent()) {
                return success.get();
            }
        }
        return null;
    }
}
