package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Compliance exports.
 *
 * @param publicUrl  the bot's own HTTPS address that download links point at ({@code ADFOPS_EXPORT_PUBLICURL}); empty:
 *                   {@code http://127.0.0.1:<port>} (local use)
 * @param signingKey the HMAC key of the links, at least 16 characters, the same on every instance
 *                   ({@code ADFOPS_EXPORT_SIGNINGKEY}); empty: a random key per process (links of one instance only)
 * @param linkTtl    how long a link works ({@code ADFOPS_EXPORT_LINKTTL})
 */
@ConfigurationProperties(prefix = "adfops.export")
public record ExportProperties(String publicUrl, String signingKey, @DefaultValue("15m") Duration linkTtl) {
}
