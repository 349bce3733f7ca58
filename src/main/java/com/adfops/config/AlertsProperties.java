package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerts into the conversations that watch pipelines.
 *
 * @param enabled     detect and post alerts ({@code ADFOPS_ALERTS_ENABLED})
 * @param every       how often detection looks at the runs that ended ({@code ADFOPS_ALERTS_EVERY}); it reads the
 *                    run index, so it costs Data Factory nothing extra
 * @param overlap     how far each pass reaches back before the last one, for late runs ({@code ADFOPS_ALERTS_OVERLAP})
 * @param groupWindow failures of several pipelines with the same root cause (error code and linked service or
 *                    target) within this window share one card ({@code ADFOPS_ALERTS_GROUPWINDOW})
 * @param digestAfter more new alerts than this for one conversation at once become one digest card
 *                    ({@code ADFOPS_ALERTS_DIGESTAFTER})
 * @param runtimeLookahead an unhealthy self-hosted integration runtime's alert lists the pipelines that use it and run
 *                    within this ({@code ADFOPS_ALERTS_RUNTIMELOOKAHEAD})
 * @param webhookSecret the password of Basic credentials in a plain webhook's URI ({@code ADFOPS_ALERTS_WEBHOOKSECRET});
 *                    empty: plain webhooks are refused
 * @param audience    a Secure webhook's identifier URI (the app registration's Application ID URI)
 *                    ({@code ADFOPS_ALERTS_AUDIENCE}); empty: Secure webhooks are refused
 * @param tenantId    the Entra tenant that issues a Secure webhook's tokens ({@code ADFOPS_ALERTS_TENANTID})
 * @param callerAppId the app id in those tokens ({@code ADFOPS_ALERTS_CALLERAPPID}; default: Azure Monitor's action
 *                    group service)
 * @param role        an app role those tokens must carry ({@code ADFOPS_ALERTS_ROLE}); empty: none required
 * @param jwksUrl     the tenant's signing keys ({@code ADFOPS_ALERTS_JWKSURL}; empty: Entra's for the tenant)
 */
@ConfigurationProperties(prefix = "adfops.alerts")
public record AlertsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration every,
        @DefaultValue("10m") Duration overlap,
        @DefaultValue("5m") Duration groupWindow,
        @DefaultValue("5") int digestAfter,
        @DefaultValue("12h") Duration runtimeLookahead,
        String webhookSecret,
        String audience,
        String tenantId,
        String callerAppId,
        String role,
        String jwksUrl) {
}
