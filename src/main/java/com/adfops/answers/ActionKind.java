package com.adfops.answers;

import java.util.Optional;

/** What a card can do to a run: the three Data Factory actions, and recording a resolution. */
public enum ActionKind {
    /** Create Run with the top-level run as reference, {@code isRecovery=true}, {@code startFromFailure=true}. */
    RERUN_FROM_FAILURE("rerunfromfailure", "Rerun from the failed activity"),
    /** Create Run with the top-level run as reference and {@code isRecovery=true}: the whole pipeline again. */
    RERUN("rerun", "Rerun the pipeline"),
    /** Cancel with {@code isRecursive=true}: the run and its child runs. */
    CANCEL("cancel", "Cancel the run"),
    /** Nothing runs: a note of how a failure was fixed, recorded in the audit log. */
    RESOLVE("resolve", "Record how it was fixed");

    private final String wire;
    private final String title;

    ActionKind(String wire, String title) {
        this.wire = wire;
        this.title = title;
    }

    public String wire() {
        return wire;
    }

    public String title() {
        return title;
    }

    /** The kind a card verb proposes, if it proposes one. */
    public static Optional<ActionKind> proposedBy(CardVerb verb) {
        return switch (verb) {
            case RERUN_FROM_FAILURE -> Optional.of(RERUN_FROM_FAILURE);
            case RERUN -> Optional.of(RERUN);
            case CANCEL_RUN -> Optional.of(CANCEL);
            default -> Optional.empty();
        };
    }
}
