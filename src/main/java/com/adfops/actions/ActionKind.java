package com.adfops.actions;

import com.adfops.agent.CardVerb;
import java.util.Optional;

/** What a card can do to a run. */
public enum ActionKind {
    /** Create Run with the top-level run as reference, {@code isRecovery=true}, {@code startFromFailure=true}. */
    RERUN_FROM_FAILURE("rerunfromfailure", "Rerun from the failed activity"),
    /** Create Run with the top-level run as reference and {@code isRecovery=true}: the whole pipeline again. */
    RERUN("rerun", "Rerun the pipeline"),
    /** Cancel with {@code isRecursive=true}: the run and its child runs. */
    CANCEL("cancel", "Cancel the run");

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
