package com.adfops.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.answers.ActionRefusal;
import com.adfops.cards.ActionWords;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionPolicyTest {

    static final String ANA = "0000aaaa-0000-0000-0000-000000000001";
    static final String BO = "0000bbbb-0000-0000-0000-000000000002";
    static final String OPS = "0000cccc-0000-0000-0000-00000000000c";

    @Test
    void onTheSimulatedFactoryAnyoneMayActUnlessPeopleAreListed() {
        assertThat(new ActionPolicy(true, List.of(), List.of()).check("sim", new Actor("x", null)).allowed()).isTrue();
        assertThat(new ActionPolicy(true, List.of(ANA), List.of()).check("sim", new Actor("Bo", BO)).allowed()).isFalse();
    }

    @Test
    void entriesAreUsersGroupsAndPerFactory() {
        ActionPolicy p = new ActionPolicy(false, List.of("df-prod:" + ANA.toUpperCase() + "=Ana", "group-less:" + BO,
                OPS + "=Data on-call"), List.of(OPS + "=" + BO + " 0000dddd-0000-0000-0000-00000000000d"));
        assertThat(p.configured()).isTrue();
        assertThat(p.check("DF-PROD", new Actor("Ana", ANA)).allowed()).as("case-insensitive ids and factory").isTrue();
        assertThat(p.check("df-test", new Actor("Ana", ANA)).allowed()).as("Ana only on df-prod").isFalse();
        assertThat(p.check("df-test", new Actor("Bo", BO)).allowed()).as("Bo through the group").isTrue();
        assertThat(p.check("df-test", new Actor("Dee", "0000dddd-0000-0000-0000-00000000000D")).allowed()).isTrue();
        ActionPolicy.Decision no = p.check("df-test", new Actor("Eve", "0000eeee-0000-0000-0000-00000000000e"));
        assertThat(no.allowed()).isFalse();
        assertThat(no.refusal()).isEqualTo(new ActionRefusal(ActionRefusal.Why.NOT_LISTED, "df-test", "Eve",
                List.of(new ActionRefusal.Principal("Data on-call", OPS.toLowerCase(java.util.Locale.ROOT), true))));
        assertThat(ActionWords.refusal(no.refusal())).contains("Eve").contains("Who can: Data on-call").doesNotContain("Ana");
        ActionPolicy.Decision anonymous = p.check("df-prod", new Actor("Eve", null));
        assertThat(anonymous.refusal().why()).isEqualTo(ActionRefusal.Why.UNKNOWN_IDENTITY);
        assertThat(anonymous.refusal().whoCan()).extracting(ActionRefusal.Principal::label).containsExactly("Ana", "Data on-call");
        assertThat(ActionWords.refusal(anonymous.refusal())).contains("can't tell who you are");
        assertThat(p.check("df-other", new Actor("Ana", ANA)).refusal().whoCan())
                .extracting(ActionRefusal.Principal::label).containsExactly("Data on-call");
    }

    @Test
    void aRealFactoryWithNobodyListedIsOffAndBadEntriesStopTheStart() {
        ActionRefusal off = new ActionPolicy(false, List.of(), List.of()).check("df-prod", new Actor("Ana", ANA)).refusal();
        assertThat(off).isEqualTo(new ActionRefusal(ActionRefusal.Why.TURNED_OFF, "df-prod", "Ana", List.of()));
        assertThat(ActionWords.refusal(off)).contains("turned off for factory df-prod").contains("ADFOPS_ACTIONS_ALLOWED");
        assertThat(new ActionPolicy(false, List.of("df-prod:" + ANA), List.of()).check("df-test", new Actor("Ana", ANA))
                .refusal().why()).as("people are listed, none for this factory").isEqualTo(ActionRefusal.Why.NOBODY_HERE);
        assertThatThrownBy(() -> new ActionPolicy(false, List.of("ana@contoso.com"), List.of()))
                .hasMessageContaining("ADFOPS_ACTIONS_ALLOWED").hasMessageContaining("ana@contoso.com");
        assertThatThrownBy(() -> new ActionPolicy(false, List.of(ANA), List.of("just-a-group")))
                .hasMessageContaining("ADFOPS_ACTIONS_GROUPS");
    }
}
