package com.adfops.answers;

import java.time.Instant;
import java.util.Map;

/**
 * What an action card shows: a rerun or cancel waiting for confirmation, started, finished or refused, or a
 * recorded resolution. Built by the actions capability from its records; every text field from outside (names,
 * parameters, messages) is shown literally by the card.
 *
 * @param id          the confirmation's id (the Confirm and Cancel buttons carry it); "" for a resolution
 * @param kind        what: a rerun from the failed activity, a rerun, a cancel or a recorded resolution
 * @param state       where it stands
 * @param factory     the factory
 * @param pipeline    the pipeline acted on (for reruns, the top-level pipeline)
 * @param runId       the reference run (reruns) or the run to cancel
 * @param clickedRunId the run whose card was clicked, when it is a child of {@code runId}; else ""
 * @param clickedPipeline that child run's pipeline; else ""
 * @param startsAt    where a rerun starts: the failed activities' names, or "" for the start
 * @param parameters  the reference run's parameters, reused by a rerun
 * @param requestedBy who asked for it
 * @param expiresAt   when the confirmation expires
 * @param actedBy     who confirmed, dismissed or resolved; "" before
 * @param actedAt     when; null before
 * @param newRunId    the run a rerun started; "" otherwise
 * @param message     a result line (ADF's refusal, the resolution note), shown literally; for a finished action
 *                    stored before typed endings, how it ended in words; may be ""
 * @param missingAction for an Azure permission failure, the action the bot's identity lacks; else ""
 * @param ending      how a finished rerun or cancel ended, as facts (the faces write the sentence); else null
 * @param refusal     why who asked may not act ({@link State#REFUSED}), as facts (the faces write the sentence); else null
 * @param factoryRef  the factory, when it is still configured (its runs link to ADF Studio); else null
 */
public record ActionView(String id, ActionKind kind, State state, String factory, String pipeline, String runId,
                         String clickedRunId, String clickedPipeline, String startsAt, Map<String, String> parameters,
                         String requestedBy, Instant expiresAt, String actedBy, Instant actedAt, String newRunId,
                         String message, String missingAction, ActionEnding ending, ActionRefusal refusal,
                         com.adfops.adf.FactoryRef factoryRef) {

    public ActionView(String id, ActionKind kind, State state, String factory, String pipeline, String runId,
                      String clickedRunId, String clickedPipeline, String startsAt, Map<String, String> parameters,
                      String requestedBy, Instant expiresAt, String actedBy, Instant actedAt, String newRunId,
                      String message, String missingAction) {
        this(id, kind, state, factory, pipeline, runId, clickedRunId, clickedPipeline, startsAt, parameters, requestedBy,
                expiresAt, actedBy, actedAt, newRunId, message, missingAction, null, null, null);
    }

    /** Where an action stands, as its card says it. */
    public enum State {
        /** Waiting for Confirm or Cancel. */
        PENDING,
        /** Confirmed: Data Factory is being called. */
        CLAIMED,
        /** Data Factory accepted it; the outcome is followed. */
        STARTED,
        /** The new (or cancelled) run reached its final status. */
        FINISHED,
        /** Data Factory refused it. */
        FAILED,
        /** Someone clicked Cancel on the confirmation: nothing ran. */
        DISMISSED,
        /** Nobody confirmed in time: nothing ran. */
        EXPIRED,
        /** Who asked may not do it ({@code refusal} says why). */
        REFUSED,
        /** A resolution note was recorded. */
        RESOLVED
    }

    /** The same view whose runs link to ADF Studio. */
    public ActionView withFactoryRef(com.adfops.adf.FactoryRef ref) {
        return new ActionView(id, kind, state, factory, pipeline, runId, clickedRunId, clickedPipeline, startsAt,
                parameters, requestedBy, expiresAt, actedBy, actedAt, newRunId, message, missingAction, ending, refusal, ref);
    }

    public ActionView {
        id = nz(id);
        clickedRunId = nz(clickedRunId);
        clickedPipeline = nz(clickedPipeline);
        startsAt = nz(startsAt);
        parameters = parameters == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        requestedBy = nz(requestedBy);
        actedBy = nz(actedBy);
        newRunId = nz(newRunId);
        message = nz(message);
        missingAction = nz(missingAction);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
