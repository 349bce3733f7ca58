package com.adfops.cards;

import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionView;
import com.adfops.answers.StatusWords;
import com.adfops.runs.DurationText;

/**
 * How a rerun or cancel ended, in the words the Teams face posts (the actions capability stores only the facts,
 * {@link ActionEnding}).
 */
public final class ActionWords {

    private ActionWords() {
    }

    /**
     * How the action ended: its typed ending in words, or, for an action finished before endings were typed, the
     * words stored then; "" when it has not ended.
     */
    public static String outcome(ActionView a) {
        return a.ending() != null ? ending(a.ending()) : a.message();
    }

    /** One ending in words: "Run 42 succeeded in 2m 5s.", "The run was cancelled in 40s.", ... */
    public static String ending(ActionEnding e) {
        String in = e.duration() == null ? "" : " in " + DurationText.text(e.duration());
        switch (e.how()) {
            case RERUN_ENDED:
                return "Run " + e.runId() + " " + StatusWords.predicate(e.status()) + in + ".";
            case CANCEL_ENDED:
                return e.status() == RunStatus.CANCELLED ? "The run was cancelled" + in + "."
                        : "The run " + StatusWords.predicate(e.status()) + " before the cancel took effect.";
            case NOTHING_TO_CANCEL:
                return "Nothing was cancelled: the run had already "
                        + (e.status() == null ? "gone" : StatusWords.perfect(e.status())) + ".";
            default:
                throw new IllegalArgumentException("no words for " + e.how());
        }
    }
}
