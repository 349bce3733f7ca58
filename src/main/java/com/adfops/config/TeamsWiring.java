package com.adfops.config;

import com.adfops.cards.CardFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the Teams face needs from the wiring: the bot's Bot Framework identity and the card factory. */
@Configuration(proxyBeanMethods = false)
public class TeamsWiring {

    /** The bot's Bot Framework identity (MicrosoftAppId and its kin): read here, once. */
    @Bean
    public BotProperties botProperties(org.springframework.core.env.Environment env) {
        return BotProperties.from(env);
    }

    @Bean
    public CardFactory cardFactory(ObjectMapper adfopsJson) {
        return new CardFactory(adfopsJson);
    }
}
