package com.adfops.teams;

import com.adfops.agent.AgentReply;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.escalation.EscalationOutcome;
import com.adfops.runs.ErrorText;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.cards.CardFactory;
import com.adfops.config.EscalationProperties;
import com.adfops.escalation.EscalationService;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.TextFormatTypes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Escalate button, from click to incident channel: the escalation is recorded once per run
 * ({@link EscalationService}), the clicked card is replaced by the escalation card (so it cannot be clicked twice),
 * and a new escalation is posted to the configured incident channel as a new thread with an @mention of the on-call
 * contact and a link back, or the user is told how to configure one. Both click paths (Universal Actions'
 * {@code adaptiveCard/action} invoke and the {@code Action.Submit} fallback) run here, off the request thread and
 * within a deadline.
 */
public final class EscalationFlow {

    private static final Logger log = LoggerFactory.getLogger(EscalationFlow.class);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final EscalationService escalations;
    private final EscalationProperties config;
    private final ReplySender sender;
    private final TurnProcessor turns;
    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final Duration deadline;

    EscalationFlow(EscalationService escalations, EscalationProperties config, ReplySender sender, TurnProcessor turns,
                   BotFrameworkAdapter adapter, String appId, Duration deadline) {
        this.escalations = escalations;
        this.config = config;
        this.sender = sender;
        this.turns = turns;
        this.adapter = adapter;
        this.appId = appId == null ? "" : appId;
        this.deadline = deadline;
    }

    /**
     * Universal Actions: answers the invoke with the escalation card, which replaces the clicked one. A slow
     * escalation answers "working on it" at the deadline and posts its result in the conversation when done.
     */
    CompletableFuture<AdaptiveCardInvokeResponse> onInvoke(Turn turn, Activity activity) {
        ConversationReference origin = originOf(activity);
        CompletableFuture<AgentReply> work;
        try {
            work = turns.call(turn.conversationId(), () -> escalate(turn));
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(ReplySender.messageResponse(
                    "I'm busy right now; please try again in a minute."));
        }
        return InvokeDeadline.answer("Escalation", turn.conversationId(), work, deadline, reply -> {
            Optional<Reply.Escalation> e = escalationOf(reply);
            e.filter(Reply.Escalation::created).ifPresent(x -> afterwards(turn, x, origin));
            return e.isPresent() ? sender.cardResponse(e.get(), turn.zone()) : sender.invokeResponse(reply, turn.zone());
        }, late -> sendLate(turn, late, origin),
                "Escalating is taking longer than usual; I'll post the result in this conversation.", sender, turn.zone());
    }

    /**
     * The {@code Action.Submit} fallback, already on the turn processor: escalates here; the returned sends replace the
     * clicked card ({@code cardId}) with the escalation card, say who was first if someone was, and post a new
     * escalation.
     */
    BotCallbackHandler onSubmit(Turn turn, ConversationReference origin, String cardId) {
        AgentReply reply = escalate(turn);
        Optional<Reply.Escalation> e = escalationOf(reply);
        if (e.isEmpty()) {
            return ctx -> sender.sendTo(ctx, reply, origin, turn.zone());
        }
        return ctx -> {
            CompletableFuture<Void> shown = cardId == null
                    ? sender.sendTo(ctx, AgentReply.of(e.get()), origin, turn.zone())
                    : sender.update(ctx, cardId, e.get(), turn.zone());
            if (!e.get().created()) {
                return shown.thenCompose(r -> sender.sendTo(ctx, AgentReply.of(alreadyEscalated(e.get())), origin,
                        turn.zone()));
            }
            return shown.thenCompose(r -> post(ctx, e.get(), origin, turn));
        };
    }

    private AgentReply escalate(Turn turn) {
        return reply(escalations.escalate(str(turn.action().get("runId")), str(turn.action().get("factory")),
                turn.userName()));
    }

    /** The Teams card (or words) for what an Escalate click came to. */
    public static AgentReply reply(EscalationOutcome outcome) {
        if (outcome instanceof EscalationOutcome.Escalated e) {
            Diagnosis d = e.diagnosis();
            String root = d.hasRootCause()
                    ? d.rootCause().path() + ": " + ErrorText.summary(d.rootCause().activity().error().message(), 300)
                    : ErrorText.summary(e.run().message(), 300);
            return AgentReply.of(new Reply.Escalation(e.run(), root, d.errorClass().label(), d.errorClass().nextStep(),
                    e.escalation().escalatedBy(), e.escalation().at(), e.guidance(), e.created(), ""));
        }
        if (outcome instanceof EscalationOutcome.Failed f) {
            return AgentReply.of(new Reply.Problem(f.error().kind(), f.error().getMessage(), f.error().factory()));
        }
        String why = outcome instanceof EscalationOutcome.RunGone g
                ? "I can't find run " + g.runId().replaceAll("[^A-Za-z0-9-]", "") + ", so I did not escalate it."
                : "That button did not say which run to escalate.";
        return AgentReply.of(Reply.Suggestions.staleCard(why));
    }

    private static Optional<Reply.Escalation> escalationOf(AgentReply reply) {
        return reply.parts().stream().filter(Reply.Escalation.class::isInstance).map(Reply.Escalation.class::cast).findFirst();
    }

    static Reply.Text alreadyEscalated(Reply.Escalation e) {
        return new Reply.Text("Run " + e.run().runId() + " of " + "**"
                + ErrorText.escapeMarkdown(e.run().pipelineName()) + "** is already escalated: by "
                + ErrorText.escapeMarkdown(e.escalatedBy()) + " at " + AT.format(e.at()) + ".");
    }

