package com.adfops.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The ADF JSON of the built-in dataset's runs and activity runs ({@link BuiltInDataset} tells the story): schedules
 * up to now, runs (in progress when they would end after now), who invoked them, activity runs with their errors,
 * copy inputs and outputs and billing. Each made run and activity run is added to the lists it was given; the random
 * draws come from the dataset's one stream, in the order the story asks.
 */
final class BuiltInRuns {

    static final DateTimeFormatter ADF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final ObjectMapper json;
    private final Random random;
    private final Instant now;
    private final List<ObjectNode> runs;
    private final List<ObjectNode> activities;
    /** The runtime each linked service connects via, from the built-in definitions. */
    private final LinkedRuntimes runtimes;

    BuiltInRuns(ObjectMapper json, Random random, Instant now, List<ObjectNode> runs, List<ObjectNode> activities,
                LinkedRuntimes runtimes) {
        this.runtimes = runtimes;
        this.json = json;
        this.random = random;
        this.now = now;
        this.runs = runs;
        this.activities = activities;
    }

    /** Start times every {@code every}, offset into the period, from {@code from} to now. */
    List<Instant> schedule(Instant from, Duration every, Duration offset) {
        return schedule(from, every, offset, from);
    }

    /** The start times of the grid {@link #schedule(Instant, Duration, Duration)} lays from {@code from}, since {@code since}. */
    List<Instant> schedule(Instant from, Duration every, Duration offset, Instant since) {
        List<Instant> out = new ArrayList<>();
        Instant t = from.truncatedTo(ChronoUnit.HOURS).plus(offset);
        while (t.isBefore(now.minus(Duration.ofMinutes(1)))) {
            if (!t.isBefore(since)) {
                out.add(t.plusMillis(random.nextInt(900)));
            }
            t = t.plus(every);
        }
        return out;
    }

    Duration mins(int lo, int hi) {
        return Duration.ofSeconds(lo * 60L + random.nextInt(Math.max(1, (hi - lo) * 60)));
    }

    ObjectNode run(String pipeline, Instant start, Duration duration, String status, ObjectNode invokedBy,
                           Map<String, String> params) {
        ObjectNode r = json.createObjectNode();
        String id = UUID.nameUUIDFromBytes((pipeline + start).getBytes()).toString();
        r.put("runId", id);
        r.put("runGroupId", id);
        r.put("isLatest", true);
        r.put("pipelineName", pipeline);
        ObjectNode p = r.putObject("parameters");
        params.forEach(p::put);
        r.putObject("runDimensions");
        r.set("invokedBy", invokedBy);
        Instant end = duration == null || !start.plus(duration).isBefore(now) ? null : start.plus(duration);
        if (duration != null && end == null) {
            status = "InProgress";
        }
        r.put("runStart", ADF_TIME.format(start));
        if (end != null) {
            r.put("runEnd", ADF_TIME.format(end));
            r.put("durationInMs", Duration.between(start, end).toMillis());
        } else {
            r.putNull("runEnd");
            r.putNull("durationInMs");
        }
        r.put("lastUpdated", ADF_TIME.format(end != null ? end : start));
        r.put("status", status);
        r.put("message", "");
        r.putObject("annotations");
        runs.add(r);
        return r;
    }

    ObjectNode trigger(String name) {
        ObjectNode by = json.createObjectNode();
        by.put("name", name);
        by.put("id", UUID.nameUUIDFromBytes(name.getBytes()).toString().replace("-", ""));
        by.put("invokedByType", "ScheduleTrigger");
        return by;
    }

    ObjectNode manual() {
        ObjectNode by = json.createObjectNode();
        by.put("name", "Manual");
        by.put("id", UUID.randomUUID().toString().replace("-", ""));
        by.put("invokedByType", "Manual");
        return by;
    }

    ObjectNode invokedByParent(String activity, String pipeline, String parentRunId) {
        ObjectNode by = json.createObjectNode();
        by.put("name", activity);
        by.put("id", UUID.nameUUIDFromBytes((activity + parentRunId).getBytes()).toString());
        by.put("invokedByType", "PipelineActivity");
        by.put("pipelineName", pipeline);
        by.put("pipelineRunId", parentRunId);
        return by;
    }

    ObjectNode err(String code, String message, String failureType, String target) {
        ObjectNode e = json.createObjectNode();
        e.put("errorCode", code);
        e.put("message", message);
        e.put("failureType", failureType);
        e.put("target", target);
        e.putObject("details");
        return e;
    }

    ObjectNode lookup(ObjectNode run, String name, Instant start, int seconds) {
        return activity(run, name, "Lookup", start, seconds, null, "ls_sql_meta");
    }

    ObjectNode copy(ObjectNode run, String name, Instant start, int seconds, ObjectNode error, String linked) {
        ObjectNode a = activity(run, name, "Copy", start, seconds, error, linked);
        // What the copy read and where it ran (no random draws here: the rest of the week stays as generated).
        ObjectNode in = a.putObject("input");
        ObjectNode source = in.putObject("source");
        source.put("type", linked != null && linked.contains("sql") ? "SqlServerSource" : "DelimitedTextSource");
        if (linked != null && linked.contains("sql")) {
            source.put("sqlReaderQuery", "SELECT * FROM " + name.replaceAll("[^A-Za-z]", "_").toLowerCase()
                    + " WHERE modified >= '" + day(start) + "'");
        }
        in.putObject("sink").put("type", "ParquetSink");
        // Where it ran: the runtime its linked service connects via, as the definitions say.
        LinkedRuntimes.Runtime ir = runtimes.of(linked);
        String runtime = ir.effective();
        if (error == null) {
            ObjectNode out = a.putObject("output");
            int rows = 1000 + random.nextInt(90_000);
            out.put("dataRead", rows * 210L);
            out.put("rowsRead", rows);
            out.put("rowsCopied", rows);
            out.put("copyDuration", seconds);
            out.put("effectiveIntegrationRuntime", runtime);
            CopyOutputs.profile(out, linked, seconds, ir.selfHosted());
            ActivityBilling.bill(a, "Copy", ir.selfHosted(), seconds);
        } else {
            ((ObjectNode) a.get("output")).put("effectiveIntegrationRuntime", runtime);
        }
        return a;
    }

    ObjectNode activity(ObjectNode run, String name, String type, Instant start, Integer seconds,
                                ObjectNode error, String linked) {
        ObjectNode a = json.createObjectNode();
        String runId = run.get("runId").asText();
        a.put("activityRunEnd", (String) null);
        a.put("activityName", name);
        a.put("activityRunStart", ADF_TIME.format(start));
        boolean failed = error != null;
        a.put("activityType", type);
        if (seconds != null) {
            a.put("activityRunEnd", ADF_TIME.format(start.plusSeconds(seconds)));
            a.put("durationInMs", seconds * 1000L);
        } else {
            a.putNull("durationInMs");
        }
        a.put("status", failed ? "Failed" : "Succeeded");
        a.put("pipelineName", run.get("pipelineName").asText());
        a.put("pipelineRunId", runId);
        a.put("activityRunId", UUID.nameUUIDFromBytes((runId + name + start).getBytes()).toString());
        a.put("linkedServiceName", linked == null ? "" : linked);
        a.put("retryAttempt", (String) null);
        a.putObject("input");
        a.putObject("output");
        a.set("error", failed ? error : err("", "", "", name));
        a.putArray("userProperties");
        ActivityBilling.bill(a, type, runtimes.of(linked).selfHosted(), seconds);
        activities.add(a);
        return a;
    }

    static String day(Instant t) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC).format(t).replace('-', '/');
    }
}
