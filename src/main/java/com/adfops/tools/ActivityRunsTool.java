package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.FailureHistory;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code adf_pipeline_activity_runs}: why a run failed, as the diagnosis card says it: its failed activities, the root
 * cause with its error code, class and next step, and the failure's history.
 */
record ActivityRunsTool(AdfTools tools, ObjectMapper json) implements Tool {

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        String runId = ToolArgs.runId(text(a, "run_id"));
        Optional<Diagnosis> d = new Diagnoser(tools).find(runId, text(a, "factory"));
        ObjectNode out = json.createObjectNode();
        if (d.isEmpty()) {
            out.put("run_id", runId);
            out.put("found", false);
            out.put("note", "No such run in the configured factories (ADF keeps runs for 45 days).");
            return Result.of(out);
        }
        Diagnosis dg = d.get();
        out.put("run_id", dg.run().runId());
        out.put("pipeline", dg.run().pipelineName());
        out.put("factory", dg.run().factory().factoryName());
        out.put("status", dg.run().status().wireName());
        out.put("activities_examined", dg.activityCount());
        if (dg.hasRootCause()) {
            Diagnosis.FailedActivity rc = dg.rootCause();
            ObjectNode r = out.putObject("root_cause");
            r.put("path", rc.path());
            r.put("activity_type", rc.activity().activityType());
            r.put("error_code", rc.activity().error().errorCode());
            r.put("failure_type", rc.activity().error().failureType());
            r.put("message", ErrorText.full(rc.activity().error().message(), 600));
        } else {
            out.put("run_message", ErrorText.full(dg.run().message(), 600));
        }
        out.put("error_class", dg.errorClass().label());
        out.put("next_step", dg.errorClass().nextStep());
        ToolJson.putHistory(out, FailureHistory.of(tools, dg), dg.run().sortTime());
        ArrayNode failed = out.putArray("failed_activities");
        for (Diagnosis.FailedActivity f : dg.failed().stream().limit(15).toList()) {
            ObjectNode o = failed.addObject();
            o.put("path", ErrorText.truncate(f.path(), 200));
            o.put("type", f.activity().activityType());
            o.put("error_code", f.activity().error().errorCode());
            if (f.occurrences() > 1) {
                o.put("iterations", f.occurrences());
            }
        }
        if (dg.failed().size() > 15 || dg.truncated()) {
            out.put("more_failed_activities", true);
        }
        return Result.diagnosis(out, dg);
    }
}
