package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data a simulated factory serves: ADF-shaped PipelineRun and ActivityRun JSON objects, kept verbatim.
 * Format of a dataset file: {@code {"factory": NAME, "pipelineRuns": [...], "activityRuns": [...]}}, optionally
 * {@code "reruns": {PIPELINE: "Succeeded" | "Failed"}}: how a rerun of that pipeline ends.
 */
public final class SimDataset {

    private final String factory;
    private final List<ObjectNode> pipelineRuns;
    private final Map<String, List<ObjectNode>> activityRunsByRun;
    private final Map<String, ObjectNode> runsById;
    private final Map<String, String> rerunOutcomes;

    public SimDataset(String factory, List<ObjectNode> pipelineRuns, List<ObjectNode> activityRuns) {
        this(factory, pipelineRuns, activityRuns, Map.of());
    }

    /**
     * @param rerunOutcomes the dataset's script for reruns: pipeline name -> the status a rerun of it ends with
     *                      ({@code Succeeded} or {@code Failed}); pipelines not named follow the server's setting
     */
    public SimDataset(String factory, List<ObjectNode> pipelineRuns, List<ObjectNode> activityRuns,
                      Map<String, String> rerunOutcomes) {
        if (factory == null || factory.isBlank()) {
            throw new IllegalArgumentException("dataset: \"factory\" must name the factory");
        }
        this.factory = factory;
        // Runs started through Create Run are added, cancelled ones replaced: readers see a consistent list.
        this.pipelineRuns = new java.util.concurrent.CopyOnWriteArrayList<>(pipelineRuns);
        this.rerunOutcomes = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : rerunOutcomes.entrySet()) {
            if (!"Succeeded".equals(e.getValue()) && !"Failed".equals(e.getValue())) {
                throw new IllegalArgumentException("dataset: \"reruns\" values must be Succeeded or Failed; got "
                        + abbreviate(new com.fasterxml.jackson.databind.node.TextNode(String.valueOf(e.getValue()))));
            }
            this.rerunOutcomes.put(e.getKey(), e.getValue());
        }
        this.runsById = new java.util.concurrent.ConcurrentHashMap<>();
        for (ObjectNode r : pipelineRuns) {
            String id = text(r, "runId");
            if (id == null || text(r, "pipelineName") == null || text(r, "status") == null) {
                throw new IllegalArgumentException(
                        "dataset: every pipeline run needs runId, pipelineName and status; got " + abbreviate(r));
            }
            runsById.put(id, r);
        }
        Map<String, List<ObjectNode>> byRun = new LinkedHashMap<>();
        for (ObjectNode a : activityRuns) {
            String runId = text(a, "pipelineRunId");
            if (runId == null || text(a, "activityName") == null) {
                throw new IllegalArgumentException(
                        "dataset: every activity run needs pipelineRunId and activityName; got " + abbreviate(a));
            }
            byRun.computeIfAbsent(runId, k -> new ArrayList<>()).add(a);
        }
        byRun.replaceAll((k, v) -> Collections.unmodifiableList(v));
        this.activityRunsByRun = new java.util.concurrent.ConcurrentHashMap<>(byRun);
    }

    /** Adds a run and its activity runs (a run started through Create Run). */
    synchronized void add(ObjectNode run, List<ObjectNode> activities) {
        String id = text(run, "runId");
        activityRunsByRun.put(id, List.copyOf(activities));
        runsById.put(id, run);
        pipelineRuns.add(run);
    }

    /** Replaces a run and its activity runs (a cancelled run). */
    synchronized void replace(ObjectNode run, List<ObjectNode> activities) {
        String id = text(run, "runId");
        ObjectNode old = runsById.get(id);
        activityRunsByRun.put(id, List.copyOf(activities));
        runsById.put(id, run);
        int at = old == null ? -1 : pipelineRuns.indexOf(old);
        if (at >= 0) {
            pipelineRuns.set(at, run);
        } else {
            pipelineRuns.add(run);
        }
    }

    /** The status the dataset's script gives a rerun of {@code pipeline}, if it names one. */
    public java.util.Optional<String> rerunOutcome(String pipeline) {
        return java.util.Optional.ofNullable(rerunOutcomes.get(pipeline));
    }

    /** Reads a dataset file; the message of the exception says what is wrong with it. */
    public static SimDataset load(Path file, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("dataset " + file + " could not be read as JSON: "
                    + e.getClass().getSimpleName(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("dataset " + file + ": the top level must be a JSON object");
        }
        String factory = text(root, "factory");
        List<ObjectNode> runs = objects(root.get("pipelineRuns"), "pipelineRuns");
        List<ObjectNode> acts = root.has("activityRuns") ? objects(root.get("activityRuns"), "activityRuns") : List.of();
        Map<String, String> reruns = new LinkedHashMap<>();
        JsonNode script = root.get("reruns");
        if (script != null && !script.isNull()) {
            if (!script.isObject()) {
                throw new IllegalArgumentException("dataset: \"reruns\" must be an object of pipeline name -> "
                        + "Succeeded or Failed");
            }
            script.fields().forEachRemaining(e -> reruns.put(e.getKey(), e.getValue().asText()));
        }
        return new SimDataset(factory, runs, acts, reruns);
    }

    private static List<ObjectNode> objects(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("dataset: \"" + field + "\" must be an array");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isObject()) {
                throw new IllegalArgumentException("dataset: every element of \"" + field + "\" must be an object");
            }
            out.add((ObjectNode) n);
        }
        return out;
    }

    public String factory() {
        return factory;
    }

    public List<ObjectNode> pipelineRuns() {
        return pipelineRuns;
    }

    public ObjectNode run(String runId) {
        return runsById.get(runId);
    }

    public List<ObjectNode> activityRuns(String runId) {
        return activityRunsByRun.getOrDefault(runId, List.of());
    }

    public int activityRunCount() {
        return activityRunsByRun.values().stream().mapToInt(List::size).sum();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A time field as an instant, or null if missing or unparseable. */
    static Instant time(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
