package com.adfops.tools;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.FailureHistory;
import com.adfops.diagnosis.RunHistory;
import com.adfops.runs.AdfTools;
import com.adfops.runs.RunSummaries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code adf_failure_history}: a failure's history ({@link FailureHistory}, what the diagnosis card states) with its
 * root cause: new (the first failure after successes, its error not seen before) or recurring.
 */
record FailureHistoryTool(AdfTools tools, ObjectMapper json) {

    /** The answer about the failed run {@link FailedRuns} found. */
    Tool.Result answer(AdfTools.Located target) {
        Diagnosis dg = new Diagnoser(tools).diagnose(target.run());
        PipelineRun run = dg.run();
        ObjectNode out = json.createObjectNode();
        out.put("run_id", run.runId()).put("pipeline", run.pipelineName()).put("factory", run.factory().factoryName())
                .put("status", run.status().wireName()).put("failed_at", String.valueOf(RunSummaries.failedAt(run)));
        if (dg.hasRootCause()) {
            Diagnosis.FailedActivity rc = dg.rootCause();
            out.putObject("root_cause").put("path", rc.path()).put("error_code", rc.activity().error().errorCode());
        }
        RunHistory h = FailureHistory.of(tools, dg);
        if (h == null) {
            out.put("note", run.status() == RunStatus.FAILED ? "The pipeline's runs before it could not be read."
                    : "This run did not fail: there is no failure history to give.");
            return Tool.Result.diagnosis(out, dg);
        }
        // The diagnosis card's badge: by error signature when the earlier errors were compared, else by the runs.
        out.put("verdict", h.lastRuns() <= 1 ? "no_earlier_runs" : h.sameError() != null
                ? (h.isRecurring() ? "recurring" : "new") : h.isNew() ? "new" : "failing_repeatedly");
        ToolJson.putHistory(out, h, run.sortTime());
        return Tool.Result.diagnosis(out, dg);
    }
}
