package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs read from a dataset file (or built in code), held verbatim as ADF JSON. */
final class ExplicitRuns implements SimRuns {

    private final List<ObjectNode> runs;
    private final long[] start;
    private final long[] end;
    private final long[] updated;
    private final int[] pipeline;
    private final int[] status;
    private final List<String> pipelineNames;
    private final List<String> statusNames;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<String, List<ObjectNode>> activities;
    private final long activityRunCount;

    /** @throws IllegalArgumentException when a run or activity run lacks its identifying fields */
    ExplicitRuns(List<ObjectNode> pipelineRuns, List<ObjectNode> activityRuns) {
        this.runs = List.copyOf(pipelineRuns);
        int n = runs.size();
        start = new long[n];
        end = new long[n];
        updated = new long[n];
        pipeline = new int[n];
        status = new int[n];
        Map<String, Integer> pipelines = new LinkedHashMap<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ObjectNode r = runs.get(i);
            String id = SimDataset.text(r, "runId");
            String name = SimDataset.text(r, "pipelineName");
            String st = SimDataset.text(r, "status");
            if (id == null || name == null || st == null) {
                throw new IllegalArgumentException(
                        "dataset: every pipeline run needs runId, pipelineName and status; got " + SimDataset.abbreviate(r));
            }
            // A later run with the same id wins, as a map would have it.
            slots.put(id, i);
            start[i] = SimRuns.micros(SimDataset.time(r, "runStart"));
            end[i] = SimRuns.micros(SimDataset.time(r, "runEnd"));
            long lu = SimRuns.micros(SimDataset.time(r, "lastUpdated"));
            updated[i] = lu != NONE ? lu : end[i] != NONE ? end[i] : start[i];
            pipeline[i] = pipelines.computeIfAbsent(name, k -> pipelines.size());
            status[i] = statuses.computeIfAbsent(st, k -> statuses.size());
        }
        this.pipelineNames = List.copyOf(pipelines.keySet());
        this.statusNames = List.copyOf(statuses.keySet());
        Map<String, List<ObjectNode>> byRun = new HashMap<>();
        for (ObjectNode a : activityRuns) {
            String runId = SimDataset.text(a, "pipelineRunId");
            if (runId == null || SimDataset.text(a, "activityName") == null) {
                throw new IllegalArgumentException(
                        "dataset: every activity run needs pipelineRunId and activityName; got " + SimDataset.abbreviate(a));
            }
            byRun.computeIfAbsent(runId, k -> new ArrayList<>()).add(a);
        }
        byRun.replaceAll((k, v) -> Collections.unmodifiableList(v));
        this.activities = byRun;
        this.activityRunCount = activityRuns.size();
    }

    @Override
    public int size() {
        return runs.size();
    }

    @Override
    public long start(int slot) {
        return start[slot];
    }

    @Override
    public long end(int slot) {
        return end[slot];
    }

    @Override
    public long updated(int slot) {
        return updated[slot];
    }

    @Override
    public int pipeline(int slot) {
        return pipeline[slot];
    }

    @Override
    public List<String> pipelineNames() {
        return pipelineNames;
    }

    @Override
    public int status(int slot) {
        return status[slot];
    }

    @Override
    public List<String> statusNames() {
        return statusNames;
    }

    @Override
    public ObjectNode json(int slot) {
        return runs.get(slot);
    }

    @Override
    public List<ObjectNode> activities(int slot) {
        return activities.getOrDefault(SimDataset.text(runs.get(slot), "runId"), List.of());
    }

    @Override
    public int slotOf(String runId) {
        Integer s = runId == null ? null : slots.get(runId);
        return s == null ? -1 : s;
    }

    @Override
    public long activityRunCount() {
        return activityRunCount;
    }
}
