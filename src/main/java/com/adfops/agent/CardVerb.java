package com.adfops.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The verbs card buttons send (the {@code action} value of {@code Action.Submit} data and the {@code verb} of
 * {@code Action.Execute}). The templates in {@code resources/cards} use exactly these; the dispatcher switches on
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
    HELP("help");

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
