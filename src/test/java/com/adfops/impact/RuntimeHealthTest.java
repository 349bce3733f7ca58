package com.adfops.impact;

import static com.adfops.impact.Defs.T;
import static com.adfops.impact.Defs.copy;
import static com.adfops.impact.Defs.dataset;
import static com.adfops.impact.Defs.lookup;
import static com.adfops.impact.Defs.node;
import static com.adfops.impact.Defs.onService;
import static com.adfops.impact.Defs.pipeline;
import static com.adfops.impact.Defs.selfHosted;
import static com.adfops.impact.Defs.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.adfops.adf.FactoryDefinitions.IntegrationRuntime;
import com.adfops.adf.FactoryDefinitions.RuntimeNode;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
import com.adfops.adf.RunStatus;
import com.adfops.impact.RuntimeReport.Availability;
import com.adfops.impact.RuntimeReport.State;
import com.adfops.impact.RuntimeReport.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Self-hosted runtimes of a hand-built factory: shir-finance has two nodes, one offline, an expiring version, and
 * linked services used by three pipelines (Copy_Invoices only through a dataset), and by Month_End and Year_End
 * through the child they execute.
 */
class RuntimeHealthTest {

    static final Duration WARN = Duration.ofDays(14);
    static final Duration HORIZON = Duration.ofHours(12);
    static final Instant OFFLINE_SINCE = T.minus(Duration.ofHours(3));

    static IntegrationRuntime finance() {
        return selfHosted("shir-finance", "Expiring",
                node("vm-ledger-1", "Online", T.minusSeconds(60), null),
                node("vm-ledger-2", "Offline", OFFLINE_SINCE, null));
    }

    static DependencyGraph graph(IntegrationRuntime... runtimes) {
        return DependencyGraph.of(Defs.definitions(
                List.of(pipeline("Archive_Docs", copy("Shelve", List.of("ds_invoices_blob"), List.of("ds_cold"))),
                        pipeline("Month_End", Defs.execute("RunSync", "SYNC_LEDGER")),
                        pipeline("Year_End", Defs.execute("RunMonth", "month_end")),
                        pipeline("Copy_Invoices", copy("CopyInv", List.of("DS_INVOICES_SHARE"),
                                List.of("ds_invoices_blob"))),
                        pipeline("Refresh_Cube", lookup("ReadGl", "ds_gl"),
                                onService("Notify", "WebActivity", "LS_ONPREM_SQL")),
                        pipeline("Sync_Ledger", onService("RunGlProc", "SqlServerStoredProcedure", "ls_onprem_sql"))),
                List.of(dataset("ds_cold", "ls_blob"), dataset("ds_gl", "ls_onprem_sql"),
                        dataset("ds_invoices_blob", "ls_blob"), dataset("ds_invoices_share", "ls_fileshare")),
                List.of(service("ls_blob", null), service("ls_fileshare", "SHIR-FINANCE"),
                        service("ls_onprem_sql", "shir-finance")),
                List.of(), List.of(runtimes)));
    }

    final RuntimeHealth health = new RuntimeHealth(graph(finance(),
            new IntegrationRuntime("ir-managed-weu", RuntimeType.MANAGED, "Started", null, List.of())));

    final java.util.function.Function<String, Optional<Instant>> next = Defs.nextRuns(
            Map.of("Sync_Ledger", 60, "copy_invoices", 30 * 60, "Refresh_Cube", 5 * 60, "Archive_Docs", 10,
                    "Month_End", 120));

    @Test
    void aRuntimeWithOneNodeOfflineAndAnExpiringVersionIsDegradedWithItsPipelinesAtRisk() {
        RuntimeReport r = health.report("SHIR-Finance", T, WARN, HORIZON, next).orElseThrow();

        assertThat(r.runtime()).isEqualTo("shir-finance");
        assertThat(r.state()).isEqualTo(State.DEGRADED);
        assertThat(r.availability()).isEqualTo(Availability.DEGRADED);
        assertThat(r.version()).isEqualTo(Version.EXPIRING);
        assertThat(r.readAt()).isEqualTo(T);
        assertThat(r.nodesNotOnline()).extracting(NodeState::node, NodeState::condition, NodeState::lastConnect)
                .containsExactly(tuple("vm-ledger-2", NodeState.Condition.OFFLINE, OFFLINE_SINCE));
        assertThat(r.users()).extracting(RuntimeUser::pipeline, RuntimeUser::linkedServices, RuntimeUser::datasets,
                RuntimeUser::through, RuntimeUser::atRisk).containsExactly(
                tuple("Sync_Ledger", List.of("ls_onprem_sql"), List.of(), List.of(), true),
                tuple("Month_End", List.of("ls_onprem_sql"), List.of(), List.of("Sync_Ledger"), true),
                tuple("Refresh_Cube", List.of("ls_onprem_sql"), List.of("ds_gl"), List.of(), true),
                tuple("Copy_Invoices", List.of("ls_fileshare"), List.of("ds_invoices_share"), List.of(), false),
                tuple("Year_End", List.of("ls_onprem_sql"), List.of(), List.of("Month_End"), false));
        assertThat(r.atRisk()).extracting(RuntimeUser::pipeline, RuntimeUser::nextRun).containsExactly(
                tuple("Sync_Ledger", T.plus(Duration.ofMinutes(60))),
                tuple("Month_End", T.plus(Duration.ofMinutes(120))),
                tuple("Refresh_Cube", T.plus(Duration.ofHours(5))));
        assertThat(health.users("shir-finance")).extracting(RuntimeUser::pipeline)
                .containsExactlyInAnyOrder("Sync_Ledger", "Refresh_Cube", "Copy_Invoices", "Month_End", "Year_End");
    }

