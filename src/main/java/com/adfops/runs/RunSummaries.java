package com.adfops.runs;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs turned into the facts both agents and the model's tools state: which pipelines are failing or recovered in a
 * window, and one pipeline's health. One place, so the offline answer, the Foundry tool output and the cards agree.
 *
 * <p>A run and its manual reruns share a run group ({@code runGroupId}); a group is judged by what happened last:
 * a failed run rerun successfully has recovered, one whose rerun was cancelled or is still running has not, and a
 * group counts as one failure however often it was rerun.
 */
public final class RunSummaries {

    /** Longest one-line error on a failing row. */
    static final int SHORT_ERROR = 160;

    private RunSummaries() {
    }

    /**
     * One run group: the runs of one original run and its reruns, oldest first.
     *
     * @param failure the group's latest failed run, or null when none failed
     * @param latest  the group's latest run
     */
    public record Group(List<PipelineRun> runs, PipelineRun failure, PipelineRun latest) {

        /** Failed, and no later run of the group succeeded. */
        public boolean failed() {
            return failure != null && latest.status() != RunStatus.SUCCEEDED;
        }

        public boolean succeeded() {
            return latest.status() == RunStatus.SUCCEEDED;
        }

        /** The latest rerun after the failure that did not succeed (cancelled, running, failed again), or null. */
        public PipelineRun pendingRerun() {
            return failed() && latest != failure ? latest : null;
        }

        public Instant time() {
            return latest.sortTime();
        }
    }

