package com.adfops.answers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The verbs card buttons send (the {@code action} value of {@code Action.Submit} data and the {@code verb} of
 * {@code Action.Execute}). The templates in {@code resources/cards/<family>/} use exactly these; the dispatcher switches on
 * this enum, and a test checks both directions.
 */
public enum CardVerb {
    /** Diagnose a run ({@code runId}, {@code factory}). */
    DIAGNOSE("diagnose"),
    /** Follow up on a run: what to look at next. */
    FOLLOW_UP("followup"),
    /** Escalate a run to the incident channel. */
    ESCALATE("escalate"),
    /** Forget this conversation's context. */
    CLEAR("clear"),
    /** Ask the question in {@code text}, as if typed. */
    ASK("ask"),
    /** The help card. */
    HELP("help"),
    /** Propose a rerun from the failed activity of a run ({@code runId}, {@code factory}): a confirmation card. */
    RERUN_FROM_FAILURE("rerunfromfailure"),
    /** Propose a rerun of the whole pipeline with a run's parameters. */
    RERUN("rerun"),
    /** Propose cancelling an in-progress run (with its child runs). */
    CANCEL_RUN("cancelrun"),
    /** Confirm a proposed action ({@code actionId}). */
    CONFIRM("confirm"),
    /** Dismiss a proposed action ({@code actionId}): nothing runs. */
    DISMISS("dismiss"),
    /** Record how a run's incident was resolved ({@code runId}, {@code factory}, {@code note}). */
    RESOLVE("resolve"),
    /** Watch a pipeline here ({@code pipeline}, {@code factory}): alerts when it fails. */
    WATCH("watch"),
    /** Stop watching ({@code pattern}). */
    UNWATCH("unwatch"),
    /** Acknowledge an alert ({@code alertId}): the card says who owns it. */
    ACKNOWLEDGE("ack"),
    /** Snooze an alert's pipeline in this conversation ({@code alertId}, {@code for}: 1h, 4h or tomorrow). */
    SNOOZE("snooze"),
    /** Compare a failed run ({@code runId}, {@code factory}) with its pipeline's last success. */
    WHAT_CHANGED("whatchanged"),
    /**
     * Share an export's summary to the report channel ({@code factory}, {@code pipeline} pattern, {@code from},
     * {@code to}, {@code label}); the Teams edge posts it.
     */
    SHARE_REPORT("sharereport"),
    /** A fresh download link for a shared export (same data as {@link #SHARE_REPORT}). */
    EXPORT_LINK("exportlink");

    /** The verbs the alerts flow at the Teams edge handles (they update alert cards in place). */
    public boolean isAlert() {
        return this == ACKNOWLEDGE || this == SNOOZE;
    }

    /** The verbs the actions flow at the Teams edge handles (they update cards in place). */
    public boolean isAction() {
        return switch (this) {
            case RERUN_FROM_FAILURE, RERUN, CANCEL_RUN, CONFIRM, DISMISS, RESOLVE -> true;
            default -> false;
        };
    }

    private final String wire;

    CardVerb(String wire) {
        this.wire = wire;
    }

    /** The value in card data. */
    public String wire() {
        return wire;
    }

    /** The verb of a card's data, or empty for one no template sends. */
    public static Optional<CardVerb> of(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(x -> x.wire.equals(v)).findFirst();
    }
}
