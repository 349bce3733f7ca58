package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a conversation remembers.
 *
 * @param ttl how long the run in focus and the last list answer follow-ups such as "why did it fail?"
 *            ({@code ADFOPS_CONTEXT_TTL}); older context is not used, and the bot says it expired
 * @param retention how long a conversation's context is kept after it last changed ({@code ADFOPS_CONTEXT_RETENTION});
 *                  older ones are deleted by an hourly sweep; 0 keeps them forever
 */
@ConfigurationProperties(prefix = "adfops.context")
public record ContextProperties(@DefaultValue("12h") Duration ttl, @DefaultValue("30d") Duration retention) {
}
