package com.adfops.impact;

import com.adfops.adf.PipelineRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline a failure (or a pipeline, for {@link Dependants}) reaches.
 *
 * @param pipeline  the pipeline, in the definitions' spelling
 * @param relations how it is reached, in the enum's order (at least one)
 * @param depth     steps from the failed pipeline (1: reads its outputs, a direct parent, a direct dependant)
 * @param via       what reaches it: the stale datasets it reads, the child it executes, the trigger it depends on
 * @param state     what it does about it
 * @param nextRun   its next expected run (the caller's schedule), or null when unknown
 * @param ranAfter  for {@link State#ALREADY_RAN_ON_STALE_DATA} and {@link State#RUNNING_ON_STALE_DATA}, the first
 *                  such run after the failure; else null
 */
public record ImpactedPipeline(String pipeline, List<Relation> relations, int depth, List<String> via, State state,
                               Instant nextRun, PipelineRun ranAfter) {

    public ImpactedPipeline {
        relations = List.copyOf(relations);
        via = List.copyOf(via);
    }

    /** How a pipeline is reached. */
    public enum Relation {
        /** It reads a dataset that was not written (directly or carried on downstream). */
        READS_STALE_DATA,
        /** It starts the failed pipeline through an Execute Pipeline activity (or a parent of such a parent). */
        EXECUTE_PIPELINE_PARENT,
        /** Its tumbling window trigger depends on the windows of the failed pipeline's trigger. */
        TUMBLING_WINDOW_DEPENDANT
    }

    /** What the pipeline does about it. */
    public enum State {
        /** The parent run that started the failed run: it fails or waits with it. */
        WITH_FAILED_RUN,
        /** A run of it started after the failure and succeeded, on stale data. */
        ALREADY_RAN_ON_STALE_DATA,
        /** A run of it started after the failure and is still running, on stale data. */
        RUNNING_ON_STALE_DATA,
        /** Its next run is expected at {@code nextRun}, and will read what the failure left. */
        SCHEDULED,
        /** It waits: no next run is known (started by hand, an event or a parent), or its window dependency holds it. */
        WAITING
    }

    /** The instant that orders it: when it ran (or runs) on stale data, else its next run; empty when unknown. */
    public Optional<Instant> when() {
        if (ranAfter != null && ranAfter.runStart() != null) {
            return Optional.of(ranAfter.runStart());
        }
        return Optional.ofNullable(nextRun);
    }

    /** Whether it is reached by this relation. */
    public boolean is(Relation relation) {
        return relations.contains(relation);
    }
}
