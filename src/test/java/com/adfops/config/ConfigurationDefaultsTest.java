package com.adfops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ConfigurationDefaultsTest {

    @Configuration
    @EnableConfigurationProperties({AdfProperties.class, SimProperties.class, DocsProperties.class,
        EscalationProperties.class, FoundryProperties.class, StateProperties.class, AuthProperties.class,
        TurnProperties.class, ContextProperties.class, IndexProperties.class, ActionsProperties.class,
        AlertsProperties.class, CostProperties.class, ExportProperties.class, HistoryProperties.class,
        McpProperties.class, DefinitionsProperties.class, ScheduleProperties.class})
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
    void everyOtherSettingHasItsDocumentedDefault() {
        runner.run(ctx -> {
            DocsProperties docs = ctx.getBean(DocsProperties.class);
            assertThat(docs.mcpUrl()).isEqualTo("https://learn.microsoft.com/api/mcp");
            assertThat(docs.timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(docs.cacheTtl()).isEqualTo(Duration.ofHours(6));
            assertThat(docs.cacheSize()).isEqualTo(500);
            assertThat(docs.retryAfter()).isEqualTo(Duration.ofSeconds(60));
            EscalationProperties esc = ctx.getBean(EscalationProperties.class);
            assertThat(esc.channelConfigured()).isFalse();
            FoundryProperties foundry = ctx.getBean(FoundryProperties.class);
            assertThat(foundry.configured()).isFalse();
            assertThat(foundry.agentName()).isEqualTo("adfops-bot");
            assertThat(foundry.maxRounds()).isEqualTo(8);
            assertThat(foundry.turnDeadline()).isEqualTo(Duration.ofSeconds(60));
            assertThat(foundry.callTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(foundry.concurrency()).isEqualTo(8);
            assertThat(ctx.getBean(DefinitionsProperties.class).refresh()).isEqualTo(Duration.ofMinutes(5));
            StateProperties state = ctx.getBean(StateProperties.class);
            assertThat(state.store()).isEqualTo("file");
            assertThat(state.dir().normalize()).isEqualTo(java.nio.file.Path.of("data"));
            assertThat(state.blobContainer()).isEqualTo("adfops-state");
            assertThat(state.blobTimeout()).isEqualTo(Duration.ofSeconds(10));
            AuthProperties auth = ctx.getBean(AuthProperties.class);
            assertThat(auth.tenants()).isEmpty();
            assertThat(auth.allowUnauthenticated()).isFalse();
            TurnProperties turns = ctx.getBean(TurnProperties.class);
            assertThat(turns.threads()).isEqualTo(8);
            assertThat(turns.maxPending()).isEqualTo(5000);
            assertThat(turns.cardDeadline()).isEqualTo(Duration.ofSeconds(10));
            assertThat(turns.typingAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(turns.connectorRequests()).isEqualTo(64);
            assertThat(turns.heavyThreads()).isEqualTo(2);
            assertThat(turns.heavyPending()).isEqualTo(20);
            assertThat(turns.heavyDeadline()).isEqualTo(Duration.ofSeconds(120));
            assertThat(ctx.getBean(ContextProperties.class).ttl()).isEqualTo(Duration.ofHours(12));
            assertThat(ctx.getBean(ContextProperties.class).retention()).isEqualTo(Duration.ofDays(30));
            IndexProperties index = ctx.getBean(IndexProperties.class);
            assertThat(index.enabled()).isTrue();
            // Twice the default 7-day window: week over week from memory.
            assertThat(index.horizon()).isEqualTo(Duration.ofDays(14));
            assertThat(index.refresh()).isEqualTo(Duration.ofSeconds(30));
            assertThat(index.overlap()).isEqualTo(Duration.ofMinutes(5));
            assertThat(index.activityCacheSize()).isEqualTo(5000);
            assertThat(index.activeTtl()).isEqualTo(Duration.ofSeconds(15));
            // The memory budget from the heap: a quarter of it at 250 bytes a run, at least 50,000.
            assertThat(index.maxRuns()).isZero();
            assertThat(index.maxRunsFor(1L << 30)).isEqualTo(1_073_741);
            assertThat(index.maxRunsFor(64L << 20)).isEqualTo(67_108);
            assertThat(index.maxRunsFor(16L << 20)).isEqualTo(50_000);
            assertThat(index.snapshotInterval()).isEqualTo(Duration.ofMinutes(15));
            assertThat(ctx.getBean(AdfProperties.class).cloud()).isEqualTo("AzureCloud");
            assertThat(ctx.getBean(SimProperties.class).latency()).isZero();
            assertThat(ctx.getBean(SimProperties.class).throttle()).isZero();
            assertThat(ctx.getBean(SimProperties.class).rerunOutcome()).isEqualTo("Succeeded");
            assertThat(ctx.getBean(SimProperties.class).rerunDuration()).isEqualTo(Duration.ofSeconds(20));
            ActionsProperties actions = ctx.getBean(ActionsProperties.class);
            assertThat(actions.allowed()).isEmpty();
            assertThat(actions.groups()).isEmpty();
            assertThat(actions.confirmFor()).isEqualTo(Duration.ofMinutes(10));
            assertThat(actions.followEvery()).isEqualTo(Duration.ofSeconds(15));
            AlertsProperties alerts = ctx.getBean(AlertsProperties.class);
            assertThat(alerts.enabled()).isTrue();
            assertThat(alerts.every()).isEqualTo(Duration.ofSeconds(30));
            assertThat(alerts.overlap()).isEqualTo(Duration.ofMinutes(10));
            assertThat(alerts.groupWindow()).isEqualTo(Duration.ofMinutes(5));
            assertThat(alerts.digestAfter()).isEqualTo(5);
            assertThat(alerts.runtimeLookahead()).isEqualTo(Duration.ofHours(12));
            assertThat(ctx.getBean(CostProperties.class).rates()).isNull();
            assertThat(ctx.getBean(CostProperties.class).readRate()).isEqualTo(4.0);
            assertThat(ctx.getBean(CostProperties.class).readsInFlight()).isEqualTo(2);
            assertThat(ctx.getBean(ExportProperties.class).linkTtl()).isEqualTo(Duration.ofMinutes(15));
            assertThat(ctx.getBean(ScheduleProperties.class).schedule().grace()).isEqualTo(Duration.ofMinutes(15));
            assertThat(ctx.getBean(ScheduleProperties.class).sla()).isNull();
            assertThat(ctx.getBean(ExportProperties.class).signingKey()).isNull();
            assertThat(ctx.getBean(ExportProperties.class).reportChannelId()).isNull();
            assertThat(ctx.getBean(ExportProperties.class).shareable(new EscalationProperties(null, null, null, null))).isFalse();
            assertThat(ctx.getBean(ExportProperties.class).shareable(new EscalationProperties("19:x@thread.tacv2", null, null, null)))
                    .isTrue();
            HistoryProperties history = ctx.getBean(HistoryProperties.class);
            assertThat(history.enabled()).isFalse();
            assertThat(history.retention()).isEqualTo(Duration.ofDays(90));
            assertThat(history.pageRows()).isEqualTo(10000);
            assertThat(history.timeout()).isEqualTo(Duration.ofSeconds(60));
            McpProperties mcp = ctx.getBean(McpProperties.class);
            assertThat(mcp.enabled()).isNull();
            assertThat(mcp.tokensConfigured()).isFalse();
            assertThat(mcp.tenants()).isEmpty();
            assertThat(mcp.role()).isEqualTo("AdfOps.Read");
            assertThat(mcp.jwksUri()).isNull();
            assertThat(mcp.resource()).isNull();
            assertThat(mcp.rate()).isEqualTo(5.0);
            assertThat(mcp.burst()).isEqualTo(20);
        });
    }

    /**
     * The MCP server: open only on the simulated factory on loopback; tokens once an audience is set (with tenants);
     * off on real factories until enabled; enabled on purpose but open anywhere else, the bot does not start.
     */
    @Test
    void theMcpServerRunsOpenOnlyOnTheSimulatedFactoryOnLoopback() {
        McpProperties none = new McpProperties(null, null, null, null, "AdfOps.Read", null, null, 5, 20);
        McpProperties tokens = new McpProperties(null, "api://adfops", null, java.util.List.of("t1"), "AdfOps.Read", null,
                null, 5, 20);
        McpProperties on = new McpProperties(true, null, null, null, "AdfOps.Read", null, null, 5, 20);
        assertThat(McpWiring.isLoopback("127.0.0.1")).isTrue();
        assertThat(McpWiring.isLoopback("::1")).isTrue();
        assertThat(McpWiring.isLoopback("")).isFalse();
        assertThat(McpWiring.isLoopback("0.0.0.0")).isFalse();
        assertThat(McpWiring.mode(none, true, true)).isEqualTo(McpWiring.Mode.OPEN);
        assertThat(McpWiring.mode(none, true, false)).isEqualTo(McpWiring.Mode.OFF);
        assertThat(McpWiring.mode(none, false, true)).isEqualTo(McpWiring.Mode.OFF);
        // An audience configured on real factories turns it on (with tokens), as README's steps say.
        assertThat(McpWiring.mode(tokens, false, false)).isEqualTo(McpWiring.Mode.TOKENS);
        assertThat(McpWiring.mode(tokens, true, false)).isEqualTo(McpWiring.Mode.TOKENS);
        assertThat(McpWiring.mode(new McpProperties(true, "api://adfops", null, java.util.List.of("t1"), "AdfOps.Read",
                null, null, 5, 20), false, false)).isEqualTo(McpWiring.Mode.TOKENS);
        assertThat(McpWiring.mode(new McpProperties(false, null, null, null, "AdfOps.Read", null, null, 5, 20), true, true))
                .isEqualTo(McpWiring.Mode.OFF);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> McpWiring.mode(on, false, true))
                .hasMessageContaining("ADFOPS_MCP_AUDIENCE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> McpWiring.mode(on, true, false))
                .hasMessageContaining("only on the simulated factory and on loopback");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> McpWiring.mode(new McpProperties(true, "api://adfops",
                        null, null, "AdfOps.Read", null, null, 5, 20), false, false))
                .hasMessageContaining("ADFOPS_MCP_TENANTS is empty");
    }

    @Test
    void settingsBindFromEnvironmentVariableNames() {
        runner.withPropertyValues("adfops.auth.allowed-tenants= T1 ,t2,", "adfops.turns.card-deadline=3s",
                        "adfops.turns.heavythreads=3", "adfops.turns.heavydeadline=45s",
                        "adfops.context.ttl=30m", "adfops.state.blob-timeout=2s", "adfops.foundry.concurrency=2",
                        "adfops.history.workspaceid=0000aaaa-0000-0000-0000-00000000cafe", "adfops.history.retention=365d",
                        "adfops.cost.readrate=0.5", "adfops.cost.readsinflight=3", "adfops.index.snapshotevery=1h",
                        "adfops.mcp.enabled=true", "adfops.mcp.audience=api://adfops-bot", "adfops.mcp.clientid=c1",
                        "adfops.mcp.tenants=t1, t2", "adfops.mcp.jwksuri=http://127.0.0.1:1/keys", "adfops.mcp.burst=3",
                        "adfops.actions.allowed=df-prod:0000aaaa-0000-0000-0000-000000000001=Ana,0000bbbb-0000-0000-0000-000000000002")
                .run(ctx -> {
                    assertThat(ctx.getBean(AuthProperties.class).tenants()).containsExactlyInAnyOrder("t1", "t2");
                    assertThat(ctx.getBean(TurnProperties.class).cardDeadline()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(ctx.getBean(TurnProperties.class).heavyThreads()).isEqualTo(3);
                    assertThat(ctx.getBean(TurnProperties.class).heavyDeadline()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(ctx.getBean(ContextProperties.class).ttl()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(ctx.getBean(StateProperties.class).blobTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(ctx.getBean(FoundryProperties.class).concurrency()).isEqualTo(2);
                    assertThat(ctx.getBean(CostProperties.class).readRate()).isEqualTo(0.5);
                    assertThat(ctx.getBean(CostProperties.class).readsInFlight()).isEqualTo(3);
                    assertThat(ctx.getBean(IndexProperties.class).snapshotInterval()).isEqualTo(Duration.ofHours(1));
                    assertThat(ctx.getBean(HistoryProperties.class).workspaceId())
                            .isEqualTo("0000aaaa-0000-0000-0000-00000000cafe");
                    assertThat(ctx.getBean(HistoryProperties.class).retention()).isEqualTo(Duration.ofDays(365));
                    McpProperties mcp = ctx.getBean(McpProperties.class);
                    assertThat(mcp.enabled()).isTrue();
                    assertThat(mcp.audience()).isEqualTo("api://adfops-bot");
                    assertThat(mcp.clientId()).isEqualTo("c1");
                    assertThat(mcp.tenants()).containsExactly("t1", "t2");
                    assertThat(mcp.jwksUri()).isEqualTo("http://127.0.0.1:1/keys");
                    assertThat(mcp.burst()).isEqualTo(3);
                    assertThat(ctx.getBean(ActionsProperties.class).allowed()).containsExactly(
                            "df-prod:0000aaaa-0000-0000-0000-000000000001=Ana", "0000bbbb-0000-0000-0000-000000000002");
                });
    }

    @Test
    void indexSnapshotsCanBeSwitchedOffAndABadIntervalIsRefused() {
        runner.withPropertyValues("adfops.index.snapshotevery=off")
                .run(ctx -> assertThat(ctx.getBean(IndexProperties.class).snapshotInterval()).isNull());
        runner.withPropertyValues("adfops.index.snapshotevery=every now and then")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("ADFOPS_INDEX_SNAPSHOTEVERY must be a duration such as 15m, or off"));
        runner.withPropertyValues("adfops.index.snapshotevery=10s")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("at least 1m"));
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
