package com.adfops.actions;

import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionView;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A proposed action and what became of it, in parts that change at different times: the {@link Proposal} (fixed
 * when proposed), where it stands ({@code state}, moved by every transition), the {@link Decision} (who confirmed or
 * dismissed it, once), the {@link Result} (what Data Factory made of it) and the {@link Cards} it lives on. Each
 * transition moves the state and replaces at most one other part. Stored as {@link StoredAction}.
 *
 * @param proposal what was proposed, by whom, until when; never changes
 * @param state    where it stands
 * @param decision who confirmed or dismissed it; {@link Decision#NONE} before
 * @param result   what came of it; {@link Result#NONE} before
 * @param cards    the Teams cards to update when it ends
 */
public record PendingAction(Proposal proposal, ActionView.State state, Decision decision, Result result, Cards cards) {

    public PendingAction {
        if (proposal == null || state == null) {
            throw new IllegalArgumentException("an action needs its proposal and its state");
        }
        decision = decision == null ? Decision.NONE : decision;
        result = result == null ? Result.NONE : result;
        cards = cards == null ? Cards.NONE : cards;
    }

    /** A new proposal, waiting for Confirm; {@code sourceCardId} is the diagnosis card it came from, or null. */
    static PendingAction proposed(Proposal p, String sourceCardId) {
        return new PendingAction(p, ActionView.State.PENDING, Decision.NONE, Result.NONE, new Cards(null, sourceCardId));
    }

    /**
     * What was proposed; fixed when the confirmation card is drawn.
     *
     * @param id              the confirmation's id (random; the card's buttons carry it)
     * @param kind            what
     * @param factory         the factory
     * @param pipeline        the pipeline acted on (for reruns the top-level run's pipeline)
     * @param runId           the reference run (reruns: the top-level run of the failure) or the run to cancel
     * @param clickedRunId    the run whose card was clicked (a child run, for a nested failure); else null
     * @param clickedPipeline its pipeline; else null
     * @param startsAt        where a rerun from failure starts (the failed activities), or ""
     * @param parameters      the reference run's parameters (reused by ADF; not editable)
     * @param requestedBy     who proposed it
     * @param conversationId  where (the outcome is posted there)
     * @param createdAt       when it was proposed
     * @param expiresAt       when the confirmation expires
     */
    public record Proposal(String id, ActionKind kind, String factory, String pipeline, String runId,
                           String clickedRunId, String clickedPipeline, String startsAt, Map<String, String> parameters,
                           String requestedBy, String conversationId, Instant createdAt, Instant expiresAt) {

        public Proposal {
            parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * Who confirmed or dismissed it, and when; set once.
     *
     * @param by   their display name; null before
     * @param byId their Entra object id; null when unknown
     * @param at   when; null before
     */
    public record Decision(String by, String byId, Instant at) {

        static final Decision NONE = new Decision(null, null, null);

        static Decision of(Actor who, Instant at) {
            return new Decision(who.name(), who.objectId(), at);
        }
    }

    /**
     * What came of it.
     *
     * @param newRunId      the run a rerun started; null otherwise
     * @param ending        how the followed run ended (or that there was nothing to cancel); null before
     * @param refusal       Data Factory's words when it refused (shown literally); null otherwise
     * @param missingAction for an Azure permission failure, the action the bot's identity lacks; else null
     * @param endedInWords  how it ended, in the words a version before typed endings stored; null otherwise
     */
    public record Result(String newRunId, ActionEnding ending, String refusal, String missingAction,
                         String endedInWords) {

        static final Result NONE = new Result(null, null, null, null, null);

        Result started(String newRun) {
            return new Result(newRun, ending, refusal, missingAction, endedInWords);
        }

        Result ended(ActionEnding how) {
            return new Result(newRunId, how, refusal, missingAction, endedInWords);
        }

        Result refused(String reason, String missing) {
            return new Result(newRunId, ending, reason, missing, endedInWords);
        }
    }

    /**
     * The Teams cards it lives on.
     *
     * @param cardId       the Teams message id of the confirmation card, to update it when the run ends; may be null
     * @param sourceCardId the Teams message id of the diagnosis card the action was started from, to settle it with
     *                     the outcome (its buttons gone); null when it came from another card or from text
     */
    public record Cards(String cardId, String sourceCardId) {

        static final Cards NONE = new Cards(null, null);
    }

    /** The confirmation's id. */
    public String id() {
        return proposal.id();
    }

    /** The confirmation ran out before anyone confirmed it. */
    PendingAction expired() {
        return new PendingAction(proposal, ActionView.State.EXPIRED, decision, result, cards);
    }

    /** Someone confirmed it; the bot is starting the action on their behalf. */
    PendingAction claimed(Actor by, Instant at) {
        return new PendingAction(proposal, ActionView.State.CLAIMED, Decision.of(by, at), result, cards);
    }

    /** Someone said no: nothing runs. */
    PendingAction dismissed(Actor by, Instant at) {
        return new PendingAction(proposal, ActionView.State.DISMISSED, Decision.of(by, at), result, cards);
    }

    /** Data Factory accepted it: {@code newRun} is the run a rerun started (null for a cancel). */
    PendingAction started(String newRun) {
        return new PendingAction(proposal, ActionView.State.STARTED, decision, result.started(newRun), cards);
    }

    /** It ended: how, as facts. */
    PendingAction finished(ActionEnding how) {
        return new PendingAction(proposal, ActionView.State.FINISHED, decision, result.ended(how), cards);
    }

    /** Data Factory refused it: its reason, and the Azure action the bot's identity lacks (null when none). */
    PendingAction failed(String reason, String missing) {
        return new PendingAction(proposal, ActionView.State.FAILED, decision, result.refused(reason, missing), cards);
    }

    /** The confirmation card is this Teams message. */
    PendingAction onCard(String cardId) {
        return new PendingAction(proposal, state, decision, result, new Cards(cardId, cards.sourceCardId()));
    }
}