    /** After the invoke answered: post the new escalation to the incident channel (or say how to configure one). */
    private void afterwards(Turn turn, Reply.Escalation e, ConversationReference origin) {
        try {
            // After the conversation's turns queued now; the sending is handed over.
            turns.submit(turn.conversationId(), () -> turns.send(turn.conversationId(), "the escalation",
                    () -> adapter.continueConversation(appId, origin, ctx -> post(ctx, e, origin, turn))));
        } catch (RejectedExecutionException busy) {
            log.warn("Turn queue full; escalation of {} not posted to the incident channel", e.run().runId());
        }
    }

    private void sendLate(Turn turn, AgentReply reply, ConversationReference origin) {
        Optional<Reply.Escalation> e = escalationOf(reply);
        turns.send(turn.conversationId(), "the late escalation", () -> adapter.continueConversation(appId, origin, ctx -> {
            CompletableFuture<Void> shown = sender.sendTo(ctx, reply, origin, turn.zone());
            return e.filter(Reply.Escalation::created).map(x -> shown.thenCompose(r -> post(ctx, x, origin, turn)))
                    .orElse(shown);
        }));
    }

    /** Posts to the incident channel and tells the conversation where it went. */
    private CompletableFuture<Void> post(TurnContext ctx, Reply.Escalation e, ConversationReference origin, Turn turn) {
        if (!config.channelConfigured()) {
            return sender.sendTo(ctx, AgentReply.of(new Reply.Text(howToConfigure())), origin, turn.zone());
        }
        return postToChannel(ctx, e.withOriginLink(linkTo(origin)), origin, sender.view(turn.zone()))
                .thenCompose(id -> sender.sendTo(ctx, AgentReply.of(new Reply.Text(
                        "Escalated to the incident channel" + (id.isPresent() ? " (new thread)." : "."))), origin, turn.zone()))
                .exceptionallyCompose(x -> {
                    log.error("Could not post the escalation to the incident channel", x);
                    // In the conversation's order: the next send waits for this one.
                    return sender.sendTo(ctx, AgentReply.of(new Reply.Text("I recorded the escalation but could not "
                            + "post it to the incident channel; please tell the on-call engineer directly.")), origin,
                            turn.zone());
                });
    }

    /**
     * What to tell the user when no incident channel is configured: settings are for the bot's administrators, so
     * the user is told whom to ask, and the setting goes to the log.
     */
    static String howToConfigure() {
        log.info("An escalation stayed in its conversation: no incident channel is configured (ADFOPS_ESCALATION_CHANNELID, "
                + "and ADFOPS_ESCALATION_ONCALLID / ADFOPS_ESCALATION_ONCALLNAME to @mention the on-call engineer)");
        return "Escalations aren't sent to an incident channel from here yet, so this one stays in this conversation: "
                + "tell the on-call engineer directly. Your Teams admin can set up an incident channel for the bot.";
    }

    /** A new thread in the incident channel; completes with its conversation id. */
    private CompletableFuture<Optional<String>> postToChannel(TurnContext ctx, Reply.Escalation e,
                                                              ConversationReference origin, CardFactory.View view) {
        Activity message = sender.activities(AgentReply.of(e), view.zone()).get(0);
        if (config.oncallId() != null && !config.oncallId().isBlank()) {
            String name = config.oncallName() == null || config.oncallName().isBlank() ? "on-call" : config.oncallName();
            String at = "<at>" + name + "</at>";
            message.setText(at + " please take a look: " + ErrorText.escapeMarkdown(e.run().pipelineName())
                    + " failed.");
            message.setTextFormat(TextFormatTypes.XML);
            Mention mention = new Mention();
            mention.setMentioned(new ChannelAccount(config.oncallId(), name));
            mention.setText(at);
            message.setEntities(List.of(new com.microsoft.bot.schema.Entity().setAs(mention)));
        }
        String tenant = origin.getConversation() == null ? null : origin.getConversation().getTenantId();
        return ChannelPosts.newThread(ctx, config.channelId(), config.teamId(), tenant, message).thenApply(r -> {
            String id = r == null ? null : r.getId();
            escalations.postedTo(e.run().factory().factoryName(), e.run().runId(), id == null ? config.channelId() : id);
            log.info("Escalation of run {} posted to the incident channel", e.run().runId());
            return Optional.ofNullable(id);
        });
    }

    /** Where the escalation came from: the clicked card's message in its conversation. */
    private static ConversationReference originOf(Activity activity) {
        ConversationReference origin = activity.getConversationReference();
        if (activity.getReplyToId() != null) {
            origin.setActivityId(activity.getReplyToId());
        }
        return origin;
    }

    /** A Teams deep link back to the conversation the escalation came from, for channels and group chats; or "". */
    static String linkTo(ConversationReference origin) {
        if (origin.getConversation() == null || origin.getConversation().getId() == null) {
            return "";
        }
        String id = origin.getConversation().getId();
        if (TeamsIds.isThread(id)) {
            return "https://teams.microsoft.com/l/message/" + enc(TeamsIds.withoutThread(id)) + "/"
                    + enc(TeamsIds.threadMessageId(id));
        }
        if (id.startsWith("19:")) {
            return "https://teams.microsoft.com/l/chat/" + enc(id) + "/conversations";
        }
        return "";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String str(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o).trim();
    }
}
