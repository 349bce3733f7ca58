package com.adfops.runs;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A run still in progress that has run longer than its pipeline usually takes: past {@link #MARGIN} times the 95th
 * percentile of the pipeline's last successful runs (at least {@link #MIN_BASELINE}, however far back they are: see
 * {@link RunBaselines}). Flagged before it fails or misses its window, for an hourly pipeline as for a weekly one.
 *
 * @param run      the run in progress
 * @param elapsed  how long it has run so far
 * @param baseline what it is compared with
 */
public record RunningLong(PipelineRun run, Duration elapsed, DurationBaseline baseline) {

    /** Succeeded runs needed for a baseline. */
    public static final int MIN_BASELINE = 8;
    /** How far past the p95 a run must be. */
    public static final double MARGIN = 1.25;

    /** The pipeline's usual duration at most: the p95 of its baseline. */
    public Duration usual() {
        return baseline.p95();
    }

    /** Elapsed as a multiple of the usual duration (its p95: "running 3.1x longer than usual"). */
    public double times() {
        return usual().isZero() ? 0 : (double) elapsed.toMillis() / usual().toMillis();
    }

    /**
     * What the run is compared with and how far past it is, in the words every face uses (status, failing list,
     * alert): "usually 18m 0s–22m 0s, p95 22m 0s (its last 12 successful runs, over 12 days); running 1h 15m, 3.4x
     * the p95".
     */
    public String comparison() {
        Duration span = Duration.between(baseline.since(), run.runStart().plus(elapsed));
        String over = span.toDays() >= 1 ? span.toDays() + (span.toDays() == 1 ? " day" : " days")
                : span.toHours() >= 1 ? span.toHours() + (span.toHours() == 1 ? " hour" : " hours")
                : Math.max(1, span.toMinutes()) + " min";
        return "usually " + DurationText.text(baseline.low()) + "–" + DurationText.text(baseline.high()) + ", p95 "
                + DurationText.text(baseline.p95()) + " (its last " + baseline.runs() + " successful runs, over " + over
                + "); running " + DurationText.text(elapsed) + String.format(java.util.Locale.ENGLISH, ", %.1fx the p95", times());
    }

    /**
     * The runs in progress among {@code runs} that run long against the baseline of the same {@code runs} (their
     * pipeline's last successful runs among them), longest first.
     */
    public static List<RunningLong> find(List<PipelineRun> runs, Instant now) {
        Map<String, List<DurationBaseline.Sample>> successes = successes(runs, inProgress(runs));
        return find(runs, now, r -> {
            List<DurationBaseline.Sample> s = successes.getOrDefault(r.pipelineName(), List.of());
            return s.size() < MIN_BASELINE ? Optional.empty()
                    : Optional.of(DurationBaseline.of(s.subList(0, Math.min(s.size(), DurationBaseline.MAX_RUNS))));
        });
    }

    /** The runs in progress among {@code runs} that run long against {@code baselineOf} their pipeline, longest first. */
    public static List<RunningLong> find(List<PipelineRun> runs, Instant now,
                                         Function<PipelineRun, Optional<DurationBaseline>> baselineOf) {
        List<RunningLong> out = new ArrayList<>();
        for (PipelineRun r : inProgress(runs)) {
            Optional<DurationBaseline> b = baselineOf.apply(r);
            if (b.isEmpty() || b.get().runs() < MIN_BASELINE || b.get().p95().isZero()) {
                continue;
            }
            Duration elapsed = Duration.between(r.runStart(), now);
            if (elapsed.compareTo(b.get().threshold()) > 0) {
                out.add(new RunningLong(r, elapsed, b.get()));
            }
        }
        out.sort(Comparator.comparing(RunningLong::times).reversed());
        return out;
    }

    /** The runs of {@code runs} in progress (with a start). */
    public static List<PipelineRun> inProgress(List<PipelineRun> runs) {
        return runs.stream().filter(r -> r.status() == RunStatus.IN_PROGRESS && r.runStart() != null).toList();
    }

    /**
     * The successful runs with a duration among {@code runs} of the pipelines of {@code of} (only those: a week of a
     * big factory's runs is walked once, without a list per pipeline), newest first; names compare regardless of case.
     */
    static Map<String, List<DurationBaseline.Sample>> successes(List<PipelineRun> runs, List<PipelineRun> of) {
        Map<String, List<DurationBaseline.Sample>> by = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PipelineRun r : of) {
            by.put(r.pipelineName(), new ArrayList<>());
        }
        for (PipelineRun r : runs) {
            Optional<Duration> d = r.duration();
            List<DurationBaseline.Sample> held = by.get(r.pipelineName());
            if (held != null && r.status() == RunStatus.SUCCEEDED && d.isPresent()) {
                held.add(new DurationBaseline.Sample(r.runId(), r.sortTime(), d.get().toMillis()));
            }
        }
        by.values().forEach(l -> l.sort(Comparator.comparing(DurationBaseline.Sample::start).reversed()));
        return by;
    }
}
