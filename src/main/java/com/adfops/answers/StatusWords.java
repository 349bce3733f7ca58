package com.adfops.answers;

import com.adfops.adf.RunStatus;

/**
 * The one vocabulary for a run's status in words, in the two grammatical places sentences need it. Cards' facts and
 * the tools' JSON show ADF's own status ({@link RunStatus#wireName()}); sentences use these.
 */
public final class StatusWords {

    private StatusWords() {
    }

    /**
     * What the run did or is doing, after its subject: "Run 42 <em>succeeded</em>", "the run <em>was cancelled</em>",
     * "it <em>is running</em>".
     */
    public static String predicate(RunStatus s) {
        return switch (s) {
            case QUEUED -> "is queued";
            case IN_PROGRESS -> "is running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELING -> "is being cancelled";
            case CANCELLED -> "was cancelled";
            case UNKNOWN -> "is in an unknown state";
        };
    }

    /** After "has already" / "had already": "<em>succeeded</em>", "<em>been cancelled</em>", "<em>started</em>". */
    public static String perfect(RunStatus s) {
        return switch (s) {
            case QUEUED -> "been queued";
            case IN_PROGRESS -> "started";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELING -> "begun cancelling";
            case CANCELLED -> "been cancelled";
            case UNKNOWN -> "ended in an unknown state";
        };
    }
}
