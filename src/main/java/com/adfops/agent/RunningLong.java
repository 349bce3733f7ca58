package com.adfops.agent;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run still in progress that has run longer than its pipeline usually takes: past the 95th percentile of the
 * pipeline's succeeded runs (at least {@link #MIN_BASELINE} of them) times {@link #MARGIN}. Flagged before it fails or
 * misses its window.
 *
 * @param run     the run in progress
 * @param elapsed how long it has run so far
 * @param usual   the pipeline's usual duration (p95 of its succeeded runs)
 */
public record RunningLong(PipelineRun run, Duration elapsed, Duration usual) {

    /** Succeeded runs needed for a baseline. */
    public static final int MIN_BASELINE = 8;
    /** How far past the p95 a run must be. */
    public static final double MARGIN = 1.25;

    /** Elapsed as a multiple of the usual duration ("running 3.1x longer than usual"). */
    public double times() {
        return usual.isZero() ? 0 : (double) elapsed.toMillis() / usual.toMillis();
    }

    /**
     * The runs in progress among {@code runs} that run long against the baseline of the same {@code runs}, longest
     * first. Only the pipelines with a run in progress get a baseline, each computed once.
     */
    public static List<RunningLong> find(List<PipelineRun> runs, Instant now) {
        // Pipeline names compare regardless of case, without a lower-cased copy of every run's name.
        Map<String, List<PipelineRun>> inProgress = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PipelineRun r : runs) {
            if (r.status() == RunStatus.IN_PROGRESS && r.runStart() != null) {
                inProgress.computeIfAbsent(r.pipelineName(), k -> new ArrayList<>()).add(r);
            }
        }
        if (inProgress.isEmpty()) {
            return List.of();
        }
        Map<String, long[]> baseline = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PipelineRun r : runs) {
            if (r.status() == RunStatus.SUCCEEDED && inProgress.containsKey(r.pipelineName())) {
                Optional<Duration> d = r.duration();
                if (d.isPresent()) {
                    long[] held = baseline.computeIfAbsent(r.pipelineName(), x -> new long[16]);
                    int n = counts.merge(r.pipelineName(), 1, Integer::sum);
                    if (n > held.length) {
                        held = Arrays.copyOf(held, held.length * 2);
                        baseline.put(r.pipelineName(), held);
                    }
                    held[n - 1] = d.get().toMillis();
                }
            }
        }
        List<RunningLong> out = new ArrayList<>();
        for (Map.Entry<String, List<PipelineRun>> e : inProgress.entrySet()) {
            int n = counts.getOrDefault(e.getKey(), 0);
            if (n < MIN_BASELINE) {
                continue;
            }
            long p95 = Durations.quantile(Arrays.copyOf(baseline.get(e.getKey()), n), 0.95);
            for (PipelineRun r : e.getValue()) {
                Duration elapsed = Duration.between(r.runStart(), now);
                if (p95 > 0 && elapsed.toMillis() > p95 * MARGIN) {
                    out.add(new RunningLong(r, elapsed, Duration.ofMillis(p95)));
                }
            }
        }
        out.sort(Comparator.comparing(RunningLong::times).reversed());
        return out;
    }
}
