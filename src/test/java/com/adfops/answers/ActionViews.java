package com.adfops.answers;

import java.time.Instant;
import java.util.Map;

/** Test shorthand: an {@link ActionView} from its facts in one flat list, in the order the parts hold them. */
public final class ActionViews {

    private ActionViews() {
    }

    public static ActionView of(String id, ActionKind kind, ActionView.State state, String factory, String pipeline,
                                String runId, String clickedRunId, String clickedPipeline, String startsAt,
                                Map<String, String> parameters, String requestedBy, Instant expiresAt, String actedBy,
                                Instant actedAt, String newRunId, String message, String missingAction) {
        return of(id, kind, state, factory, pipeline, runId, clickedRunId, clickedPipeline, startsAt, parameters,
                requestedBy, expiresAt, actedBy, actedAt, newRunId, message, missingAction, null, null, null);
    }

    public static ActionView of(String id, ActionKind kind, ActionView.State state, String factory, String pipeline,
                                String runId, String clickedRunId, String clickedPipeline, String startsAt,
                                Map<String, String> parameters, String requestedBy, Instant expiresAt, String actedBy,
                                Instant actedAt, String newRunId, String message, String missingAction,
                                ActionEnding ending, ActionRefusal refusal, com.adfops.adf.FactoryRef factoryRef) {
        return new ActionView(id, kind, state, new ActionView.Target(factory, pipeline, runId, clickedRunId,
                clickedPipeline, startsAt, parameters, requestedBy, expiresAt), new ActionView.Acted(actedBy, actedAt),
                new ActionView.Result(newRunId, message, missingAction, ending, refusal), factoryRef);
    }
}
