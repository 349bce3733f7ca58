package com.adfops.actions;

import com.adfops.answers.ActionView;
import com.adfops.answers.ActionKind;
import java.time.Instant;
import java.util.Map;

/**
 * A proposed action and what became of it: one document per confirmation in the state store.
 *
 * @param id              the confirmation's id (random; the card's buttons carry it)
 * @param kind            what
 * @param factory         the factory
 * @param pipeline        the pipeline acted on (for reruns the top-level run's pipeline)
 * @param runId           the reference run (reruns: the top-level run of the failure) or the run to cancel
 * @param clickedRunId    the run whose card was clicked (a child run, for a nested failure)
 * @param clickedPipeline its pipeline
 * @param startsAt        where a rerun from failure starts (the failed activities), or ""
 * @param parameters      the reference run's parameters (reused by ADF; not editable)
 * @param requestedBy     who proposed it
 * @param conversationId  where (the outcome is posted there)
 * @param createdAt       when it was proposed
 * @param expiresAt       when the confirmation expires
 * @param state           where it stands
 * @param actedBy         who confirmed or dismissed it; null before
 * @param actedById       their object id; null when unknown
 * @param actedAt         when; null before
 * @param newRunId        the run a rerun started; null otherwise
 * @param message         the result in words (ADF's refusal, the outcome); may be null
 * @param missingAction   for an Azure permission failure, the action the bot's identity lacks; else null
 * @param cardId          the Teams message id of the confirmation card, to update it when the run ends; may be null
 * @param sourceCardId    the Teams message id of the diagnosis card the action was started from, to settle it with
 *                        the outcome (its buttons gone); null when it came from another card or from text
 */
public record PendingAction(String id, ActionKind kind, String factory, String pipeline, String runId,
                            String clickedRunId, String clickedPipeline, String startsAt, Map<String, String> parameters,
                            String requestedBy, String conversationId, Instant createdAt, Instant expiresAt,
                            ActionView.State state,
                            String actedBy, String actedById, Instant actedAt, String newRunId, String message,
                            String missingAction, String cardId, String sourceCardId) {

    public PendingAction {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** The confirmation ran out before anyone confirmed it. */
    PendingAction expired() {
        return with(ActionView.State.EXPIRED, null, null, null, null, null);
    }

    /** Someone confirmed it; the bot is starting the action on their behalf. */
    PendingAction claimed(Actor by, Instant at) {
        return with(ActionView.State.CLAIMED, by, at, null, null, null);
    }

    /** Someone said no: nothing runs. */
    PendingAction dismissed(Actor by, Instant at) {
        return with(ActionView.State.DISMISSED, by, at, null, null, null);
    }

    /** Data Factory accepted it: {@code newRun} is the run a rerun started (null for a cancel). */
    PendingAction started(String newRun) {
        return with(ActionView.State.STARTED, null, null, newRun, null, null);
    }

    /** It ended: how, in words. */
    PendingAction finished(String outcome) {
        return with(ActionView.State.FINISHED, null, null, null, outcome, null);
    }

    /** Data Factory refused it: its reason, and the Azure action the bot's identity lacks (null when none). */
    PendingAction failed(String reason, String missing) {
        return with(ActionView.State.FAILED, null, null, null, reason, missing);
    }

    private PendingAction with(ActionView.State s, Actor by, Instant at, String newRun, String msg, String missing) {
        return new PendingAction(id, kind, factory, pipeline, runId, clickedRunId, clickedPipeline, startsAt, parameters,
                requestedBy, conversationId, createdAt, expiresAt, s, by == null ? actedBy : by.name(),
                by == null ? actedById : by.objectId(), at == null ? actedAt : at, newRun == null ? newRunId : newRun,
                msg == null ? message : msg, missing == null ? missingAction : missing, cardId, sourceCardId);
    }

    PendingAction withCard(String card) {
        return new PendingAction(id, kind, factory, pipeline, runId, clickedRunId, clickedPipeline, startsAt, parameters,
                requestedBy, conversationId, createdAt, expiresAt, state, actedBy, actedById, actedAt, newRunId, message,
                missingAction, card, sourceCardId);
    }
}
