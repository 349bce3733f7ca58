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
 * @param reportChannelId the channel *Share to channel* posts an export's summary to ({@code 19:...};
 *                   {@code ADFOPS_EXPORT_REPORTCHANNELID}); empty: the incident channel
 *                   ({@code ADFOPS_ESCALATION_CHANNELID}); neither: the button is not offered
 * @param reportTeamId the team of that channel ({@code ADFOPS_EXPORT_REPORTTEAMID})
 */
@ConfigurationProperties(prefix = "adfops.export")
public record ExportProperties(String publicUrl, String signingKey, @DefaultValue("15m") Duration linkTtl,
                               String reportChannelId, String reportTeamId) {

    /** Whether exports can be shared to a channel: the report channel's, or else the incident channel's. */
    public boolean shareable(EscalationProperties escalation) {
        return (reportChannelId != null && !reportChannelId.isBlank()) || escalation.channelConfigured();
    }
}
