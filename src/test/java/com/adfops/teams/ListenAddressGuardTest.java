package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ListenAddressGuardTest {

    static StandardEnvironment env(Map<String, Object> props) {
        StandardEnvironment e = new StandardEnvironment();
        e.getPropertySources().addFirst(new MapPropertySource("test", props));
        return e;
    }

    @Test
    void loopbackWithoutAuthenticationIsFine() {
        assertThatCode(() -> ListenAddressGuard.check(env(Map.of("server.address", "127.0.0.1")))).doesNotThrowAnyException();
        assertThatCode(() -> ListenAddressGuard.check(env(Map.of("server.address", "::1")))).doesNotThrowAnyException();
    }

    @Test
    void networkAddressWithoutAuthenticationIsRefused() {
        assertThatThrownBy(() -> ListenAddressGuard.check(env(Map.of("server.address", "0.0.0.0"))))
                .hasMessageContaining("without authentication").hasMessageContaining("ADFOPS_ALLOW_UNAUTHENTICATED");
        assertThatThrownBy(() -> ListenAddressGuard.check(env(Map.of("server.address", ""))))
                .hasMessageContaining("all interfaces");
    }

    @Test
    void theApplicationRefusesToStartThatWay() {
        assertThatThrownBy(() -> new org.springframework.boot.builder.SpringApplicationBuilder(com.adfops.AdfOpsApplication.class)
                .run("--server.address=0.0.0.0", "--server.port=0", "--MicrosoftAppId=",
                        // Spring's "Application run failed" report of the refusal this test provokes: not for the build log.
                        "--logging.level.org.springframework.boot.SpringApplication=OFF"))
                .hasMessageContaining("Refusing to listen on '0.0.0.0' without authentication");
    }

    @Test
    void authenticationOrTheExplicitFlagAllowsIt() {
        assertThatCode(() -> ListenAddressGuard.check(env(Map.of("server.address", "0.0.0.0", "MicrosoftAppId", "abc"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> ListenAddressGuard.check(env(Map.of("server.address", "0.0.0.0",
                "adfops.auth.allow-unauthenticated", "true")))).doesNotThrowAnyException();
        // Relaxed binding: the environment-variable form of the setting works too.
        StandardEnvironment fromEnv = env(Map.of("server.address", "0.0.0.0"));
        fromEnv.getPropertySources().addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                "test-systemEnvironment", Map.of("ADFOPS_AUTH_ALLOWUNAUTHENTICATED", "true")));
        assertThatCode(() -> ListenAddressGuard.check(fromEnv)).doesNotThrowAnyException();
    }
}
