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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data a simulated factory serves: ADF-shaped PipelineRun and ActivityRun JSON objects, kept verbatim, or a
 * generated factory held compactly ({@link GeneratedFactory}). Format of a dataset file: {@code {"factory": NAME,
 * "pipelineRuns": [...], "activityRuns": [...]}}, optionally {@code "reruns": {PIPELINE: "Succeeded" | "Failed"}}: how a
 * rerun of that pipeline ends, and {@code "definitions": {...}}: the factory's definitions in ADF's shapes (see
 * {@link SimDefinitions}); or {@code {"generate": {...}}} (see {@link GeneratedFactory.Spec}). The runs are kept
 * sorted ({@link RunTable}) so a page costs a binary search plus the page.
 */
public final class SimDataset {

    private final String factory;
    private final RunTable table;
    private final Map<String, String> rerunOutcomes;
    private volatile JsonNode definitions;

    public SimDataset(String factory, List<ObjectNode> pipelineRuns, List<ObjectNode> activityRuns) {
        this(factory, pipelineRuns, activityRuns, Map.of());
    }

    /**
     * @param rerunOutcomes the dataset's script for reruns: pipeline name -> the status a rerun of it ends with
     *                      ({@code Succeeded} or {@code Failed}); pipelines not named follow the server's setting
     */
    public SimDataset(String factory, List<ObjectNode> pipelineRuns, List<ObjectNode> activityRuns,
                      Map<String, String> rerunOutcomes) {
        this(factory, new ExplicitRuns(pipelineRuns, activityRuns), rerunOutcomes);
    }

    SimDataset(String factory, SimRuns runs, Map<String, String> rerunOutcomes) {
        if (factory == null || factory.isBlank()) {
            throw new IllegalArgumentException("dataset: \"factory\" must name the factory");
        }
        this.factory = factory;
        this.rerunOutcomes = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : rerunOutcomes.entrySet()) {
            if (!"Succeeded".equals(e.getValue()) && !"Failed".equals(e.getValue())) {
                throw new IllegalArgumentException("dataset: \"reruns\" values must be Succeeded or Failed; got "
                        + abbreviate(new com.fasterxml.jackson.databind.node.TextNode(String.valueOf(e.getValue()))));
            }
            this.rerunOutcomes.put(e.getKey(), e.getValue());
        }
        this.table = new RunTable(runs);
    }

    /** A generated factory (see {@link GeneratedFactory.Spec}); its history ends at the spec's end, else at {@code now}. */
    public static SimDataset generate(GeneratedFactory.Spec spec, Instant now) {
        GeneratedFactory g = GeneratedFactory.generate(spec, now);
        return new SimDataset(g.factory(), g, Map.of());
    }

    /** Adds a run and its activity runs (a run started through Create Run). */
    void add(ObjectNode run, List<ObjectNode> activities) {
        table.put(run, activities);
    }

    /** Replaces a run and its activity runs (a cancelled run): its lastUpdated moves, the sorted structures follow. */
    void replace(ObjectNode run, List<ObjectNode> activities) {
        table.put(run, activities);
    }

    RunTable table() {
        return table;
    }

    /** The status the dataset's script gives a rerun of {@code pipeline}, if it names one. */
    public java.util.Optional<String> rerunOutcome(String pipeline) {
        return java.util.Optional.ofNullable(rerunOutcomes.get(pipeline));
    }

    /** Reads a dataset file; the message of the exception says what is wrong with it. A generated one ends now. */
    public static SimDataset load(Path file, ObjectMapper json) {
        return load(file, json, Instant.now());
    }

    /**
     * Reads a dataset file: explicit runs, or {@code {"generate": {...}}} whose history ends at its {@code end}, else at
     * {@code now}. The message of the exception says what is wrong with it.
     */
    public static SimDataset load(Path file, ObjectMapper json, Instant now) {
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
        if (root.has("generate")) {
            return generate(GeneratedFactory.Spec.parse(root.get("generate")), now);
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
        JsonNode defs = root.get("definitions");
        if (defs != null && !defs.isNull()) {
            SimDefinitions.parse(defs, json);
            // A Copy that names no runtime ran where its linked service connects via: one name per runtime.
            LinkedRuntimes.of(defs).fill(acts);
        }
        SimDataset dataset = new SimDataset(factory, runs, acts, reruns);
        if (defs != null && !defs.isNull()) {
            dataset.definitions = defs;
        }
        return dataset;
    }

    /**
     * The dataset's {@code "definitions"} section as written (ADF's JSON of pipelines, datasets, linked services,
     * triggers, integration runtimes and trigger runs; see {@link SimDefinitions}), or null when it has none.
     */
    JsonNode definitions() {
        return definitions;
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

    /**
     * Every run as stored, the starting ones first, then those written since (a replaced run by its newest version
     * only). A generated factory makes each on demand: iterate it, do not hold it.
     */
    public List<ObjectNode> pipelineRuns() {
        return table.all();
    }

    public ObjectNode run(String runId) {
        return table.run(runId);
    }

    public List<ObjectNode> activityRuns(String runId) {
        return table.activities(runId);
    }

    /** The activity runs the factory started with (those of runs written since are not counted). */
    public long activityRunCount() {
        return table.base().activityRunCount();
    }

    /** The pipelines that have runs. */
    public java.util.Set<String> pipelineNames() {
        return table.pipelineNames();
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
        Instant fast = utc(s);
        if (fast != null) {
            return fast;
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

    /**
     * ADF's own form, {@code 2026-11-26T02:03:10.5555555Z} (any fraction, or none), read without a formatter: a page
     * reads a few times of each of its runs. Null for anything else (the caller's parsers then decide).
     */
    static Instant utc(String s) {
        int len = s.length();
        if (len < 20 || len > 30 || s.charAt(len - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (len > 20) {
            int digits = len - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nanos = digits(s, 20, len - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