    @Test
    void onlySelfHostedRuntimesAreReported() {
        assertThat(health.selfHosted(T, WARN, HORIZON, next)).extracting(RuntimeReport::runtime)
                .containsExactly("shir-finance");
        assertThat(health.report("ir-managed-weu", T, WARN, HORIZON, next)).isEmpty();
        assertThat(health.report("shir-nowhere", T, WARN, HORIZON, next)).isEmpty();
    }

    @Test
    void statesFromTheNodesAndTheVersion() {
        assertThat(stateOf(selfHosted("shir-a", "UpToDate", node("n1", "Online", T, null),
                node("n2", "Online", T, null)), WARN)).isEqualTo(State.HEALTHY);
        assertThat(stateOf(selfHosted("shir-b", "UpToDate", node("n1", "Online", T, null),
                node("n2", "Limited", T, null)), WARN)).isEqualTo(State.DEGRADED);
        assertThat(stateOf(selfHosted("shir-c", "UpToDate", node("n1", "Offline", OFFLINE_SINCE, null),
                node("n2", "NeedRegistration", null, null)), WARN)).isEqualTo(State.DOWN);
        assertThat(stateOf(selfHosted("shir-d", "NeedRegistration"), WARN)).isEqualTo(State.DOWN);
        Instant soon = T.plus(Duration.ofDays(5));
        IntegrationRuntime expiresSoon = selfHosted("shir-e", "UpToDate", node("n1", "Online", T, soon));
        assertThat(stateOf(expiresSoon, WARN)).isEqualTo(State.VERSION_EXPIRING);
        assertThat(stateOf(expiresSoon, Duration.ofDays(3))).isEqualTo(State.HEALTHY);
        assertThat(stateOf(selfHosted("shir-f", "UpToDate",
                new RuntimeNode("n1", "Online", "5.1", "Expired", T, null)), WARN)).isEqualTo(State.EXPIRED);
        assertThat(stateOf(selfHosted("shir-g", "UpToDate", node("n1", "Online", T, T.minusSeconds(1))), WARN))
                .isEqualTo(State.EXPIRED);
        assertThat(stateOf(selfHosted("shir-h", "Expired", node("n1", "Offline", T, null)), WARN))
                .isEqualTo(State.DOWN);
    }

    @Test
    void theNodesSeenForAnActivityThatFailedOnASelfHostedRuntime() {
        RuntimeAtFailure seen = health.atFailure(Defs.activity("r-sync", "Sync_Ledger", "RunGlProc",
                RunStatus.FAILED, "SHIR-Finance")).orElseThrow();

        assertThat(seen.runtime()).isEqualTo("shir-finance");
        assertThat(seen.activity()).isEqualTo("RunGlProc");
        assertThat(seen.readAt()).isEqualTo(T);
        assertThat(seen.failedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(seen.availability()).isEqualTo(Availability.DEGRADED);
        assertThat(seen.nodesNotOnline()).extracting(NodeState::node, NodeState::lastConnect)
                .containsExactly(tuple("vm-ledger-2", OFFLINE_SINCE));
        assertThat(health.atFailure(Defs.activity("r", "p", "a", RunStatus.FAILED, "shir-finance (vm-ledger-1)")))
                .isPresent();
        assertThat(health.atFailure(Defs.activity("r", "p", "a", RunStatus.FAILED,
                "AutoResolveIntegrationRuntime (West Europe)"))).isEmpty();
        assertThat(health.atFailure(Defs.activity("r", "p", "a", RunStatus.FAILED, "ir-managed-weu"))).isEmpty();
        assertThat(health.atFailure(Defs.activity("r", "p", "a", RunStatus.FAILED, null))).isEmpty();
    }

    static State stateOf(IntegrationRuntime runtime, Duration warning) {
        return new RuntimeHealth(graph(runtime)).report(runtime.name(), T, warning, HORIZON, p -> Optional.empty())
                .orElseThrow().state();
    }
}
