package com.adfops.agent;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** The runs in progress among {@code runs} that run long against the baseline of the same {@code runs}, longest first. */
    public static List<RunningLong> find(List<PipelineRun> runs, Instant now) {
        Map<String, List<Long>> baseline = runs.stream()
                .filter(r -> r.status() == RunStatus.SUCCEEDED && r.duration().isPresent())
                .collect(Collectors.groupingBy(r -> r.pipelineName().toLowerCase(java.util.Locale.ROOT),
                        Collectors.mapping(r -> r.duration().get().toMillis(), Collectors.toList())));
        List<RunningLong> out = new ArrayList<>();
        for (PipelineRun r : runs) {
            if (r.status() != RunStatus.IN_PROGRESS || r.runStart() == null) {
                continue;
            }
            List<Long> base = baseline.getOrDefault(r.pipelineName().toLowerCase(java.util.Locale.ROOT), List.of());
            if (base.size() < MIN_BASELINE) {
                continue;
            }
            long p95 = Durations.quantile(base, 0.95);
            Duration elapsed = Duration.between(r.runStart(), now);
            if (p95 > 0 && elapsed.toMillis() > p95 * MARGIN) {
                out.add(new RunningLong(r, elapsed, Duration.ofMillis(p95)));
            }
        }
        out.sort(Comparator.comparing(RunningLong::times).reversed());
        return out;
    }
}
