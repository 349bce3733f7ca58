package com.adfops.teams;

import com.adfops.actions.ActionOutcome;
import com.adfops.adf.PipelineRun;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.runs.ErrorText;

/** The Teams words for what an action click came to ({@link ActionOutcome}): the card, or a short reply. */
public final class ActionReplies {

    private ActionReplies() {
    }

    public static AgentReply of(ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.Shown s) {
            return AgentReply.of(new Reply.Action(s.view()));
        }
        if (outcome instanceof ActionOutcome.NotApplicable n) {
            return AgentReply.of(new Reply.Text(notApplicable(n)));
        }
        if (outcome instanceof ActionOutcome.Refused r) {
            return AgentReply.of(new Reply.Text(ErrorText.escapeMarkdown(com.adfops.cards.ActionWords.refusal(r.refusal()))));
        }
        if (outcome instanceof ActionOutcome.NoteMissing) {
            return AgentReply.of(new Reply.Text("Please write how it was fixed in the box, then click *Resolved* again."));
        }
        if (outcome instanceof ActionOutcome.OutOfDate o) {
            return outOfDate(switch (o.why()) {
                case NO_RUN -> "That button did not say which run.";
                case RUN_GONE -> "I can't find run " + o.runId().replaceAll("[^A-Za-z0-9-]", "")
                        + " any more (ADF keeps runs for 45 days).";
                case RUN_GONE_NOT_RESOLVED -> "I can't find that run any more, so I did not record the resolution.";
                case UNKNOWN_CONFIRMATION -> "I don't know that confirmation (it may be from another installation of this bot).";
                case UNKNOWN_TO_DISMISS -> "I don't know that confirmation.";
            });
        }
        ActionOutcome.Failed f = (ActionOutcome.Failed) outcome;
        return AgentReply.of(new Reply.Problem(f.error().kind(), f.error().getMessage(), f.error().factory()));
    }

    private static String notApplicable(ActionOutcome.NotApplicable n) {
        PipelineRun run = n.run();
        String name = "**" + ErrorText.escapeMarkdown(run.pipelineName()) + "**";
        return switch (n.why()) {
            case ALREADY_ENDED -> "Run " + run.runId() + " of " + name + " has already " + com.adfops.answers.StatusWords.perfect(run.status())
                    + "; there is nothing to cancel.";
            case STILL_RUNNING -> "Run " + run.runId() + " of " + name + " is still running; "
                    + "rerun it once it has finished (or cancel it first).";
            case NOTHING_FAILED -> "Nothing failed in run " + run.runId() + " of " + name + ". To run it again, use "
                    + "*Rerun pipeline*.";
        };
    }

    private static AgentReply outOfDate(String why) {
        return AgentReply.of(Reply.Suggestions.staleCard(why));
    }
}
