package com.adfops.actions;

import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A {@link PendingAction} as its state-store document: flat, with the property names every version has written
 * (a confirmation stored before an upgrade is read after it), plus {@code ending}, the typed outcome. Documents from
 * before typed outcomes carry the outcome in words in {@code message}; they are read as
 * {@link PendingAction.Result#endedInWords()}. The domain record owes nothing to this shape.
 */
record StoredAction(String id, ActionKind kind, String factory, String pipeline, String runId,
                    String clickedRunId, String clickedPipeline, String startsAt, Map<String, String> parameters,
                    String requestedBy, String conversationId, Instant createdAt, Instant expiresAt,
                    ActionView.State state, String actedBy, String actedById, Instant actedAt, String newRunId,
                    String message, String missingAction, String cardId, String sourceCardId, Ending ending) {

    /**
     * How it ended, as stored: names rather than the domain's enums, so renaming a constant never orphans a document.
     *
     * @param how        {@link ActionEnding.How}'s name
     * @param runId      the run it is about
     * @param status     ADF's status ({@link RunStatus#wireName()}); null when the run was gone
     * @param durationMs how long it took; null when unknown
     */
    record Ending(String how, String runId, String status, Long durationMs) {

        ActionEnding toDomain() {
            return new ActionEnding(ActionEnding.How.valueOf(how), runId, status == null ? null : RunStatus.fromWire(status),
                    durationMs == null ? null : Duration.ofMillis(durationMs));
        }
    }

    static StoredAction of(PendingAction a) {
        PendingAction.Proposal p = a.proposal();
        PendingAction.Decision d = a.decision();
        PendingAction.Result r = a.result();
        // One message property, as before: Data Factory's refusal, or the outcome in words of an older document.
        String message = r.refusal() != null ? r.refusal() : r.endedInWords();
        return new StoredAction(p.id(), p.kind(), p.factory(), p.pipeline(), p.runId(), p.clickedRunId(),
                p.clickedPipeline(), p.startsAt(), p.parameters(), p.requestedBy(), p.conversationId(), p.createdAt(),
                p.expiresAt(), a.state(), d.by(), d.byId(), d.at(), r.newRunId(), message, r.missingAction(),
                a.cards().cardId(), a.cards().sourceCardId(), ending(r.ending()));
    }

    PendingAction toAction() {
        PendingAction.Proposal p = new PendingAction.Proposal(id, kind, factory, pipeline, runId, clickedRunId,
                clickedPipeline, startsAt, parameters, requestedBy, conversationId, createdAt, expiresAt);
        ActionEnding typed = ending == null ? null : ending.toDomain();
        // Before typed outcomes, a finished action's message was its outcome in words; otherwise it is ADF's refusal.
        boolean inWords = typed == null && state == ActionView.State.FINISHED;
        PendingAction.Result r = new PendingAction.Result(newRunId, typed, inWords ? null : message, missingAction,
                inWords ? message : null);
        return new PendingAction(p, state, new PendingAction.Decision(actedBy, actedById, actedAt), r,
                new PendingAction.Cards(cardId, sourceCardId));
    }

    private static Ending ending(ActionEnding e) {
        return e == null ? null : new Ending(e.how().name(), e.runId(), e.status() == null ? null : e.status().wireName(),
                e.duration() == null ? null : e.duration().toMillis());
    }
}
