package com.adfops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ConfigurationDefaultsTest {

    @Configuration
    @EnableConfigurationProperties({AdfProperties.class, SimProperties.class})
    static class Props {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Props.class);

    @Test
    void defaultsMeanTheEmbeddedFactory() {
        runner.run(ctx -> {
            AdfProperties adf = ctx.getBean(AdfProperties.class);
            assertThat(adf.allFactories()).isEmpty();
            assertThat(adf.timeout()).isEqualTo(Duration.ofSeconds(30));
            SimProperties sim = ctx.getBean(SimProperties.class);
            assertThat(sim.dataset()).isNull();
            assertThat(sim.pageSize()).isEqualTo(100);
        });
    }

    @Test
    void factoriesBindFromTheListAndTheShortcut() {
        runner.withPropertyValues(
                        "adfops.adf.factories[0].subscription-id=s1", "adfops.adf.factories[0].resource-group=rg1",
                        "adfops.adf.factories[0].name=f1",
                        "adfops.adf.subscription-id=s2", "adfops.adf.resource-group=rg2", "adfops.adf.factory-name=f2, f3",
                        "adfops.adf.timeout=5s")
                .run(ctx -> {
                    AdfProperties adf = ctx.getBean(AdfProperties.class);
                    assertThat(adf.allFactories()).containsExactly(
                            new AdfProperties.Factory("s1", "rg1", "f1"),
                            new AdfProperties.Factory("s2", "rg2", "f2"),
                            new AdfProperties.Factory("s2", "rg2", "f3"));
                    assertThat(adf.timeout()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void aFactoryNameWithoutItsSubscriptionIsAClearError() {
        runner.withPropertyValues("adfops.adf.factory-name=f1").run(ctx -> {
            AdfProperties adf = ctx.getBean(AdfProperties.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(adf::allFactories)
                    .hasMessageContaining("AZURE_SUBSCRIPTION_ID");
        });
    }
}
