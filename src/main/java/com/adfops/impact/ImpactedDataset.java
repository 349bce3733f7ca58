package com.adfops.impact;

/**
 * A dataset a failure left stale (or, for {@link Dependants}, one a pipeline's dependants read).
 *
 * @param dataset  the dataset, in the definitions' spelling
 * @param writer   the pipeline that did not write it (or writes it)
 * @param activity the activity of {@code writer} that writes it, or null when carried on downstream or via a child
 * @param cause    why it is stale
 * @param depth    0 for the failed (or asked) pipeline's own outputs; n for a dataset written by a pipeline n steps
 *                 downstream (its staleness carried on)
 */
public record ImpactedDataset(String dataset, String writer, String activity, Cause cause, int depth) {

    /** Why a dataset is stale. */
    public enum Cause {
        /** The activity that writes it failed. */
        ACTIVITY_FAILED,
        /** The activity that writes it was cancelled, or is still running. */
        ACTIVITY_NOT_FINISHED,
        /** The activity that writes it never ran in the failed run (an earlier activity failed). */
        ACTIVITY_NOT_RUN,
        /** The activity runs are unknown: every dataset the pipeline writes is taken as not written. */
        BY_DEFINITION,
        /** An Execute Pipeline activity that did not succeed starts the child pipeline that writes it. */
        CHILD_PIPELINE_NOT_RUN,
        /** A pipeline downstream writes it from stale data (the staleness carried on). */
        DOWNSTREAM,
        /** Not stale: the asked pipeline writes it ({@link Dependants} only). */
        WRITTEN
    }
}
