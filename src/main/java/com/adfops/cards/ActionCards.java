package com.adfops.cards;

import static com.adfops.cards.CardText.MAX_MESSAGE;
import static com.adfops.cards.CardText.fact;
import static com.adfops.cards.CardText.putGuidance;
import static com.adfops.cards.CardText.runFact;
import static com.adfops.cards.CardText.shortId;
import static com.adfops.cards.CardText.time;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.adf.SecretRedactor;
import com.adfops.agent.Reply;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionView;
import com.adfops.cards.CardFactory.View;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The action cards: a rerun, cancel or resolution from its confirmation to its outcome, and an escalation.
 * Templates in {@code cards/actions/}.
 */
final class ActionCards {

    private final ObjectMapper json;

    ActionCards(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode escalationData(Reply.Escalation e, View v) {
        ObjectNode d = json.createObjectNode();
        PipelineRun run = e.run();
        d.put("title", "🚨 Escalated: " + run.pipelineName());
        d.put("byline", "Escalated by " + e.escalatedBy() + " at " + time(e.at(), v));
        d.put("runId", run.runId());
        d.put("factory", run.factory().factoryName());
        d.put("pipeline", run.pipelineName());
        boolean running = run.status() == RunStatus.IN_PROGRESS || run.status() == RunStatus.QUEUED
                || run.status() == RunStatus.CANCELING;
        d.put("canRerun", !running);
        d.put("canRerunFromFailure", run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED);
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Pipeline", run.pipelineName());
        fact(facts, "Factory", run.factory().factoryName());
        fact(facts, "Run ID", run.runId());
        fact(facts, "Status", run.status().wireName());
        fact(facts, "Failed at", run.runEnd() == null ? "—" : time(run.runEnd(), v));
        fact(facts, "Error class", e.errorClass());
        d.put("rootCause", ErrorText.truncate(e.rootCause(), MAX_MESSAGE));
        d.put("originLink", e.originLink());
        d.put("nextStep", e.nextStep());
        putGuidance(d, e.guidance());
        return d;
    }

    ObjectNode actionData(ActionView a, View v) {
        ObjectNode d = json.createObjectNode();
        boolean cancel = a.kind() == ActionKind.CANCEL;
        String what = switch (a.kind()) {
            case RERUN_FROM_FAILURE -> "rerun " + a.pipeline() + " from the failed activity";
            case RERUN -> "rerun " + a.pipeline();
            case CANCEL -> "cancel the run of " + a.pipeline();
            default -> a.pipeline();
        };
        String by = a.acted().by().isEmpty() ? "" : a.acted().by() + (a.acted().at() == null ? "" : " at " + time(a.acted().at(), v));
        String title;
        String byline;
        String style;
        switch (a.state()) {
            case PENDING -> {
                title = (cancel ? "⏹️ " : "🔁 ") + "Confirm: " + what + "?";
                byline = "Asked by " + a.target().requestedBy() + ". Confirm by " + time(a.target().expiresAt(), v) + "; after that, ask again.";
                style = "warning";
            }
            case CLAIMED -> {
                title = "⏳ Starting: " + what;
                byline = "Confirmed by " + by + ".";
                style = "emphasis";
            }
            case STARTED -> {
                title = cancel ? "⏹️ Cancel requested: " + a.pipeline() : "▶️ Rerun started: " + a.pipeline();
                byline = (cancel ? "Cancelled by " : "Rerun started by ") + by
                        + (a.result().newRunId().isEmpty() ? "." : ": run " + shortId(a.result().newRunId()) + ".") + " I'll post the outcome here.";
                style = "good";
            }
            case FINISHED -> {
                title = "🏁 Done: " + what;
                byline = (cancel ? "Cancel" : "Rerun") + " confirmed by " + by + (a.result().newRunId().isEmpty() ? "."
                        : ": run " + shortId(a.result().newRunId()) + ".");
                style = "emphasis";
            }
            case FAILED -> {
                title = "🚫 Could not " + what;
                byline = "Confirmed by " + by + "; Data Factory refused it. Nothing was started.";
                style = "attention";
            }
            case DISMISSED -> {
                title = "✖️ Not done: " + what;
                byline = "Cancelled by " + by + ". Nothing was run.";
                style = "default";
            }
            case EXPIRED -> {
                title = "⌛ This confirmation expired";
                byline = "Nobody confirmed by " + time(a.target().expiresAt(), v) + ", so nothing was run. Click the button on the "
                        + "diagnosis card again to get a fresh confirmation.";
                style = "default";
            }
            case REFUSED -> {
                title = "🚫 You can't " + what + " from here";
                byline = "Asked by " + a.target().requestedBy() + ".";
                style = "attention";
            }
            case RESOLVED -> {
                title = "✅ Resolved: " + a.pipeline();
                byline = "Resolved by " + by + ".";
                style = "good";
            }
            default -> {
                title = what;
                byline = "";
                style = "default";
            }
        }
        d.put("title", title);
        d.put("byline", byline);
        d.put("style", style);
        d.put("actionId", a.id());
        d.put("factory", a.factory());
        d.put("pending", a.state() == ActionView.State.PENDING);
        d.put("newRunId", a.result().newRunId());
        d.put("confirmTitle", cancel ? "Confirm: cancel the run" : "Confirm: start the rerun");
        d.put("dismissTitle", cancel ? "Keep it running" : "Cancel");
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Factory", a.factory());
        fact(facts, "Pipeline", a.pipeline());
        runFact(facts, cancel ? "Run to cancel" : a.kind() == ActionKind.RESOLVE ? "Run" : "Reference run", a.runId(),
                a.factoryRef());
        if (!a.target().clickedRunId().isEmpty()) {
            fact(facts, "Failure in", a.target().clickedPipeline() + " (child run " + a.target().clickedRunId() + ")");
        }
        if (a.kind() == ActionKind.RERUN_FROM_FAILURE) {
            fact(facts, "Starts at", a.target().startsAt().isEmpty() ? "the failed activities" : a.target().startsAt());
        } else if (a.kind() == ActionKind.RERUN) {
            fact(facts, "Starts at", "the start (every activity runs again)");
        }
        if (!cancel && a.kind() != ActionKind.RESOLVE) {
            fact(facts, "Parameters", a.target().parameters().isEmpty() ? "none" : ErrorText.truncate(a.target().parameters().entrySet()
                    .stream().map(e -> e.getKey() + " = " + SecretRedactor.redactParameter(e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining("; ")), 400) + " (reused)");
        }
        if (!a.result().newRunId().isEmpty()) {
            runFact(facts, "New run", a.result().newRunId(), a.factoryRef());
        }
        String explain = "";
        if (a.state() == ActionView.State.PENDING) {
            explain = switch (a.kind()) {
                case RERUN_FROM_FAILURE -> "Data Factory starts a recovery run in the same run group"
                        + (a.target().clickedRunId().isEmpty() ? "" : " of the top-level run (a child pipeline's failure reruns its parent)")
                        + ": the activities that succeeded are skipped, the failed ones and everything after them run again. "
                        + "It reuses the reference run's parameters; new parameters cannot be given to a recovery run.";
                case RERUN -> "Data Factory starts a new run in the same run group"
                        + (a.target().clickedRunId().isEmpty() ? "" : " of the top-level run")
                        + " that runs every activity again, with the reference run's parameters.";
                case CANCEL -> "Data Factory cancels the run and every child run it started (Execute Pipeline). "
                        + "Activities that are running stop; nothing after them runs.";
                default -> "";
            };
        }
        d.put("explain", explain);
        d.put("messageTitle", a.state() == ActionView.State.RESOLVED ? "How it was fixed: " : a.state() == ActionView.State.REFUSED ? ""
                : a.state() == ActionView.State.FAILED ? "Data Factory said: " : "");
        // A finished run's outcome is said once, in the message that notifies; its confirmation card only records it.
        d.put("message", a.state() == ActionView.State.FINISHED ? ""
                : a.result().refusal() != null ? ActionWords.refusal(a.result().refusal()) : a.result().message());
        String advice = "";
        if (!a.result().missingAction().isEmpty()) {
            advice = "The bot's identity lacks the Azure action " + ErrorText.escapeMarkdown(a.result().missingAction())
                    + " on factory " + ErrorText.escapeMarkdown(a.factory())
                    + ". Ask an owner of the factory to give it the custom role \"ADF run operator\" (created by the "
                    + "deployment template when enableRunOperatorRole is true), which allows only starting and "
                    + "cancelling runs. Role assignments can take a few minutes to apply.";
        }
        d.put("advice", advice);
        return d;
    }
}
