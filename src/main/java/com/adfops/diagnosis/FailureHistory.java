package com.adfops.diagnosis;

import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindow;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New or recurring: a diagnosed failure among its pipeline's runs of the week before (read from the run index's
 * memory, so a question costs no extra run query), and its error signature among the earlier failures of that week.
 * The earlier failures' root causes come from the same activity-run reads a diagnosis makes (the run index keeps
 * finished runs' activity runs), at most {@link #MAX_COMPARED} of them, newest first. The card and the model's tool
 * output both state what this returns.
 */
public final class FailureHistory {

    private static final Logger log = LoggerFactory.getLogger(FailureHistory.class);

    /** How far back a failure's history looks. */
    static final Duration LOOK_BACK = Duration.ofDays(7);
    /** How much of a failure's week must be in memory for the history to be read from it alone. */
    private static final Duration HISTORY_IN_MEMORY = Duration.ofDays(3);
    /** Earlier failures whose root cause is compared at most (each is a diagnosis, from cached activity runs). */
    static final int MAX_COMPARED = 5;

    private FailureHistory() {
    }

    /** The history of a diagnosed failed run, or null for a run that did not fail or whose runs cannot be read. */
    public static RunHistory of(AdfTools tools, Diagnosis d) {
        PipelineRun run = d.run();
        if (run.status() != RunStatus.FAILED) {
            return null;
        }
        List<PipelineRun> runs;
        Instant at = run.sortTime();
        Instant from = at.minus(LOOK_BACK);
        try {
            // A failure of the last days: its week as far back as the bot's memory holds it, not a read of Data Factory
            // for the few hours beyond (every diagnosis would pay one).
            Instant held = tools.heldSince(run.factory());
            if (held != null && from.isBefore(held) && at.isAfter(held.plus(HISTORY_IN_MEMORY))) {
                from = held;
            }
            TimeWindow week = new TimeWindow(from, at.plusSeconds(1), "the week before");
            runs = tools.pipelineRuns(new AdfTools.RunsRequest(run.factory().factoryName(), run.pipelineName(),
                    Set.of(), week)).runs();
        } catch (DataFactoryException e) {
            log.debug("No history for run {}", run.runId(), e);
            return null;
        }
        RunHistory h = RunHistory.of(run, runs);
        ErrorSignature signature = ErrorSignature.of(d);
        if (signature == null) {
            return h;
        }
        List<PipelineRun> earlier = RunHistory.earlierFailures(run, runs);
        List<Instant> same = new ArrayList<>();
        int compared = 0;
        for (PipelineRun e : earlier.subList(0, Math.min(MAX_COMPARED, earlier.size()))) {
            try {
                if (signature.equals(ErrorSignature.of(new Diagnoser(tools).diagnose(e)))) {
                    same.add(e.sortTime());
                }
            } catch (DataFactoryException ex) {
                // The ones left are older than those compared: the count over the span compared stays exact.
                log.debug("Could not compare the error of run {}", e.runId(), ex);
                break;
            }
            compared++;
        }
        if (compared == 0 && !earlier.isEmpty()) {
            return h;
        }
        return h.withSameError(new RunHistory.SameError(same, compared, earlier.size() - compared,
                Duration.between(from, at)));
    }
}
