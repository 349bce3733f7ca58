package com.adfops.teams;

import com.adfops.agent.Agent;
import com.adfops.cards.CardFactory;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The Bot Framework adapter (with its turn error boundary) and the bot. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class BotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotConfiguration.class);

    /** botbuilder reads MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId through this. */
    @Bean
    Configuration botFrameworkConfiguration(Environment env) {
        return new Configuration() {
            @Override
            public String getProperty(String key) {
                return env.getProperty(key, "");
            }

            @Override
            public Properties getProperties() {
                Properties p = new Properties();
                for (String k : new String[] {"MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId",
                    "MicrosoftAppType", "ChannelService"}) {
                    p.setProperty(k, env.getProperty(k, ""));
                }
                return p;
            }

            @Override
            public String[] getProperties(String key) {
                String v = env.getProperty(key, "");
                return v.isEmpty() ? new String[0] : v.split(",");
            }
        };
    }

    @Bean
    BotFrameworkHttpAdapter botAdapter(Configuration configuration, CardFactory cards) {
        BotFrameworkHttpAdapter adapter = new BotFrameworkHttpAdapter(configuration);
        adapter.setOnTurnError((turnContext, exception) -> {
            // One error boundary per turn: full cause to the log, a friendly card to the user.
            log.error("Turn failed in conversation {}", turnContext.getActivity().getConversation() == null ? "?"
                    : turnContext.getActivity().getConversation().getId(), exception);
            return turnContext.sendActivity(MessageFactory.attachment(
                            AdfOpsBot.cardAttachment(cards.expand("error", TurnErrors.unexpected()))))
                    .handle((r, e) -> {
                        if (e != null) {
                            log.warn("Could not send the error card", e);
                        }
                        return null;
                    });
        });
        return adapter;
    }

    @Bean
    AdfOpsBot adfOpsBot(Agent agent, CardFactory cards, Clock clock) {
        return new AdfOpsBot(agent, cards, clock);
    }
}
