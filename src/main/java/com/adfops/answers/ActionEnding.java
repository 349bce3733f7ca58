package com.adfops.answers;

import com.adfops.adf.RunStatus;
import java.time.Duration;

/**
 * How a confirmed rerun or cancel ended, as facts; each face writes the sentence.
 *
 * @param how      which ending
 * @param runId    the run it is about: the run a rerun started, or the run a cancel was for
 * @param status   that run's final status; null when the run was gone ({@link How#NOTHING_TO_CANCEL} only)
 * @param duration how long the run took; null when Data Factory did not say
 */
public record ActionEnding(How how, String runId, RunStatus status, Duration duration) {

    /** Which ending. */
    public enum How {
        /** The run a rerun started reached its final status. */
        RERUN_ENDED,
        /** The run a cancel was requested for ended: cancelled, or otherwise before the cancel took effect. */
        CANCEL_ENDED,
        /** Confirmed, but the run had already ended (or was gone): nothing was cancelled. */
        NOTHING_TO_CANCEL
    }

    public ActionEnding {
        if (how == null) {
            throw new IllegalArgumentException("an ending needs its kind");
        }
        runId = runId == null ? "" : runId;
    }
}
