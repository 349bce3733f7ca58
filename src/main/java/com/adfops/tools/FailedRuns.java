package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.TimeWindow;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the failed run a question names (by its id, or a pipeline's latest failure), for the tools about one failure
 * ({@code adf_failure_history}, {@code adf_what_changed}) and MCP's diagnosis: {@link ToolRunner#failedRun}.
 */
record FailedRuns(AdfTools tools, ObjectMapper json) {

    /**
     * A tool about the failed run its arguments name ({@code run_id}, or {@code pipeline} with {@code factory} and
     * {@code window}): {@code about} that run, or the answer saying why there is none.
     */
    Tool about(Function<AdfTools.Located, Tool.Result> about) {
        return (args, zone) -> {
            ToolRunner.FailedRun target = find(text(args, "run_id"), text(args, "pipeline"), text(args, "factory"),
                    text(args, "window"), zone);
            return target.run() == null ? Tool.Result.of(target.answer()) : about.apply(target.run());
        };
    }

    /** As {@link ToolRunner#failedRun}. */
    ToolRunner.FailedRun find(String runId, String pipeline, String factory, String window, ZoneId zone) {
        ObjectNode out = json.createObjectNode();
        if (runId != null && !runId.isBlank()) {
            ToolArgs.runId(runId);
            Optional<AdfTools.Located> found = tools.findRun(runId, factory);
            if (found.isPresent()) {
                return new ToolRunner.FailedRun(found.get(), null);
            }
            out.put("run_id", runId).put("found", false)
                    .put("note", "No such run in the configured factories (ADF keeps runs for 45 days).");
            return new ToolRunner.FailedRun(null, ToolJson.output(out));
        }
        if (pipeline == null || pipeline.isBlank()) {
            throw new IllegalArgumentException("give run_id (a failed run) or pipeline (its latest failure)");
        }
        Instant now = tools.now();
        TimeWindow in = window == null || window.isBlank() ? null
                : ToolArgs.window(window, tools, now, zone, "'yesterday', 'last 3 days'");
        NameMatcher.Match m = NameMatcher.match(pipeline, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            ToolJson.putUnknownPipeline(out, pipeline, m.closest());
            return new ToolRunner.FailedRun(null, ToolJson.output(out));
        }
        String name = m.name().get();
        List<PipelineRun> failures = failuresOf(name, factory, in != null ? in : TimeWindow.byDefault(now));
        if (failures.isEmpty() && in == null) {
            failures = failuresOf(name, factory, TimeWindow.retention(now));
        }
        if (failures.isEmpty()) {
            out.put("pipeline", name).put("failed", false).put("window", in != null ? in.label() : "the last 45 days")
                    .put("note", "No failed run of " + name + " in " + (in != null ? in.label()
                            : "the last 45 days (ADF keeps run history for 45 days)") + ".");
            return new ToolRunner.FailedRun(null, ToolJson.output(out));
        }
        PipelineRun run = failures.get(0);
        return new ToolRunner.FailedRun(new AdfTools.Located(run.factory(), run), null);
    }

    /** The pipeline's failed runs in {@code window}, newest first. */
    private List<PipelineRun> failuresOf(String pipeline, String factory, TimeWindow window) {
        return tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipeline, Set.of(RunStatus.FAILED), window)).runs()
                .stream().filter(x -> x.pipelineName().equalsIgnoreCase(pipeline)).toList();
    }
}
