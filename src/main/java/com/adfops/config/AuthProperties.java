package com.adfops.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may talk to the bot, beyond Bot Framework authentication (MicrosoftAppId and its credentials).
 *
 * @param allowedTenants       Entra tenant ids allowed to talk to the bot, comma-separated
 *                             ({@code ADFOPS_AUTH_ALLOWEDTENANTS}); empty = any tenant
 * @param allowUnauthenticated let a bot without MicrosoftAppId listen on a non-loopback address
 *                             ({@code ADFOPS_ALLOW_UNAUTHENTICATED}; local development on a trusted network only)
 */
@ConfigurationProperties(prefix = "adfops.auth")
public record AuthProperties(List<String> allowedTenants, @DefaultValue("false") boolean allowUnauthenticated) {

    public AuthProperties {
        allowedTenants = allowedTenants == null ? List.of() : List.copyOf(allowedTenants);
    }

    /** The allowed tenants, trimmed and lower case; empty = any. */
    public Set<String> tenants() {
        return allowedTenants.stream().map(String::trim).filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
