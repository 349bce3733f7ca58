package com.adfops.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where escalations go.
 *
 * @param channelId  the incident channel's Teams id ({@code 19:...@thread.tacv2}; {@code ADFOPS_ESCALATION_CHANNELID});
 *                   empty: escalations stay in the conversation they came from
 * @param teamId     the team of that channel, for the record ({@code ADFOPS_ESCALATION_TEAMID})
 * @param oncallId   the on-call contact to @mention: their Teams user id or Entra object id
 *                   ({@code ADFOPS_ESCALATION_ONCALLID})
 * @param oncallName the on-call contact's display name ({@code ADFOPS_ESCALATION_ONCALLNAME})
 */
@ConfigurationProperties(prefix = "adfops.escalation")
public record EscalationProperties(String channelId, String teamId, String oncallId, String oncallName) {

    public boolean channelConfigured() {
        return channelId != null && !channelId.isBlank();
    }
}
