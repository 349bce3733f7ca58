package com.adfops.sim;

import static com.adfops.sim.GeneratedFormat.*;
import static com.adfops.sim.GeneratedShapes.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ADF JSON of a {@link GeneratedFactory}'s runs and their activity runs, made on demand from the run's numbers,
 * the same every time: ids, parameters, who invoked it, its message; steps by the pipeline's main activity, their
 * times, errors, copy outputs and billing.
 */
final class GeneratedRunJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GeneratedFactory factory;
    private final GeneratedFactory.Spec spec;
    private final List<String> names;
    private final int[] template;
    private final int[] primaryError;
    private final String[] trigger;
    private final String[] subject;
    private final int[][] childrenOf;
    private final long[] startMs;
    private final int[] durMs;
    private final int[] pipeline;
    private final byte[] status;
    private final byte[] error;
    private final byte[] kind;
    private final boolean[] superseded;
    private final int[] link;
    private final int[] kids;

    GeneratedRunJson(GeneratedFactory f) {
        this.factory = f;
        this.spec = f.spec();
        this.names = f.names;
        this.template = f.template;
        this.primaryError = f.primaryError;
        this.trigger = f.trigger;
        this.subject = f.subject;
        this.childrenOf = f.childrenOf;
        this.startMs = f.startMs;
        this.durMs = f.durMs;
        this.pipeline = f.pipeline;
        this.status = f.status;
        this.error = f.error;
        this.kind = f.kind;
        this.superseded = f.superseded;
        this.link = f.link;
        this.kids = f.kids;
    }

    private String runId(int slot) {
        return factory.runId(slot);
    }

    /** The run as ADF shows it once it is over. */
    ObjectNode json(int slot) {
        ObjectNode r = NODES.objectNode();
        String id = runId(slot);
        int p = pipeline[slot];
        r.put("runId", id);
        r.put("runGroupId", kind[slot] == RERUN ? runId(link[slot]) : id);
        r.put("isLatest", !superseded[slot]);
        r.put("pipelineName", names.get(p));
        ObjectNode params = r.putObject("parameters");
        long paramDay = kind[slot] == RERUN ? startMs[link[slot]] : kind[slot] == CHILD ? startMs[link[slot]] : startMs[slot];
        switch (kind[slot]) {
            case CHILD -> {
                params.put("table", subject[p]);
                params.put("mode", "incremental");
                params.put("runDate", day(paramDay));
            }
            case PARENT -> params.put("runDate", day(paramDay));
            default -> params.put("loadDate", day(paramDay));
        }
        r.putObject("runDimensions");
        r.set("invokedBy", invokedBy(slot));
        long end = startMs[slot] + durMs[slot];
        r.put("runStart", time(startMs[slot]));
        r.put("runEnd", time(end));
        r.put("durationInMs", (long) durMs[slot]);
        r.put("lastUpdated", time(end));
        r.put("status", STATUSES.get(status[slot]));
        r.put("message", message(slot));
        r.putObject("annotations");
        return r;
    }

    private ObjectNode invokedBy(int slot) {
        ObjectNode by = NODES.objectNode();
        switch (kind[slot]) {
            case CHILD -> {
                int parent = link[slot];
                int j = childIndex(parent, slot);
                by.put("name", "Run " + names.get(pipeline[slot]));
                by.put("id", activityRunId(parent, 1 + j));
                by.put("invokedByType", "PipelineActivity");
                by.put("pipelineName", names.get(pipeline[parent]));
                by.put("pipelineRunId", runId(parent));
            }
            case RERUN -> {
                by.put("name", "Manual");
                by.put("id", hex(mix(spec.seed() ^ slot * 31L), 16) + hex(mix(slot), 16));
                by.put("invokedByType", "Manual");
            }
            default -> {
                String t = trigger[pipeline[slot]];
                by.put("name", t);
                by.put("id", hex(mix(t.hashCode() + spec.seed()), 16) + hex(mix(t.hashCode()), 16));
                by.put("invokedByType", "ScheduleTrigger");
            }
        }
        return by;
    }

    private String message(int slot) {
        if (status[slot] == CANCELLED) {
            return "The pipeline run was cancelled.";
        }
        if (status[slot] != FAILED) {
            return "";
        }
        if (kind[slot] == PARENT) {
            int[] mine = childrenOfRun(slot);
            for (int child : mine) {
                if (status[child] == FAILED) {
                    return "Operation on target Run " + names.get(pipeline[child]) + " failed: " + message(child);
                }
            }
            return "";
        }
        List<Step> steps = steps(pipeline[slot]);
        ErrorKind e = ERRORS.get(error[slot] - 1);
        return "Operation on target " + steps.get(mainStep(steps.size())).name() + " failed: " + errorMessage(e, slot);
    }

    private String errorMessage(ErrorKind e, int slot) {
        return e.message().contains("%s") ? e.message().formatted(day(startMs[slot])) : e.message();
    }

    private int[] childrenOfRun(int parentSlot) {
        int count = childrenOf[pipeline[parentSlot]].length;
        return Arrays.copyOfRange(kids, link[parentSlot], link[parentSlot] + count);
    }

    private int childIndex(int parent, int child) {
        int[] mine = childrenOfRun(parent);
        for (int j = 0; j < mine.length; j++) {
            if (mine[j] == child) {
                return j;
            }
        }
        return 0;
    }

    // ---- activity runs -------------------------------------------------------------------------------------

    /** One step of a pipeline: an activity's name, type and linked service. */
    private record Step(String name, String type, String linked) {
    }

    /** A plain or child pipeline's steps: before, the main activity, more copies, after (as many as asked). */
    private List<Step> steps(int p) {
        int count = spec.activities();
        String subj = subject[p];
        String linked = ERRORS.get(primaryError[p]).linked();
        Step pre;
        Step main;
        Step post;
        switch (template[p]) {
            case NOTEBOOK -> {
                pre = new Step("Copy raw " + subj, "Copy", "ls_adls_raw");
                main = new Step("Transform " + subj + " notebook", "DatabricksNotebook", linked);
                post = new Step("Update watermark", "SqlServerStoredProcedure", "ls_sql_meta");
            }
            case WEB -> {
                pre = new Step("Get API token", "WebActivity", "");
                main = new Step("Post " + subj + " export", "WebActivity", linked);
                post = new Step("Log export", "SqlServerStoredProcedure", "ls_sql_meta");
            }
            default -> {
                pre = new Step("Lookup watermark", "Lookup", "ls_sql_meta");
                main = new Step("Copy " + subj, "Copy", linked);
                post = new Step("Update watermark", "SqlServerStoredProcedure", "ls_sql_meta");
            }
        }
        List<Step> steps = new ArrayList<>(count);
        if (count == 1) {
            steps.add(main);
            return steps;
        }
        steps.add(pre);
        steps.add(main);
        for (int k = 3; k < count; k++) {
            steps.add(new Step("Copy " + subj + " part " + (k - 1), "Copy", linked));
        }
        if (count >= 3) {
            steps.add(post);
        }
        return steps;
    }

    /** The index of the main activity among a run's {@code count} steps. */
    static int mainStep(int count) {
        return count == 1 ? 0 : 1;
    }

    /** The run's activity runs, in their final state. */
    List<ObjectNode> activities(int slot) {
        List<ObjectNode> out = new ArrayList<>();
        long start = startMs[slot];
        long end = start + durMs[slot];
        String runId = runId(slot);
        String pipelineName = names.get(pipeline[slot]);
        if (kind[slot] == PARENT) {
            ObjectNode lookup = activity(slot, 0, runId, pipelineName, new Step("Lookup table list", "Lookup", "ls_sql_meta"),
                    start + 1_000, start + 6_000, SUCCEEDED, null);
            out.add(lookup);
            int[] mine = childrenOfRun(slot);
            for (int j = 0; j < mine.length; j++) {
                int child = mine[j];
                String childName = names.get(pipeline[child]);
                ObjectNode err = null;
                if (status[child] == FAILED) {
                    err = error("2200", "Operation on target Run " + childName + " failed: " + message(child),
                            "UserError", "Run " + childName);
                }
                ObjectNode exec = activity(slot, 1 + j, runId, pipelineName,
                        new Step("Run " + childName, "ExecutePipeline", ""), startMs[child] - 1_000,
                        Math.min(end, startMs[child] + durMs[child] + 1_000), status[child], err);
                ObjectNode output = exec.putObject("output");
                output.put("pipelineName", childName);
                output.put("pipelineRunId", runId(child));
                out.add(exec);
            }
            return out;
        }
        List<Step> steps = steps(pipeline[slot]);
        int last = status[slot] == SUCCEEDED ? steps.size() - 1 : Math.min(steps.size() - 1, mainStep(steps.size()));
        // The main activity takes most of the time.
        double[] weight = new double[last + 1];
        double total = 0;
        for (int k = 0; k <= last; k++) {
            weight[k] = k == mainStep(steps.size()) ? 6 : steps.get(k).type().equals("Copy") ? 3 : 1;
            total += weight[k];
        }
        long at = start + 1_000;
        long span = Math.max(last + 1, end - at - 500);
        for (int k = 0; k <= last; k++) {
            long aEnd = k == last ? end - 500 : at + (long) (span * weight[k] / total);
            aEnd = Math.max(aEnd, at + 1);
            byte st = k < last ? SUCCEEDED : status[slot];
            ObjectNode err = null;
            if (st == FAILED) {
                ErrorKind e = ERRORS.get(error[slot] - 1);
                err = error(e.code(), errorMessage(e, slot), e.failureType(), steps.get(k).name());
            }
            out.add(activity(slot, k, runId, pipelineName, steps.get(k), at, aEnd, st, err));
            at = aEnd;
        }
        return out;
    }

    private ObjectNode activity(int slot, int k, String runId, String pipelineName, Step step, long start, long end,
                                byte st, ObjectNode err) {
        ObjectNode a = NODES.objectNode();
        a.put("activityRunEnd", time(end));
        a.put("activityName", step.name());
        a.put("activityRunStart", time(start));
        a.put("activityType", step.type());
        a.put("durationInMs", end - start);
        a.put("status", STATUSES.get(st));
        a.put("pipelineName", pipelineName);
        a.put("pipelineRunId", runId);
        a.put("activityRunId", activityRunId(slot, k));
        a.put("linkedServiceName", step.linked());
        a.putNull("retryAttempt");
        ObjectNode input = a.putObject("input");
        ObjectNode output = a.putObject("output");
        if (step.type().equals("Copy")) {
            boolean sql = step.linked().contains("sql");
            ObjectNode source = input.putObject("source");
            source.put("type", sql ? "SqlServerSource" : "DelimitedTextSource");
            if (sql) {
                source.put("sqlReaderQuery", "SELECT * FROM " + subject[pipeline[slot]] + " WHERE modified >= '"
                        + day(startMs[slot]) + "'");
            }
            input.putObject("sink").put("type", "ParquetSink");
            String runtime = step.linked().contains("onprem") ? "ir-selfhosted-onprem"
                    : "AutoResolveIntegrationRuntime (West Europe)";
            output.put("effectiveIntegrationRuntime", runtime);
            if (st == SUCCEEDED) {
                long rows = 1000 + Math.floorMod(mix(spec.seed() ^ ((long) slot << 8) ^ k), 90_000L);
                output.put("dataRead", rows * 210L);
                output.put("rowsRead", rows);
                output.put("rowsCopied", rows);
                output.put("copyDuration", (end - start) / 1000);
                CopyOutputs.profile(output, step.linked(), (end - start) / 1000);
            }
        }
        a.set("error", err != null ? err : error("", "", "", step.name()));
        a.putArray("userProperties");
        if (st != FAILED || !step.type().equals("Copy")) {
            ActivityBilling.bill(a, step.type(), step.linked(), (int) Math.max(1, (end - start) / 1000));
        }
        return a;
    }

    private String activityRunId(int slot, int k) {
        long h = mix(spec.seed() * 31 + ((long) slot << 6) + k + 0x5EEDL);
        long g = mix(h);
        return hex(h >>> 32, 8) + "-" + hex(h >>> 16, 4) + "-4" + hex(h, 3) + "-" + hex(0x8000 | (g >>> 48) & 0x3fff, 4)
                + "-" + hex(g, 12);
    }

    private static ObjectNode error(String code, String message, String failureType, String target) {
        ObjectNode e = NODES.objectNode();
        e.put("errorCode", code);
        e.put("message", message);
        e.put("failureType", failureType);
        e.put("target", target);
        return e;
    }
}
