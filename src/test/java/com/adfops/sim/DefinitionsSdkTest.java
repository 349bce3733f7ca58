package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.TestSim;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SDK-to-record mapping of the factory's definitions, on the built-in factory the simulated server serves in ADF's
 * REST shapes: what its definitions say, trigger runs, and Data Factory errors mapped to safe kinds.
 */
class DefinitionsSdkTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void theBuiltInFactoryIsDefinedAsItRuns() {
        try (TestSim sim = TestSim.builtIn(NOW, 7)) {
            FactoryDefinitions d = sim.adf.readDefinitions(sim.factory);
            Set<String> ran = sim.server.runsNow().stream().map(r -> r.get("pipelineName").asText()).collect(Collectors.toSet());
            assertThat(d.pipelines()).extracting(FactoryDefinitions.Pipeline::name).containsAll(ran)
                    .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            assertThat(d.pipelines()).allSatisfy(p -> assertThat(p.activities()).isNotEmpty());

            // The nightly parent starts the child its runs start.
            assertThat(d.pipeline("pl_master_nightly").orElseThrow().activities())
                    .anySatisfy(a -> assertThat(a.executes()).isEqualTo("pl_load_customer_dim"));
            // Downstream impact: what one pipeline's Copy writes, another reads (inside a ForEach).
            assertThat(d.pipeline("pl_ingest_sales_orders").orElseThrow().activities())
                    .anySatisfy(a -> assertThat(a.outputs()).contains("ds_lake_raw_sales_orders"));
            assertThat(d.pipeline("pl_fanout_regions").orElseThrow().activities())
                    .anySatisfy(a -> assertThat(a.inputs()).contains("ds_lake_raw_sales_orders"));

            FactoryDefinitions.Trigger nightly = d.trigger("tr_nightly").orElseThrow();
            assertThat(nightly.kind()).isEqualTo(TriggerKind.SCHEDULE);
            assertThat(nightly.pipelines()).containsExactly("pl_master_nightly");
            assertThat(nightly.recurrence().timeZone()).isEqualTo("W. Europe Standard Time");
            assertThat(nightly.recurrence().schedule().hours()).hasSize(1);
            FactoryDefinitions.Trigger window = d.trigger("tr_every_6h").orElseThrow();
            assertThat(window.window().delay()).isEqualTo(Duration.ofMinutes(30));
            assertThat(window.window().dependsOn()).containsExactly(
                    new WindowDependency("tr_every_3h", Duration.ofHours(-3), Duration.ofHours(6)),
                    new WindowDependency(null, Duration.ofHours(-6), Duration.ofHours(6)));
            assertThat(d.triggers()).filteredOn(t -> t.state() == TriggerState.STOPPED)
                    .extracting(FactoryDefinitions.Trigger::name).containsExactly("tr_weekly_full_reload");

            assertThat(d.linkedService("ls_sqlserver_erp").orElseThrow().runtime()).isEqualTo("ir-selfhosted-onprem");
            assertThat(d.linkedService("ls_sql_dw").orElseThrow().runtime()).isEqualTo("AutoResolveIntegrationRuntime");
            FactoryDefinitions.IntegrationRuntime shir = d.runtime("ir-selfhosted-onprem").orElseThrow();
            assertThat(shir.type()).isEqualTo(FactoryDefinitions.RuntimeType.SELF_HOSTED);
            assertThat(shir.state()).isEqualTo("Offline");
            assertThat(shir.nodes()).extracting(FactoryDefinitions.RuntimeNode::name).containsExactly("ERP-GW-01", "ERP-GW-02");
            assertThat(shir.nodes()).allSatisfy(n -> assertThat(n.lastConnect()).isBefore(NOW));
            assertThat(d.runtime("AutoResolveIntegrationRuntime").orElseThrow().type())
                    .isEqualTo(FactoryDefinitions.RuntimeType.MANAGED);
        }
    }

    @Test
    void triggerRunsAreTheFiringsOfTheWindowNewestFirst() {
        try (TestSim sim = TestSim.builtIn(NOW, 7)) {
            List<FactoryDefinitions.TriggerRun> day = sim.adf.queryTriggerRuns(sim.factory, NOW.minus(Duration.ofDays(1)), NOW);
            assertThat(day).isNotEmpty().isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
            assertThat(day).allSatisfy(r -> assertThat(r.at()).isBetween(NOW.minus(Duration.ofDays(1)), NOW));
            assertThat(day).extracting(FactoryDefinitions.TriggerRun::trigger).contains("tr_nightly", "tr_every_3h", "tr_every_15min");
            FactoryDefinitions.TriggerRun nightly = day.stream().filter(r -> r.trigger().equals("tr_nightly")).findFirst().orElseThrow();
            String runId = nightly.pipelineRuns().get("pl_master_nightly");
            assertThat(sim.adf.getPipelineRun(sim.factory, runId)).isPresent();
        }
    }

    @Test
    void aRuntimeStatusTheBotMayNotReadLeavesItsStateUnknown() {
        try (TestSim sim = TestSim.builtIn(NOW, 7)) {
            sim.server.injectFault("/getstatus", 403, "AuthorizationFailed", 100);
            FactoryDefinitions d = sim.adf.readDefinitions(sim.factory);
            assertThat(d.runtimes()).hasSize(3).allSatisfy(r -> assertThat(r.state()).isNull());
            assertThat(d.triggers()).isNotEmpty();
        }
    }

    @Test
    void errorsAreMappedToSafeKinds() {
        try (TestSim sim = TestSim.builtIn(NOW, 7)) {
            sim.server.injectFault("/datasets", 404, "ResourceNotFound", 100);
            assertThatThrownBy(() -> sim.adf.readDefinitions(sim.factory)).isInstanceOf(DataFactoryException.class)
                    .satisfies(e -> assertThat(((DataFactoryException) e).kind()).isEqualTo(DataFactoryException.Kind.NOT_FOUND))
                    .hasMessageContaining("definitions of factory").hasMessageNotContaining("Injected");
            sim.server.clearFaults();
            sim.server.injectFault("/querytriggerruns", 429, "TooManyRequests", 100);
            assertThatThrownBy(() -> sim.adf.queryTriggerRuns(sim.factory, NOW.minus(Duration.ofHours(1)), NOW))
                    .isInstanceOf(DataFactoryException.class)
                    .satisfies(e -> assertThat(((DataFactoryException) e).kind()).isEqualTo(DataFactoryException.Kind.THROTTLED));
        }
    }
}
