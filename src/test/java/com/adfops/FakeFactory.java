package com.adfops;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.BillableDuration;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Data Factory in memory with runs whose billing the test states, counting every activity-run read (per run, and in
 * the order made): for figures a test computes by hand, over thousands of runs, without HTTP.
 */
public final class FakeFactory implements DataFactory {

    public final FactoryRef factory;
    private final List<PipelineRun> runs = new CopyOnWriteArrayList<>();
    private final Map<String, List<ActivityRun>> activities = new ConcurrentHashMap<>();
    /** Activity-run reads per run id. */
    public final Map<String, AtomicInteger> readsOf = new ConcurrentHashMap<>();
    /** Run ids in the order their activity runs were read. */
    public final List<String> readOrder = new CopyOnWriteArrayList<>();
    /** Runs listed from Data Factory (pipeline-run queries). */
    public final AtomicInteger queries = new AtomicInteger();
    private volatile Runnable onRead = () -> { };
    private final Map<String, RuntimeException> failing = new ConcurrentHashMap<>();

    public FakeFactory(String name) {
        this.factory = new FactoryRef("sub-1", "rg-1", name);
    }

    /**
     * A finished run of {@code pipeline} from {@code start} taking {@code seconds}, with one activity run per billing
     * entry ({@code DataMovement/AzureIR/DIUHours/0.2}) and {@code unbilled} activity runs without billing.
     */
    public PipelineRun run(String id, String pipeline, Instant start, int seconds, RunStatus status, int unbilled,
                           BillableDuration... billed) {
        Instant end = start.plusSeconds(seconds);
        PipelineRun r = new PipelineRun(factory, id, pipeline, status, "", start, end, end, seconds * 1000L, Map.of(),
                "ScheduleTrigger", "tr", null, null, null);
        List<ActivityRun> acts = new ArrayList<>();
        int n = 0;
        for (BillableDuration b : billed) {
            acts.add(activity(r, "Copy " + (++n), "Copy", List.of(b)));
        }
        for (int i = 0; i < unbilled; i++) {
            acts.add(activity(r, "Set " + (++n), "SetVariable", List.of()));
        }
        runs.add(r);
        activities.put(id, List.copyOf(acts));
        return r;
    }

    private static ActivityRun activity(PipelineRun r, String name, String type, List<BillableDuration> billing) {
        return new ActivityRun(r.runId(), r.pipelineName(), r.runId() + "-" + name, name, type, RunStatus.SUCCEEDED,
                r.runStart(), r.runEnd(), 1000L, new ActivityError("", "", "", ""), null, null, null, null, "AutoResolveIntegrationRuntime",
                Map.of(), billing);
    }

    /** Runs before each activity-run read (to block or observe it). */
    public void onRead(Runnable r) {
        this.onRead = r;
    }

    /** Reads of the run's activity runs throw {@code e} (null: read again); each try counts as a read. */
    public void failReadsOf(String runId, RuntimeException e) {
        if (e == null) {
            failing.remove(runId);
        } else {
            failing.put(runId, e);
        }
    }

    /** Activity-run reads of all runs. */
    public int reads() {
        return readsOf.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public List<FactoryRef> factories() {
        return List.of(factory);
    }

    @Override
    public List<String> listPipelineNames(FactoryRef f) {
        return runs.stream().map(PipelineRun::pipelineName).distinct().sorted().toList();
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef f, RunQuery q) {
        queries.incrementAndGet();
        return runs.stream()
                .filter(r -> !r.lastUpdated().isBefore(q.from()) && r.lastUpdated().isBefore(q.to()))
                .filter(r -> q.pipelineNames().isEmpty() || q.pipelineNames().contains(r.pipelineName()))
                .filter(r -> q.statuses().isEmpty() || q.statuses().contains(r.status()))
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed())
                .limit(q.maxRuns()).toList();
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef f, PipelineRun run) {
        onRead.run();
        readsOf.computeIfAbsent(run.runId(), k -> new AtomicInteger()).incrementAndGet();
        readOrder.add(run.runId());
        RuntimeException failure = failing.get(run.runId());
        if (failure != null) {
            throw failure;
        }
        return activities.getOrDefault(run.runId(), List.of());
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef f, String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }
}