    /** The run groups of one pipeline's runs, newest group first. */
    public static List<Group> groups(List<PipelineRun> runs) {
        Map<String, List<PipelineRun>> byGroup = new LinkedHashMap<>();
        for (PipelineRun r : runs) {
            byGroup.computeIfAbsent(r.rerunOf() != null ? r.rerunOf() : r.runId(), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        for (List<PipelineRun> g : byGroup.values()) {
            g.sort(Comparator.comparing(PipelineRun::sortTime));
            PipelineRun failure = null;
            for (PipelineRun r : g) {
                if (r.status() == RunStatus.FAILED) {
                    failure = r;
                }
            }
            groups.add(new Group(List.copyOf(g), failure, g.get(g.size() - 1)));
        }
        groups.sort(Comparator.comparing(Group::time).reversed());
        return groups;
    }

    /** A pipeline of a factory, as runs are grouped by it (the names' own hashes, no string built per run). */
    private record PipelineOf(String factory, String pipeline) {
    }

    /** Groups runs by pipeline: failing when the latest finished run group failed, recovered when one succeeded since. */
    public static FailingSummary failing(AdfTools.RunsResult result) {
        Map<PipelineOf, List<PipelineRun>> byPipeline = new LinkedHashMap<>();
        int failedRuns = 0;
        int active = 0;
        for (PipelineRun r : result.runs()) {
            byPipeline.computeIfAbsent(new PipelineOf(r.factory().factoryName(), r.pipelineName()), k -> new ArrayList<>())
                    .add(r);
            if (r.status() == RunStatus.FAILED) {
                failedRuns++;
            }
            if (r.status().isActive()) {
                active++;
            }
        }
        List<FailingSummary.Row> failing = new ArrayList<>();
        List<FailingSummary.Recovered> recovered = new ArrayList<>();
        for (List<PipelineRun> runs : byPipeline.values()) {
            List<Group> groups = groups(runs);
            Group lastFailed = groups.stream().filter(Group::failed).findFirst().orElse(null);
            Group lastRecoveredGroup = groups.stream().filter(g -> g.failure() != null && g.succeeded()).findFirst().orElse(null);
            Group lastSuccess = groups.stream().filter(Group::succeeded).findFirst().orElse(null);
            if (lastFailed == null) {
                if (lastRecoveredGroup != null) {
                    // Every failure in the window was rerun successfully.
                    recovered.add(new FailingSummary.Recovered(lastRecoveredGroup.failure().pipelineName(),
                            lastRecoveredGroup.failure().factory().factoryName(), lastRecoveredGroup.failure(),
                            lastSuccess.latest()));
                }
                continue;
            }
            PipelineRun lastFailure = lastFailed.failure();
            if (lastSuccess != null && lastSuccess.time().isAfter(lastFailed.time())) {
                recovered.add(new FailingSummary.Recovered(lastFailure.pipelineName(),
                        lastFailure.factory().factoryName(), lastFailure, lastSuccess.latest()));
            } else {
                int failures = (int) groups.stream().filter(g -> g.failure() != null).count();
                failing.add(new FailingSummary.Row(lastFailure.pipelineName(), lastFailure.factory().factoryName(),
                        lastFailure, failures, ErrorText.summary(lastFailure.message(), SHORT_ERROR),
                        lastFailure.parentPipeline(), lastFailed.pendingRerun()));
            }
        }
        failing = foldChildren(failing, result.runs());
        failing.sort(Comparator.comparing((FailingSummary.Row r) -> failedAt(r.lastFailure())).reversed());
        recovered.sort(Comparator.comparing((FailingSummary.Recovered r) -> r.lastSuccess().sortTime()).reversed());
        return new FailingSummary(result.window(), result.factories().stream().map(FactoryRef::factoryName).toList(),
                result.runs().size(), failedRuns, failing, recovered, active, result.freshness());
    }

    /**
     * One row per incident: a failing row whose failed run was started (at any depth, through Execute Pipeline) by
     * another failing row's failed run is folded into that top-level row. A child whose parent run did not fail, or
     * is not in the window, keeps its own row.
     */
    static List<FailingSummary.Row> foldChildren(List<FailingSummary.Row> rows, List<PipelineRun> runs) {
        Map<String, PipelineRun> byId = new java.util.HashMap<>();
        for (PipelineRun r : runs) {
            byId.put(r.runId(), r);
        }
        Map<String, Integer> rowOfFailure = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOfFailure.put(rows.get(i).lastFailure().runId(), i);
        }
        Map<Integer, List<PipelineRun>> foldedInto = new LinkedHashMap<>();
        java.util.Set<Integer> folded = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            PipelineRun child = rows.get(i).lastFailure();
            Integer top = null;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String parent = child.parentRunId(); parent != null && seen.add(parent); ) {
                Integer at = rowOfFailure.get(parent);
                if (at != null) {
                    top = at;
                }
                PipelineRun p = byId.get(parent);
                parent = p == null ? null : p.parentRunId();
            }
            if (top != null && top != i) {
                folded.add(i);
                foldedInto.computeIfAbsent(top, k -> new ArrayList<>()).add(child);
            }
        }
        List<FailingSummary.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (folded.contains(i)) {
                continue;
            }
            List<PipelineRun> children = foldedInto.getOrDefault(i, List.of());
            out.add(children.isEmpty() ? rows.get(i)
                    : rows.get(i).withFolded(children.stream().sorted(Comparator.comparing(PipelineRun::sortTime)).toList()));
        }
        return out;
    }

    /** One pipeline's health from its runs in a window (runs of other pipelines are ignored). */
    public static PipelineStatus status(String pipeline, AdfTools.RunsResult result) {
        List<PipelineRun> runs = result.runs().stream().filter(x -> x.pipelineName().equalsIgnoreCase(pipeline))
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed()).toList();
        List<Group> groups = groups(runs);
        PipelineRun latest = runs.isEmpty() ? null : runs.get(0);
        Group lastSuccessGroup = groups.stream().filter(Group::succeeded).findFirst().orElse(null);
        Group lastFailedGroup = groups.stream().filter(g -> g.failure() != null).findFirst().orElse(null);
        int ok = (int) groups.stream().filter(Group::succeeded).count();
        int bad = (int) groups.stream().filter(Group::failed).count();
        String factory = latest != null ? latest.factory().factoryName()
                : result.factories().isEmpty() ? "" : result.factories().get(0).factoryName();
        return new PipelineStatus(pipeline, factory, result.window(), latest,
                lastSuccessGroup == null ? null : lastSuccessGroup.latest(),
                lastFailedGroup == null ? null : lastFailedGroup.failure(), ok, bad, groups.size() - ok - bad,
                runs.stream().limit(5).toList(), lastFailedGroup == null ? null : lastFailedGroup.pendingRerun(),
                result.freshness());
    }

    /** When a run failed: its end, else its start. */
    public static Instant failedAt(PipelineRun r) {
        return r.runEnd() != null ? r.runEnd() : r.sortTime();
    }
}
