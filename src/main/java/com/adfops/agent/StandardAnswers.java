package com.adfops.agent;

import com.adfops.diagnosis.Diagnosis;
import java.util.Optional;

/**
 * The deterministic answers a model-backed agent relies on: card buttons, help and clear history (never worth a
 * model call), the rule-based answer to any question (when the model is unavailable), and the diagnosis card for a
 * diagnosis a tool found. {@link OfflineAgent} is the implementation.
 */
public interface StandardAnswers {

    /** The answer to a turn that needs no model (a card button, help, clear history), or empty. */
    Optional<AgentReply> withoutModel(Turn turn);

    /** The rule-based answer to any turn. */
    AgentReply answer(Turn turn);

    /** The diagnosis card, with guidance, for a diagnosis found by a tool call. */
    Reply diagnosisCard(Diagnosis d);
}
