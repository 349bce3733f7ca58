package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.agent.Turn;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.Test;

/** Who clicked: the Entra object id is taken from Teams activities only. */
class ActivityReaderTest {

    static final String SOMEONE_ELSE = "0000aaaa-0000-0000-0000-000000000001";

    private static Activity submit(String channelId) {
        ObjectNode a = TeamsActivities.sample("personal-card-submit.json", "http://127.0.0.1:9/", "a:who");
        a.put("channelId", channelId);
        ((ObjectNode) a.get("from")).put("aadObjectId", SOMEONE_ELSE);
        return BotController.parse(a.toString());
    }

    @Test
    void aTeamsActivityCarriesTheClickersObjectId() {
        Turn turn = ActivityReader.messageTurn(submit("msteams"));
        assertThat(turn.userId()).isEqualTo(SOMEONE_ELSE);
    }

    /**
     * Web Chat, Direct Line and the Emulator let their client write any aadObjectId: a Confirm from them claiming
     * another person's id acts as nobody (the policy then refuses it), and is never audited in that person's name.
     */
    @Test
    void anObjectIdFromAnyOtherChannelIsIgnored() {
        for (String channel : new String[] {"webchat", "directline", "emulator", "slack", "", "msteams2", "MSTeams-x"}) {
            assertThat(ActivityReader.messageTurn(submit(channel)).userId()).as(channel).isNull();
        }
        assertThat(ActivityReader.messageTurn(submit("MSTeams")).userId()).isEqualTo(SOMEONE_ELSE);
    }

    /**
     * A click acts as its user only from a tenant whose users may act: the allow-list, else the bot's own tenant; a
     * user of another tenant (a multi-tenant bot installed elsewhere) acts as nobody.
     */
    @Test
    void aClickActsAsItsUserOnlyFromATenantWhoseUsersMayAct() {
        Turn turn = ActivityReader.messageTurn(submit("msteams"));
        String tenant = turn.tenantId();
        assertThat(tenant).isNotBlank();
        assertThat(ActionFlow.actsAs(turn, java.util.Set.of(tenant.toLowerCase(java.util.Locale.ROOT))))
                .isEqualTo(SOMEONE_ELSE);
        assertThat(ActionFlow.actsAs(turn, java.util.Set.of("11111111-0000-0000-0000-000000000000"))).isNull();
        assertThat(ActionFlow.actsAs(turn, java.util.Set.of())).as("local: no tenant configured").isEqualTo(SOMEONE_ELSE);

        com.adfops.config.AuthProperties none = new com.adfops.config.AuthProperties(java.util.List.of(), false);
        com.adfops.config.AuthProperties listed = new com.adfops.config.AuthProperties(java.util.List.of(" T1 ", "t2"), false);
        assertThat(BotConfiguration.actingTenants(listed, "own")).containsExactlyInAnyOrder("t1", "t2");
        assertThat(BotConfiguration.actingTenants(none, " OWN-Tenant ")).containsExactly("own-tenant");
        assertThat(BotConfiguration.actingTenants(none, "")).isEmpty();
    }
}
