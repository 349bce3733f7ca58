package com.adfops.teams;

import com.adfops.adf.DataFactory;
import com.adfops.agent.Agent;
import com.adfops.cards.CardFactory;
import com.adfops.config.EscalationProperties;
import com.adfops.config.BotProperties;
import com.adfops.config.TurnProperties;
import com.adfops.escalation.EscalationService;
import com.adfops.state.Installations;
import com.adfops.state.JsonDocuments;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.integration.Configuration;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;

/** The Teams edge's wiring: the Bot Framework adapter (with its turn error boundary), the bot and its helpers. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class BotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotConfiguration.class);

    /** botbuilder reads MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId through this: the settings record. */
    @Bean
    Configuration botFrameworkConfiguration(BotProperties bot) {
        return new Configuration() {
            @Override
            public String getProperty(String key) {
                return bot.byKey(key);
            }

            @Override
            public Properties getProperties() {
                Properties p = new Properties();
                for (String k : new String[] {"MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId",
                    "MicrosoftAppType", "ChannelService"}) {
                    p.setProperty(k, bot.byKey(k));
                }
                return p;
            }

            @Override
            public String[] getProperties(String key) {
                String v = bot.byKey(key);
                return v.isEmpty() ? new String[0] : v.split(",");
            }
        };
    }

    /**
     * The adapter. With {@code MicrosoftAppType=UserAssignedMSI} the bot authenticates to the Bot Connector with
     * its managed identity; with a tenant id and a password, as a single-tenant app; otherwise with the
     * standard settings (empty = local development without authentication).
     */
    @Bean
    BotFrameworkAdapter botAdapter(Configuration configuration, BotProperties bot, ReplySender sender,
                                   TurnProperties turns) {
        String appId = bot.appId();
        String password = bot.appPassword();
        String tenant = bot.appTenantId();
        String type = bot.appType();
        BotFrameworkAdapter adapter;
        if ("UserAssignedMSI".equalsIgnoreCase(type)) {
            if (appId == null || appId.isBlank()) {
                throw new IllegalStateException(
                        "MicrosoftAppType=UserAssignedMSI needs MicrosoftAppId: the managed identity's client id");
            }
            TokenCredential credential = new ManagedIdentityCredentialBuilder().clientId(appId).build();
            adapter = new TeamsAdapter(new ManagedIdentityAppCredentials(appId, tenant, credential),
                    new SimpleChannelProvider(), turns.connectorRequests());
            log.info("Bot Framework authentication: managed identity {}", appId);
        } else if (notBlank(appId) && notBlank(password) && notBlank(tenant)) {
            adapter = new TeamsAdapter(new MicrosoftAppCredentials(appId, password, tenant),
                    new SimpleChannelProvider(), turns.connectorRequests());
            log.info("Bot Framework authentication: single-tenant app {}", appId);
        } else {
            adapter = new TeamsAdapter(configuration, turns.connectorRequests());
            log.info(notBlank(appId) ? "Bot Framework authentication: app {}"
                    : "Bot Framework authentication disabled (no MicrosoftAppId): local development only", appId);
        }
        // One error boundary per turn: full cause to the log, a friendly card to the user, a failed send to its sender.
        adapter.setOnTurnError(new TurnErrorHandler(sender));
        return adapter;
    }

    /**
     * Whose users may act on cards: the tenant allow-list, else the bot's own tenant (a single-tenant or managed
     * identity bot); with neither (local development), any tenant.
     */
    static java.util.Set<String> actingTenants(com.adfops.config.AuthProperties auth, String ownTenant) {
        if (!auth.tenants().isEmpty()) {
            return auth.tenants();
        }
        return notBlank(ownTenant) ? java.util.Set.of(ownTenant.trim().toLowerCase(java.util.Locale.ROOT))
                : java.util.Set.of();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Bean
    ReplySender replySender(CardFactory cards, Clock clock) {
        return new ReplySender(cards, clock);
    }

    /** Turns run here, off the request thread. */
    @Bean(destroyMethod = "close")
    TurnProcessor turnProcessor(TurnProperties turns) {
        return new TurnProcessor(turns.threads(), turns.maxPending(), turns.heavyThreads(), turns.heavyPending(), turns.heavyDeadline());
    }

    @Bean
    AdfOpsBot adfOpsBot(Agent agent, ReplySender sender, Clock clock, BotFrameworkAdapter adapter,
                        BotProperties bot, TurnProcessor turns, TurnProperties turnSettings,
                        Installations installations, EscalationProperties escalationSettings,
                        EscalationService escalations, JsonDocuments documents, DataFactory dataFactory,
                        com.adfops.actions.ActionService actionService, com.adfops.actions.RunFollower follower,
                        com.adfops.alerts.AlertService alertService, com.adfops.alerts.AlertMonitor alertMonitor,
                        com.adfops.config.ExportProperties exportSettings, com.adfops.config.AuthProperties auth) {
        String appId = bot.appId();
        EscalationFlow escalation = new EscalationFlow(escalations, escalationSettings, sender, turns, adapter, appId,
                turnSettings.cardDeadline());
        ConversationReferences references = new ConversationReferences(documents);
        ActionFlow actions = new ActionFlow(actionService, alertService, agent, sender, turns, adapter, references, appId,
                turnSettings.cardDeadline(), actingTenants(auth, bot.appTenantId()));
        follower.onFinished(actions::finished);
        alertMonitor.postWith(new AlertFlow(sender, adapter, references, new ConnectorLimits(),
                appId));
        // The report channel, else the incident channel.
        boolean ownChannel = notBlank(exportSettings.reportChannelId());
        ReportFlow reports = new ReportFlow(agent, sender, turns, adapter, appId,
                ownChannel ? exportSettings.reportChannelId() : escalationSettings.channelId(),
                ownChannel ? exportSettings.reportTeamId() : escalationSettings.teamId());
        return new AdfOpsBot(agent, sender, clock, adapter, appId, turns, installations, escalation, actions, reports,
                references, dataFactory::status, turnSettings.typingAfter());
    }
}
