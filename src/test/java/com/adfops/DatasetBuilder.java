package com.adfops;

import com.adfops.sim.SimDataset;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds ADF-shaped datasets (PipelineRun / ActivityRun JSON exactly as ADF returns them) for tests. */
public final class DatasetBuilder {

    private final String factory;
    private final List<ObjectNode> runs = new ArrayList<>();
    private final List<ObjectNode> activities = new ArrayList<>();

    public DatasetBuilder(String factory) {
        this.factory = factory;
    }

    public final class Run {
        final ObjectNode node;
        final Instant start;

        Run(ObjectNode node, Instant start) {
            this.node = node;
            this.start = start;
        }

        public String id() {
            return node.get("runId").asText();
        }

        /** The run's JSON, for tests that shape it beyond the builder. */
        public ObjectNode node() {
            return node;
        }

        /** Adds an activity run starting {@code offsetSec} after the run start, lasting {@code seconds}. */
        public Run activity(String name, String type, int offsetSec, int seconds, String status,
                            String errorCode, String message) {
            ObjectNode a = TestSim.JSON.createObjectNode();
            a.put("activityRunEnd", Instant.ofEpochMilli(start.plusSeconds(offsetSec + seconds).toEpochMilli()).toString());
            a.put("activityName", name);
            a.put("activityRunStart", start.plusSeconds(offsetSec).toString());
            a.put("activityType", type);
            a.put("durationInMs", seconds * 1000L);
            a.put("status", status);
            a.put("pipelineName", node.get("pipelineName").asText());
            a.put("pipelineRunId", id());
            a.put("activityRunId", UUID.randomUUID().toString());
            a.put("linkedServiceName", "");
            a.putObject("input");
            a.putObject("output");
            ObjectNode err = a.putObject("error");
            err.put("errorCode", errorCode == null ? "" : errorCode);
            err.put("message", message == null ? "" : message);
            err.put("failureType", errorCode == null ? "" : "UserError");
            err.put("target", name);
            a.putArray("userProperties");
            activities.add(a);
            return this;
        }

        /** Adds a failed Execute Pipeline activity pointing at {@code child}. */
        public Run executePipeline(String name, int offsetSec, int seconds, Run child, String status) {
            activity(name, "ExecutePipeline", offsetSec, seconds, status,
                    "Failed".equals(status) ? "2200" : null,
                    "Failed".equals(status) ? "Operation on target failed in " + child.node.get("pipelineName").asText() : null);
            ObjectNode out = (ObjectNode) activities.get(activities.size() - 1).get("output");
            out.put("pipelineName", child.node.get("pipelineName").asText());
            out.put("pipelineRunId", child.id());
            return this;
        }

        /** Adds ADF's {@code output.billingReference} to the activity run added last. */
        public Run billed(String activityType, String meterType, double duration, String unit) {
            ObjectNode ref = ((ObjectNode) activities.get(activities.size() - 1).get("output")).putObject("billingReference");
            ref.put("activityType", activityType);
            ObjectNode d = ref.putArray("billableDuration").addObject();
            d.put("meterType", meterType);
            d.put("duration", duration);
            d.put("unit", unit);
            return this;
        }

        /**
         * Adds a Copy's {@code executionDetails} (one entry: queue, reading and writing working times in seconds, DIU,
         * parallel copies, the sink's throttled writes) and, with {@code tipRule} non-null, one
         * {@code perfRecommendation} to the activity run added last.
         */
        public Run copyProfile(int queueSec, int readingSec, int writingSec, int diu, int parallel, int throttled,
                               String tipRule, String tip, String url) {
            ObjectNode out = (ObjectNode) activities.get(activities.size() - 1).get("output");
            out.put("usedDataIntegrationUnits", diu);
            out.put("usedParallelCopies", parallel);
            ObjectNode e = out.putArray("executionDetails").addObject();
            e.putObject("source").put("type", "SqlServer");
            ObjectNode sink = e.putObject("sink").put("type", "AzureBlobFS");
            if (throttled > 0) {
                sink.put("throttlingErrors", throttled);
            }
            ObjectNode profile = e.putObject("profile");
            profile.putObject("queue").put("status", "Completed").put("duration", queueSec);
            ObjectNode details = profile.putObject("transfer").put("status", "Completed")
                    .put("duration", Math.max(readingSec, writingSec)).putObject("details");
            details.putObject("readingFromSource").put("type", "SqlServer").put("workingDuration", readingSec);
            details.putObject("writingToSink").put("type", "AzureBlobFS").put("workingDuration", writingSec);
            if (tipRule != null) {
                out.putArray("perfRecommendation").addObject().put("Tip", tip).put("ReferUrl", url).put("RuleName", tipRule);
            }
            return this;
        }

