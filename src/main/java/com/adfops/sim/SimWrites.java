package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Create Run and Cancel in the simulated factory, with ADF's rerun semantics: a rerun reuses the reference run's
 * parameters; {@code isRecovery} puts it in the reference run's group; {@code startFromFailure} skips the activities
 * that succeeded; an Execute Pipeline activity that runs again starts a new child run. A rerun ends as the dataset's
 * script says for its pipeline, else with the server's configured outcome; it lasts the configured duration.
 * Cancel ends a running run now (recursive: its child runs too).
 */
final class SimWrites {

    /** Why a write was refused: HTTP status, ARM code, message. */
    static final class Refused extends RuntimeException {
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private final SimDataset dataset;
    private final Clock clock;
    private volatile String defaultOutcome = "Succeeded";
    private volatile Duration duration = Duration.ofSeconds(20);

    SimWrites(SimDataset dataset, Clock clock) {
        this.dataset = dataset;
        this.clock = clock;
    }

    void setOutcome(String status) {
        String s = status == null ? "" : status.trim();
        if (s.equalsIgnoreCase("Succeeded") || s.equalsIgnoreCase("Failed")) {
            this.defaultOutcome = s.equalsIgnoreCase("Failed") ? "Failed" : "Succeeded";
        } else {
            throw new IllegalArgumentException("ADFOPS_SIM_RERUNOUTCOME must be Succeeded or Failed, not '" + status + "'");
        }
    }

    void setDuration(Duration d) {
        this.duration = d == null || d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d;
    }

    /** Create Run; returns the new run's id. */
    synchronized String createRun(String pipeline, String referenceRunId, boolean recovery, boolean startFromFailure,
                                  String startActivity) {
        Instant now = clock.instant();
        ObjectNode ref;
        if (referenceRunId == null || referenceRunId.isBlank()) {
            // A fresh run: the pipeline's latest run stands in for its definition.
            ref = dataset.table().latestStarted(pipeline, SimRuns.micros(now),
                    r -> RunViews.asOf(r, now));
            if (ref == null) {
                throw new Refused(404, "PipelineNotFound", "Pipeline '" + pipeline + "' was not found.");
            }
            recovery = false;
            startFromFailure = false;
        } else {
            ObjectNode stored = dataset.run(referenceRunId);
            ref = stored == null ? null : RunViews.asOf(stored, now);
            if (ref == null) {
                throw new Refused(404, "PipelineRunNotFound", "Pipeline run '" + referenceRunId + "' was not found.");
            }
            if (!pipeline.equalsIgnoreCase(SimDataset.text(ref, "pipelineName"))) {
                throw new Refused(400, "BadRequest", "The reference pipeline run belongs to another pipeline.");
            }
            String status = SimDataset.text(ref, "status");
            if ("InProgress".equals(status) || "Queued".equals(status) || "Canceling".equals(status)) {
                throw new Refused(400, "BadRequest", "The reference pipeline run is still in progress.");
            }
        }
        String outcome = dataset.rerunOutcome(SimDataset.text(ref, "pipelineName")).orElse(defaultOutcome);
        return start(ref, recovery, startFromFailure, startActivity, outcome, now, now.plus(duration), null);
    }

