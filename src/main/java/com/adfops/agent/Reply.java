package com.adfops.agent;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.docs.Guidance;
import java.time.Instant;
import java.util.List;

/** One part of an answer. The Teams layer renders each part as a message or an Adaptive Card. */
public sealed interface Reply {

    /** Plain text (Teams markdown). */
    record Text(String text) implements Reply {
    }

    /** The failing pipelines in a window. */
    record Failing(FailingSummary summary) implements Reply {
    }

    /** Why a run failed, with documentation guidance for its root cause. */
    record DiagnosisCard(Diagnosis diagnosis, Guidance guidance) implements Reply {
    }

    /** Documentation answering a how-to question. */
    record DocsAnswer(String question, Guidance guidance) implements Reply {
    }

    /** One pipeline's health. */
    record Status(PipelineStatus status) implements Reply {
    }

    /**
     * The welcome / help card with example questions.
     *
     * @param welcome true on installation
     * @param scope   where: "personal", "groupChat" or "channel" (tailors the tips); may be empty
     */
    record Help(boolean welcome, String scope) implements Reply {
    }

    /** A problem reaching Data Factory, with recovery steps for its kind. */
    record Problem(DataFactoryException.Kind kind, String message, String factory) implements Reply {
    }

    /** A short message with questions to click. */
    record Suggestions(String title, String message, List<String> questions) implements Reply {
    }

    /**
     * What the AI agent did for an answer, for experts: tool calls with arguments and durations, the model and tokens.
     *
     * @param calls        each tool call: name, arguments (JSON), duration, whether it succeeded
     * @param model        the model deployment that answered
     * @param inputTokens  tokens read, over all rounds
     * @param outputTokens tokens written, over all rounds
     * @param rounds       model rounds
     * @param totalMs      the turn's time with the agent
     */
    record ExpertDetails(List<ToolCallInfo> calls, String model, long inputTokens, long outputTokens, int rounds,
                         long totalMs) implements Reply {
    }

    /** One tool call as shown in the expert details. */
    record ToolCallInfo(String name, String arguments, long durationMs, boolean ok) {
    }

    /** An escalation summary. */
    record Escalation(PipelineRun run, String rootCause, String errorClass, String nextStep, String escalatedBy,
                      Instant at, Guidance guidance) implements Reply {
    }
}
