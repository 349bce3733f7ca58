package com.adfops.teams;

import com.adfops.agent.Reply;
import com.adfops.cards.CardFactory;
import com.adfops.config.EscalationProperties;
import com.adfops.state.Escalations;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.TextFormatTypes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an escalation to the configured incident channel as a new thread (through the Bot Connector, with the
 * credentials of the conversation it came from): the escalation card, an @mention of the on-call contact and a
 * link back to the original conversation.
 */
final class EscalationPoster {

    private static final Logger log = LoggerFactory.getLogger(EscalationPoster.class);

    private final EscalationProperties config;
    private final CardFactory cards;
    private final Escalations escalations;

    EscalationPoster(EscalationProperties config, CardFactory cards, Escalations escalations) {
        this.config = config;
        this.cards = cards;
        this.escalations = escalations;
    }

    boolean configured() {
        return config.channelConfigured();
    }

    /** What to tell the user when no incident channel is configured. */
    static String howToConfigure() {
        return "No incident channel is configured, so this escalation stays in this conversation. To post escalations "
                + "to an incident channel, set ADFOPS_ESCALATION_CHANNELID (the channel's id) and, to @mention the "
                + "on-call engineer, ADFOPS_ESCALATION_ONCALLID and ADFOPS_ESCALATION_ONCALLNAME.";
    }

    /** Posts the escalation; completes with the new thread's conversation id, or empty if not configured. */
    CompletableFuture<Optional<String>> post(TurnContext ctx, Reply.Escalation e, ConversationReference origin,
                                             CardFactory.View view) {
        if (!configured()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ConnectorClient client = ctx.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no connector client in this turn"));
        }
        ObjectNode card = (ObjectNode) cards.card(e, view);
        String link = linkTo(origin);
        if (link != null) {
            ObjectNode open = card.withArray("actions").addObject();
            open.put("type", "Action.OpenUrl");
            open.put("title", "Open the original conversation");
            open.put("url", link);
        }
        Activity message = MessageFactory.attachment(AdfOpsBot.cardAttachment(card));
        if (config.oncallId() != null && !config.oncallId().isBlank()) {
            String name = config.oncallName() == null || config.oncallName().isBlank() ? "on-call" : config.oncallName();
            String at = "<at>" + name + "</at>";
            message.setText(at + " please take a look: " + e.run().pipelineName() + " failed.");
            message.setTextFormat(TextFormatTypes.XML);
            Mention mention = new Mention();
            mention.setMentioned(new ChannelAccount(config.oncallId(), name));
            mention.setText(at);
            message.setEntities(List.of(new com.microsoft.bot.schema.Entity().setAs(mention)));
        }
        ConversationParameters params = new ConversationParameters();
        params.setIsGroup(true);
        ObjectNode channelData = JsonNodeFactory.instance.objectNode();
        channelData.putObject("channel").put("id", config.channelId());
        if (config.teamId() != null && !config.teamId().isBlank()) {
            channelData.putObject("team").put("id", config.teamId());
        }
        params.setChannelData(channelData);
        params.setActivity(message);
        if (origin.getConversation() != null && origin.getConversation().getTenantId() != null) {
            params.setTenantId(origin.getConversation().getTenantId());
        }
        return client.getConversations().createConversation(params).thenApply(r -> {
            String id = r == null ? null : r.getId();
            escalations.postedTo(e.run().factory().factoryName(), e.run().runId(), id == null ? config.channelId() : id);
            log.info("Escalation of run {} posted to the incident channel", e.run().runId());
            return Optional.ofNullable(id);
        });
    }

    /** A Teams deep link back to the conversation the escalation came from, for channels and group chats. */
    static String linkTo(ConversationReference origin) {
        if (origin.getConversation() == null || origin.getConversation().getId() == null) {
            return null;
        }
        String id = origin.getConversation().getId();
        int thread = id.indexOf(";messageid=");
        if (thread > 0) {
            return "https://teams.microsoft.com/l/message/" + enc(id.substring(0, thread)) + "/"
                    + enc(id.substring(thread + ";messageid=".length()));
        }
        if (id.startsWith("19:")) {
            return "https://teams.microsoft.com/l/chat/" + enc(id) + "/conversations";
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