    /** Adds a run copied from {@code ref} that runs from {@code start} to {@code end}; returns its id. */
    private String start(ObjectNode ref, boolean recovery, boolean fromFailure, String startActivity, String outcome,
                         Instant start, Instant end, ObjectNode invokedBy) {
        String id = UUID.randomUUID().toString();
        ObjectNode run = ref.deepCopy();
        run.put("runId", id);
        String group = SimDataset.text(ref, "runGroupId");
        run.put("runGroupId", recovery ? (group == null ? SimDataset.text(ref, "runId") : group) : id);
        run.put("isLatest", true);
        run.put("runStart", start.toString());
        run.put("runEnd", end.toString());
        run.put("lastUpdated", end.toString());
        run.put("durationInMs", Duration.between(start, end).toMillis());
        run.put("status", outcome);
        run.put("message", "Succeeded".equals(outcome) ? "" : SimDataset.text(ref, "message") == null ? ""
                : SimDataset.text(ref, "message"));
        if (invokedBy == null) {
            ObjectNode by = run.putObject("invokedBy");
            by.put("name", "Manual");
            by.put("id", UUID.randomUUID().toString().replace("-", ""));
            by.put("invokedByType", "Manual");
        } else {
            run.set("invokedBy", invokedBy);
        }

        List<ObjectNode> refActivities = new ArrayList<>();
        for (ObjectNode a : dataset.activityRuns(SimDataset.text(ref, "runId"))) {
            ObjectNode now = RunViews.activityAsOf(a, clock.instant());
            if (now != null) {
                refActivities.add(now);
            }
        }
        refActivities.sort(Comparator.comparing(a -> orEpoch(SimDataset.time(a, "activityRunStart"))));
        List<ObjectNode> again = new ArrayList<>();
        boolean reached = startActivity == null || startActivity.isBlank();
        for (ObjectNode a : refActivities) {
            reached = reached || startActivity.equalsIgnoreCase(SimDataset.text(a, "activityName"));
            boolean succeeded = "Succeeded".equals(SimDataset.text(a, "status"));
            if (reached && !(fromFailure && succeeded)) {
                again.add(a);
            }
        }
        List<ObjectNode> activities = new ArrayList<>();
        long slot = Math.max(1, Duration.between(start, end).toMillis() / Math.max(1, again.size()));
        for (int i = 0; i < again.size(); i++) {
            ObjectNode old = again.get(i);
            ObjectNode a = old.deepCopy();
            Instant aStart = start.plusMillis(slot * i);
            Instant aEnd = i == again.size() - 1 ? end : aStart.plusMillis(slot);
            a.put("activityRunId", UUID.randomUUID().toString());
            a.put("pipelineRunId", id);
            a.put("activityRunStart", aStart.toString());
            a.put("activityRunEnd", aEnd.toString());
            a.put("durationInMs", Duration.between(aStart, aEnd).toMillis());
            boolean failsAgain = "Failed".equals(outcome) && "Failed".equals(SimDataset.text(old, "status"));
            a.put("status", failsAgain ? "Failed" : "Succeeded");
            if (!failsAgain) {
                ObjectNode err = a.putObject("error");
                err.put("errorCode", "");
                err.put("message", "");
                err.put("failureType", "");
                err.put("target", SimDataset.text(old, "activityName"));
            }
            JsonNode output = old.get("output");
            String childId = output == null ? null : SimDataset.text(output, "pipelineRunId");
            ObjectNode child = childId == null ? null : dataset.run(childId);
            if (child != null) {
                ObjectNode by = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                by.put("name", SimDataset.text(old, "activityName"));
                by.put("id", SimDataset.text(a, "activityRunId"));
                by.put("invokedByType", "PipelineActivity");
                by.put("pipelineName", SimDataset.text(run, "pipelineName"));
                by.put("pipelineRunId", id);
                String childOutcome = failsAgain ? "Failed" : "Succeeded";
                String newChild = start(RunViews.asOf(child, clock.instant()) == null ? child
                        : RunViews.asOf(child, clock.instant()), false, fromFailure, null,
                        childOutcome, aStart, aEnd, by);
                ((ObjectNode) a.with("output")).put("pipelineRunId", newChild);
            }
            activities.add(a);
        }
        dataset.add(run, activities);
        return id;
    }

    /** Cancel: a running run ends now as Cancelled (recursive: its child runs too); a finished one is left alone. */
    synchronized void cancel(String runId, boolean recursive) {
        Instant now = clock.instant();
        ObjectNode stored = dataset.run(runId);
        ObjectNode visible = stored == null ? null : RunViews.asOf(stored, now);
        if (visible == null) {
            throw new Refused(404, "PipelineRunNotFound", "Pipeline run '" + runId + "' was not found.");
        }
        String status = SimDataset.text(visible, "status");
        if (!"InProgress".equals(status) && !"Queued".equals(status)) {
            return;
        }
        ObjectNode run = stored.deepCopy();
        run.put("status", "Cancelled");
        run.put("runEnd", now.toString());
        run.put("lastUpdated", now.toString());
        Instant start = SimDataset.time(stored, "runStart");
        run.put("durationInMs", start == null ? 0 : Duration.between(start, now).toMillis());
        run.put("message", "The pipeline run was cancelled.");
        List<ObjectNode> activities = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (ObjectNode a : dataset.activityRuns(runId)) {
            Instant aStart = SimDataset.time(a, "activityRunStart");
            if (aStart != null && aStart.isAfter(now)) {
                continue;
            }
            Instant aEnd = SimDataset.time(a, "activityRunEnd");
            if (aEnd == null || aEnd.isAfter(now)) {
                ObjectNode c = a.deepCopy();
                c.put("status", "Cancelled");
                c.put("activityRunEnd", now.toString());
                c.put("durationInMs", aStart == null ? 0 : Duration.between(aStart, now).toMillis());
                ObjectNode err = c.putObject("error");
                err.put("errorCode", "");
                err.put("message", "");
                err.put("failureType", "");
                err.put("target", SimDataset.text(a, "activityName"));
                activities.add(c);
            } else {
                activities.add(a);
            }
            JsonNode output = a.get("output");
            String child = output == null ? null : SimDataset.text(output, "pipelineRunId");
            if (child != null) {
                children.add(child);
            }
        }
        dataset.replace(run, activities);
        if (recursive) {
            for (String child : children) {
                ObjectNode c = dataset.run(child);
                if (c != null && RunViews.asOf(c, now) != null) {
                    cancel(child, true);
                }
            }
        }
    }

    private static Instant orEpoch(Instant t) {
        return t == null ? Instant.EPOCH : t;
    }
}
