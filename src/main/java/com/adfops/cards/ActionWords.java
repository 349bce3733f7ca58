package com.adfops.cards;

import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionRefusal;
import com.adfops.answers.ActionView;
import com.adfops.answers.StatusWords;
import com.adfops.runs.DurationText;
import java.util.List;

/**
 * The words of the action family the actions capability leaves to the faces: how a rerun or cancel ended (it stores
 * only the facts, {@link ActionEnding}) and why someone may not act ({@link ActionRefusal}).
 */
public final class ActionWords {

    private ActionWords() {
    }

    /**
     * How the action ended: its typed ending in words, or, for an action finished before endings were typed, the
     * words stored then; "" when it has not ended.
     */
    public static String outcome(ActionView a) {
        return a.result().ending() != null ? ending(a.result().ending()) : a.result().message();
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

    /** Why someone may not act, politely, naming who can. */
    public static String refusal(ActionRefusal r) {
        switch (r.why()) {
            case TURNED_OFF:
                return "Reruns and cancels from the card are turned off for factory " + r.factory()
                        + ". The bot's administrators turn them on by listing who may act in ADFOPS_ACTIONS_ALLOWED; until "
                        + "then, use ADF Studio (Monitor > Pipeline runs).";
            case NOBODY_HERE:
                return "Nobody may rerun or cancel runs of factory " + r.factory() + " from the card. "
                        + "The bot's administrators can allow people in ADFOPS_ACTIONS_ALLOWED.";
            case UNKNOWN_IDENTITY:
                return "I can't tell who you are in Entra ID (your message carried no object id), so I can't let you act. "
                        + whoCan(r);
            case NOT_LISTED:
                return "Sorry, " + r.who() + ", you are not on the list of people who may act on factory " + r.factory()
                        + ". " + whoCan(r);
            default:
                throw new IllegalArgumentException("no words for " + r.why());
        }
    }

    private static String whoCan(ActionRefusal r) {
        List<String> names = r.whoCan().stream()
                .map(p -> p.label() != null ? p.label() : (p.group() ? "group " : "") + p.id()).toList();
        return "Who can: " + String.join(", ", names) + ". Ask one of them, or escalate.";
    }
}
