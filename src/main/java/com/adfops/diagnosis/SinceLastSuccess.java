package com.adfops.diagnosis;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between a pipeline's last success and a failed run: the success looked for in the week before the
 * failure, then in ADF's whole retention; then parameters, trigger, runtime and inputs compared ({@link RunComparison}).
 */
public final class SinceLastSuccess {

    private static final Duration WEEK = Duration.ofDays(TimeWindow.DEFAULT_DAYS);

    private SinceLastSuccess() {
    }

    /**
     * The failed run against its pipeline's last success before it.
     *
     * @param lastSuccess null when the pipeline did not succeed before the failure in ADF's retention
     */
    public record Comparison(PipelineRun failed, PipelineRun lastSuccess, List<RunComparison.Change> changes) {

        public Comparison {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** The run's comparison with its pipeline's last success; empty when the run is not found any more. */
    public static Optional<Comparison> of(AdfTools tools, String runId, String factory) {
        Optional<AdfTools.Located> found = tools.findRun(runId, factory);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PipelineRun failed = found.get().run();
        Instant at = failed.sortTime();
        PipelineRun success = null;
        for (TimeWindow w : List.of(new TimeWindow(at.minus(WEEK), at, "the week before"),
                new TimeWindow(tools.now().minus(TimeWindowParser.RETENTION), at, "ADF's retention"))) {
            success = tools.pipelineRuns(new AdfTools.RunsRequest(found.get().factory().factoryName(),
                    failed.pipelineName(), Set.of(RunStatus.SUCCEEDED), w)).runs().stream()
                    .filter(r -> r.pipelineName().equalsIgnoreCase(failed.pipelineName()) && r.sortTime().isBefore(at))
                    .max(Comparator.comparing(PipelineRun::sortTime)).orElse(null);
            if (success != null) {
                break;
            }
        }
        if (success == null) {
            return Optional.of(new Comparison(failed, null, List.of()));
        }
        return Optional.of(new Comparison(failed, success, RunComparison.compare(success,
                tools.activitiesOf(found.get().factory(), success), failed, tools.activitiesOf(found.get().factory(), failed))));
    }
}