        /** Adds an entry to the input of the activity run added last ({@code source.query} puts {query} under source). */
        public Run input(String key, String value) {
            ObjectNode in = (ObjectNode) activities.get(activities.size() - 1).get("input");
            int dot = key.indexOf('.');
            if (dot > 0) {
                ObjectNode inner = in.has(key.substring(0, dot)) ? (ObjectNode) in.get(key.substring(0, dot))
                        : in.putObject(key.substring(0, dot));
                inner.put(key.substring(dot + 1), value);
            } else {
                in.put(key, value);
            }
            return this;
        }

        public Run message(String m) {
            node.put("message", m);
            return this;
        }

        /** Makes this run a manual rerun of {@code original}: same run group, and the original is no longer the latest. */
        public Run rerunOf(Run original) {
            node.put("runGroupId", original.node.get("runGroupId").asText());
            original.node.put("isLatest", false);
            ((ObjectNode) node.get("invokedBy")).put("name", "Manual").put("invokedByType", "Manual");
            return this;
        }

        public Run parameter(String k, String v) {
            ((ObjectNode) node.get("parameters")).put(k, v);
            return this;
        }
    }

    public Run run(String pipeline, Instant start, int seconds, String status) {
        return run(pipeline, start, seconds, status, null);
    }

    /** A run; {@code parent} makes it a child started by an Execute Pipeline activity. */
    public Run run(String pipeline, Instant start, int seconds, String status, Run parent) {
        ObjectNode r = TestSim.JSON.createObjectNode();
        String id = UUID.randomUUID().toString();
        r.put("runId", id);
        r.put("runGroupId", id);
        r.put("isLatest", true);
        r.put("pipelineName", pipeline);
        r.putObject("parameters");
        ObjectNode by = r.putObject("invokedBy");
        if (parent != null) {
            by.put("name", "Execute " + pipeline);
            by.put("id", UUID.randomUUID().toString());
            by.put("invokedByType", "PipelineActivity");
            by.put("pipelineName", parent.node.get("pipelineName").asText());
            by.put("pipelineRunId", parent.id());
        } else {
            by.put("name", "Manual");
            by.put("id", UUID.randomUUID().toString());
            by.put("invokedByType", "Manual");
        }
        r.put("runStart", start.toString());
        boolean ended = !status.equals("InProgress") && !status.equals("Queued");
        if (ended) {
            r.put("runEnd", start.plusSeconds(seconds).toString());
            r.put("durationInMs", seconds * 1000L);
        }
        r.put("lastUpdated", start.plusSeconds(ended ? seconds : 0).toString());
        r.put("status", status);
        r.put("message", "");
        runs.add(r);
        return new Run(r, start);
    }

    public SimDataset build() {
        return new SimDataset(factory, runs, activities);
    }

    /** The dataset file format: {@code {"factory", "pipelineRuns", "activityRuns"}}. */
    public ObjectNode toJson() {
        ObjectNode root = TestSim.JSON.createObjectNode();
        root.put("factory", factory);
        ArrayNode r = root.putArray("pipelineRuns");
        runs.forEach(r::add);
        ArrayNode a = root.putArray("activityRuns");
        activities.forEach(a::add);
        return root;
    }

    public Path writeTo(Path file) {
        try {
            Files.writeString(file, TestSim.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
