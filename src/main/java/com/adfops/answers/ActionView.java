package com.adfops.answers;

import java.time.Instant;
import java.util.Map;

/**
 * What an action card shows: a rerun or cancel waiting for confirmation, started, finished or refused, or a
 * recorded resolution. Built by the actions capability from its records, in the parts that change together; every
 * text field from outside (names, parameters, messages) is shown literally by the card.
 *
 * @param id         the confirmation's id (the Confirm and Cancel buttons carry it); "" for a resolution
 * @param kind       what: a rerun from the failed activity, a rerun, a cancel or a recorded resolution
 * @param state      where it stands
 * @param target     what it acts on, and who asked (fixed when proposed)
 * @param acted      who confirmed, dismissed or resolved, and when ({@link Acted#NONE} before)
 * @param result     what came of it ({@link Result#NONE} before)
 * @param factoryRef the factory, when it is still configured (its runs link to ADF Studio); else null
 */
public record ActionView(String id, ActionKind kind, State state, Target target, Acted acted, Result result,
                         com.adfops.adf.FactoryRef factoryRef) {

    /**
     * What an action acts on.
     *
     * @param factory         the factory
     * @param pipeline        the pipeline acted on (for reruns, the top-level pipeline)
     * @param runId           the reference run (reruns) or the run to cancel
     * @param clickedRunId    the run whose card was clicked, when it is a child of {@code runId}; else ""
     * @param clickedPipeline that child run's pipeline; else ""
     * @param startsAt        where a rerun starts: the failed activities' names, or "" for the start
     * @param parameters      the reference run's parameters, reused by a rerun
     * @param requestedBy     who asked for it
     * @param expiresAt       when the confirmation expires; null for a resolution or a refusal
     */
    public record Target(String factory, String pipeline, String runId, String clickedRunId, String clickedPipeline,
                         String startsAt, Map<String, String> parameters, String requestedBy, Instant expiresAt) {
        public Target {
            clickedRunId = nz(clickedRunId);
            clickedPipeline = nz(clickedPipeline);
            startsAt = nz(startsAt);
            parameters = parameters == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
            requestedBy = nz(requestedBy);
        }

        /** A run acted on as a whole (no child clicked, no parameters, no confirmation). */
        public static Target run(String factory, String pipeline, String runId, String requestedBy) {
            return new Target(factory, pipeline, runId, null, null, null, null, requestedBy, null);
        }
    }

    /** Who confirmed, dismissed or resolved it ("" before), and when (null before). */
    public record Acted(String by, Instant at) {
        public static final Acted NONE = new Acted("", null);

        public Acted {
            by = nz(by);
        }
    }

    /**
     * What came of it.
     *
     * @param newRunId      the run a rerun started; "" otherwise
     * @param message       a result line (ADF's refusal, the resolution note), shown literally; for a finished action
     *                      stored before typed endings, how it ended in words; may be ""
     * @param missingAction for an Azure permission failure, the action the bot's identity lacks; else ""
     * @param ending        how a finished rerun or cancel ended, as facts (the faces write the sentence); else null
     * @param refusal       why who asked may not act ({@link State#REFUSED}), as facts (the faces write the sentence);
     *                      else null
     */
    public record Result(String newRunId, String message, String missingAction, ActionEnding ending,
                         ActionRefusal refusal) {
        public static final Result NONE = new Result("", "", "", null, null);

        public Result {
            newRunId = nz(newRunId);
            message = nz(message);
            missingAction = nz(missingAction);
        }
    }

    public String factory() {
        return target.factory();
    }

    public String pipeline() {
        return target.pipeline();
    }

    public String runId() {
        return target.runId();
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
        return new ActionView(id, kind, state, target, acted, result, ref);
    }

    public ActionView {
        id = nz(id);
        acted = acted == null ? Acted.NONE : acted;
        result = result == null ? Result.NONE : result;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
