package com.adfops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Who may act is trusted only with Bot Framework authentication: configured without it, the bot does not start. */
class ActionsStartupTest {

    static final String ANA = "0000aaaa-0000-0000-0000-000000000001";
    final CapabilityWiring wiring = new CapabilityWiring();
    final AdfProperties realFactory = new AdfProperties(List.of(), "sub", "rg", "df-prod", Duration.ofSeconds(30), "AzureCloud", "20,200");

    private static ActionsProperties allowed(String... ids) {
        return new ActionsProperties(List.of(ids), List.of(), Duration.ofMinutes(10), Duration.ofSeconds(15));
    }

    @Test
    void actionsConfiguredWithoutBotAuthenticationRefuseToStart() {
        assertThatThrownBy(() -> wiring.actionPolicy(allowed(ANA), realFactory, BotProperties.from(new MockEnvironment())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADFOPS_ACTIONS_ALLOWED is set, but Bot Framework authentication is not")
                .hasMessageContaining("MicrosoftAppId");
    }

    @Test
    void withAuthenticationTheListDecidesAndWithoutAListARealFactoryIsOff() {
        MockEnvironment authenticated = new MockEnvironment().withProperty("MicrosoftAppId", "11111111-2222-3333-4444-555555555555");
        assertThat(wiring.actionPolicy(allowed(ANA), realFactory, BotProperties.from(authenticated))
                .check("df-prod", new com.adfops.actions.Actor("Ana", ANA)).allowed()).isTrue();
        assertThat(wiring.actionPolicy(allowed(), realFactory, BotProperties.from(new MockEnvironment()))
                .check("df-prod", new com.adfops.actions.Actor("Ana", ANA)).allowed()).isFalse();
        AdfProperties simulated = new AdfProperties(List.of(), null, null, null, Duration.ofSeconds(30), "AzureCloud", "20,200");
        assertThat(wiring.actionPolicy(allowed(), simulated, BotProperties.from(new MockEnvironment()))
                .check("sim", new com.adfops.actions.Actor("Ana", null)).allowed()).isTrue();
    }
}
