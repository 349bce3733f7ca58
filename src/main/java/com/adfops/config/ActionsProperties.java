package com.adfops.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rerun and cancel from the card.
 *
 * @param allowed     who may act on a real factory ({@code ADFOPS_ACTIONS_ALLOWED}): entries
 *                    {@code [factory:]objectId[=Display name]}, comma-separated, each an Entra object id of a user or a
 *                    group; empty = nobody (on the embedded simulated factory: anyone). Requires Bot Framework
 *                    authentication (MicrosoftAppId): the bot refuses to start without it
 * @param groups      members of the groups named in {@code allowed}, as a static list ({@code ADFOPS_ACTIONS_GROUPS}):
 *                    {@code groupId=memberId memberId ...}, comma-separated
 * @param confirmFor  how long a confirmation card can be confirmed ({@code ADFOPS_ACTIONS_CONFIRMFOR})
 * @param followEvery how often the runs started (or cancelled) from cards are checked until they end
 *                    ({@code ADFOPS_ACTIONS_FOLLOWEVERY})
 */
@ConfigurationProperties(prefix = "adfops.actions")
public record ActionsProperties(
        List<String> allowed,
        List<String> groups,
        @DefaultValue("10m") Duration confirmFor,
        @DefaultValue("15s") Duration followEvery) {

    public ActionsProperties {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
