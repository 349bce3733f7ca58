package com.adfops.diagnosis;

import com.adfops.runs.AdfTools;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Diagnoses a failed run: collects its failed activities in execution order, follows Execute Pipeline
 * activities into their child runs and attributes activities to the ForEach/Until/If/Switch that ran them,
 * then names the deepest failed non-container activity as the likely root cause.
 */
public final class Diagnoser {

    /** Depth of nested pipelines followed at most. */
    static final int MAX_DEPTH = 6;
    /** Child runs fetched at most per diagnosis. */
    static final int MAX_CHILD_RUNS = 12;
    /** Failed activities listed at most. */
    static final int MAX_LISTED = 25;

    private final DataFactory adf;
    private final AdfTools tools;

    /** A diagnoser over the factories the run queries cover. */
    public Diagnoser(AdfTools tools) {
        this(tools.dataFactory(), tools);
    }

    public Diagnoser(DataFactory adf) {
        this(adf, null);
    }

    private Diagnoser(DataFactory adf, AdfTools tools) {
        this.tools = tools;
        this.adf = adf;
    }

    /** The diagnosis of one run, found in any configured factory ({@code adf_pipeline_activity_runs}). */
    public java.util.Optional<Diagnosis> find(String runId, String factory) {
        return tools.findRun(runId, factory).map(l -> diagnose(l.factory(), l.run()));
    }

    /** Diagnoses a run already at hand (saves one lookup). */
    public Diagnosis diagnose(PipelineRun run) {
        return diagnose(run.factory(), run);
    }

    public Diagnosis diagnose(FactoryRef factory, PipelineRun run) {
        Walk walk = new Walk(factory);
        walk.visit(run, 0, "");
        List<Diagnosis.FailedActivity> failed = walk.failed;
        Diagnosis.FailedActivity root = null;
        for (Diagnosis.FailedActivity f : failed) {
            if (f.activity().isContainer() && !(f.activity().isExecutePipeline() && f.activity().childRunId() == null)) {
                continue;
            }
            if (root == null || f.depth() > root.depth()) {
                root = f;
            }
        }
        if (root == null) {
            for (Diagnosis.FailedActivity f : failed) {
                if (root == null || f.depth() > root.depth()) {
                    root = f;
                }
            }
        }
        ErrorClass cls = root == null
                ? ErrorClassifier.classify(new com.adfops.adf.ActivityError("", run.message(), "", ""), "")
                : ErrorClassifier.classify(root.activity().error(), root.activity().activityType());
        boolean truncated = failed.size() > MAX_LISTED;
        List<Diagnosis.FailedActivity> listed = truncated ? List.copyOf(failed.subList(0, MAX_LISTED)) : List.copyOf(failed);
        if (truncated && root != null && !listed.contains(root)) {
            List<Diagnosis.FailedActivity> l = new ArrayList<>(listed.subList(0, MAX_LISTED - 1));
            l.add(root);
            listed = List.copyOf(l);
        }
        return new Diagnosis(run, listed, root, cls, walk.examined, truncated, walk.own);
    }

    private final class Walk {
        private final FactoryRef factory;
        private final List<Diagnosis.FailedActivity> failed = new ArrayList<>();
        private final Set<String> visitedRuns = new HashSet<>();
        private int childRuns;
        private int examined;
        /** The asked run's own activity runs. */
        private List<ActivityRun> own;

        Walk(FactoryRef factory) {
            this.factory = factory;
        }

        void visit(PipelineRun run, int depth, String prefix) {
            if (!visitedRuns.add(run.runId()) || depth > MAX_DEPTH) {
                return;
            }
            List<ActivityRun> acts = adf.queryActivityRuns(factory, run);
            if (depth == 0) {
                own = acts;
            }
            examined += acts.size();
            List<ActivityRun> containers = acts.stream()
                    .filter(a -> a.isContainer() && !a.isExecutePipeline() && a.start() != null)
                    .toList();
            // Group identical failures of loop iterations: same activity, same error.
            Map<String, int[]> counts = new LinkedHashMap<>();
            Map<String, ActivityRun> firstOf = new LinkedHashMap<>();
            for (ActivityRun a : acts) {
                if (a.status() != RunStatus.FAILED) {
                    continue;
                }
                String key = a.activityName() + "\u0000" + a.error().errorCode() + "\u0000" + a.error().message();
                counts.computeIfAbsent(key, k -> new int[1])[0]++;
                firstOf.putIfAbsent(key, a);
            }
            for (Map.Entry<String, ActivityRun> e : firstOf.entrySet()) {
                ActivityRun a = e.getValue();
                List<ActivityRun> chain = enclosing(a, containers);
                StringBuilder path = new StringBuilder(prefix);
                for (ActivityRun c : chain) {
                    path.append(c.activityName()).append(" › ");
                }
                path.append(a.activityName());
                int d = depth + chain.size();
                failed.add(new Diagnosis.FailedActivity(a, d, path.toString(), run.pipelineName(), run.runId(),
                        counts.get(e.getKey())[0]));
                if (a.isExecutePipeline() && a.childRunId() != null && childRuns < MAX_CHILD_RUNS) {
                    childRuns++;
                    try {
                        adf.getPipelineRun(factory, a.childRunId()).ifPresent(child -> visit(child, d + 1,
                                path + " › " + Objects.requireNonNullElse(child.pipelineName(), "child") + " › "));
                    } catch (DataFactoryException ex) {
                        if (depth == 0 && failed.size() <= 1) {
                            throw ex;
                        }
                        // A nested run that cannot be read: keep what we have; the parent still shows.
                    }
                }
            }
        }

        /** The loop/branch activities that ran {@code a}, outermost first, by time containment. */
        private List<ActivityRun> enclosing(ActivityRun a, List<ActivityRun> containers) {
            if (a.start() == null) {
                return List.of();
            }
            Instant aEnd = a.end() != null ? a.end() : a.start();
            List<ActivityRun> chain = new ArrayList<>();
            for (ActivityRun c : containers) {
                if (c == a || c.activityRunId() != null && c.activityRunId().equals(a.activityRunId())) {
                    continue;
                }
                Instant cEnd = c.end() != null ? c.end() : Instant.MAX;
                if (!a.start().isBefore(c.start()) && !aEnd.isAfter(cEnd)) {
                    chain.add(c);
                }
            }
            chain.sort((x, y) -> {
                int cmp = x.start().compareTo(y.start());
                if (cmp != 0) {
                    return cmp;
                }
                Instant xe = x.end() == null ? Instant.MAX : x.end();
                Instant ye = y.end() == null ? Instant.MAX : y.end();
                return ye.compareTo(xe);
            });
            return chain;
        }
    }
}
