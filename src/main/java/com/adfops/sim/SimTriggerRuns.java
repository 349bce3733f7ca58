package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The trigger runs of a simulated factory: those its dataset wrote ({@code definitions.triggerRuns}), else one per
 * pipeline run a trigger started (ADF's TriggerRun shape: the firing, its trigger's type, {@code triggeredPipelines}
 * naming the run). A trigger run exists once its time has come. {@link #skipNextRun} withholds a trigger's next
 * scheduled run (a missed run); a stopped trigger's later runs are withheld until it starts again.
 */
final class SimTriggerRuns {

    /** The invokedBy types of runs a trigger started. */
    private static final Set<String> TRIGGER_TYPES = Set.of("ScheduleTrigger", "TumblingWindowTrigger",
            "BlobEventsTrigger", "CustomEventsTrigger");
    /** A run ends at most this long after it starts, for finding runs by start among runs sorted by update. */
    private static final Duration LONGEST_RUN = Duration.ofDays(2);
    /** Where a withheld run is moved: a time the factory never reaches. */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private final SimDataset dataset;
    private final SimDefinitions definitions;
    private final ObjectMapper json;
    /** Runs withheld because their trigger was stopped, by run id: they come back when it starts. */
    private final java.util.Map<String, ObjectNode> withheldByStop = new java.util.LinkedHashMap<>();

    SimTriggerRuns(SimDataset dataset, SimDefinitions definitions, ObjectMapper json) {
        this.dataset = dataset;
        this.definitions = definitions;
        this.json = json;
    }

    /** The trigger runs that fired in {@code [after, before)} by {@code now}, newest first. */
    List<ObjectNode> fired(Instant after, Instant before, Instant now) {
        List<ObjectNode> out = new ArrayList<>();
        List<ObjectNode> written = definitions.writtenTriggerRuns();
        if (written != null) {
            for (ObjectNode r : written) {
                Instant at = SimDataset.time(r, "triggerRunTimestamp");
                if (at != null && !at.isBefore(after) && at.isBefore(before) && !at.isAfter(now)) {
                    out.add(r);
                }
            }
        } else {
            RunTable.Prefilter window = new RunTable.Prefilter(SimRuns.micros(after),
                    SimRuns.micros(before.plus(LONGEST_RUN)), SimRuns.micros(now), null, null, true);
            for (ObjectNode run : dataset.table().window(window, r -> r)) {
                Instant start = SimDataset.time(run, "runStart");
                if (start != null && !start.isBefore(after) && start.isBefore(before) && !start.isAfter(now)) {
                    ObjectNode fired = of(run, start);
                    if (fired != null) {
                        out.add(fired);
                    }
                }
            }
        }
        out.sort(Comparator.comparing((ObjectNode r) -> SimDataset.time(r, "triggerRunTimestamp")).reversed()
                .thenComparing(r -> String.valueOf(SimDataset.text(r, "triggerRunId"))));
        return out;
    }

    /** The trigger run that started {@code run}, or null when no trigger started it. */
    private ObjectNode of(ObjectNode run, Instant start) {
        JsonNode by = run.get("invokedBy");
        String type = by == null ? null : SimDataset.text(by, "invokedByType");
        String trigger = by == null ? null : SimDataset.text(by, "name");
        if (trigger == null || !TRIGGER_TYPES.contains(type)) {
            return null;
        }
        ObjectNode defined = definitions.triggerProperties(trigger);
        String runId = SimDataset.text(run, "runId");
        ObjectNode t = json.createObjectNode();
        t.put("triggerRunId", UUID.nameUUIDFromBytes(("trigger-run:" + runId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        t.put("triggerName", trigger);
        t.put("triggerType", defined != null && SimDataset.text(defined, "type") != null ? SimDataset.text(defined, "type") : type);
        t.put("triggerRunTimestamp", start.toString());
        t.put("status", "Succeeded");
        t.put("message", "");
        ObjectNode props = t.putObject("properties");
        props.put("TriggerTime", start.toString());
        props.put("ScheduleTime", start.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        t.putObject("triggeredPipelines").put(SimDataset.text(run, "pipelineName"), runId);
        t.putObject("runDimension");
        t.putObject("dependencyStatus");
        return t;
    }

    /**
     * Withholds the next run {@code trigger} would start after {@code now} (and so its trigger run): the factory never
     * shows it, as when ADF missed a firing. The run's scheduled start, or empty when the dataset holds no later run
     * of that trigger.
     */
    synchronized Optional<Instant> skipNextRun(String trigger, Instant now) {
        List<ObjectNode> later = later(trigger, now);
        if (later.isEmpty()) {
            return Optional.empty();
        }
        withhold(later.get(0));
        return Optional.of(SimDataset.time(later.get(0), "runStart"));
    }

    /** A stopped trigger starts nothing: its runs after {@code now} are withheld until it starts again. */
    synchronized void stopped(String trigger, Instant now) {
        for (ObjectNode run : later(trigger, now)) {
            withheldByStop.put(SimDataset.text(run, "runId"), run);
            withhold(run);
        }
    }

    /** A started trigger starts its runs again: those withheld by {@link #stopped} that are still to come. */
    synchronized void started(String trigger, Instant now) {
        for (java.util.Iterator<ObjectNode> it = withheldByStop.values().iterator(); it.hasNext(); ) {
            ObjectNode run = it.next();
            JsonNode by = run.get("invokedBy");
            if (by != null && trigger.equalsIgnoreCase(SimDataset.text(by, "name"))) {
                it.remove();
                Instant start = SimDataset.time(run, "runStart");
                if (start != null && start.isAfter(now)) {
                    dataset.replace(run, dataset.activityRuns(SimDataset.text(run, "runId")));
                }
            }
        }
    }

    /** The runs {@code trigger} starts after {@code now}, earliest first. */
    private List<ObjectNode> later(String trigger, Instant now) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode run : dataset.pipelineRuns()) {
            JsonNode by = run.get("invokedBy");
            Instant start = SimDataset.time(run, "runStart");
            if (by != null && trigger.equalsIgnoreCase(SimDataset.text(by, "name")) && start != null
                    && start.isAfter(now) && start.isBefore(NEVER)) {
                out.add(run);
            }
        }
        out.sort(Comparator.comparing((ObjectNode r) -> SimDataset.time(r, "runStart")));
        return out;
    }

    /** Moves a run out of time: the factory never shows it. */
    private void withhold(ObjectNode run) {
        ObjectNode withheld = run.deepCopy();
        withheld.put("runStart", NEVER.toString());
        withheld.put("lastUpdated", NEVER.toString());
        if (withheld.hasNonNull("runEnd")) {
            withheld.put("runEnd", NEVER.toString());
        }
        dataset.replace(withheld, dataset.activityRuns(SimDataset.text(run, "runId")));
    }
}
