package com.adfops.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DefinedFactory;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The faces' impact service over a hand-built factory read through a test {@link com.adfops.adf.DataFactory}. */
class FactoryImpactTest {

    static final FactoryRef F = new FactoryRef("sub-h", "rg-h", "df-harbor");
    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    static final Instant READ = Instant.parse("2026-12-06T01:15:00Z");
    static final Instant OFFLINE = Instant.parse("2026-12-06T01:02:00Z");
    static final Map<String, Instant> NEXT = Map.of("Finance-Report", Instant.parse("2026-12-06T06:00:00Z"),
            "Exec-Dashboard", Instant.parse("2026-12-06T07:00:00Z"), "Load_Invoices", Instant.parse("2026-12-06T09:00:00Z"),
            "Nightly_Orchestrator", Instant.parse("2026-12-07T01:00:00Z"));
    static final NextRuns NEXT_RUNS = (defs, now) -> p -> Optional.ofNullable(NEXT.get(p));

    final DefinedFactory adf = new DefinedFactory(F).define(DefinedFactory.harbor(F, READ, OFFLINE));
    final FactoryImpact impact = new FactoryImpact(adf, NEXT_RUNS, Clock.fixed(NOW, ZoneOffset.UTC));
    final PipelineRun failed = adf.add(adf.run("run-load-7", "Load_Invoices", RunStatus.FAILED,
            Instant.parse("2026-12-06T03:20:00Z"), Instant.parse("2026-12-06T03:30:00Z"), "Copy failed"));
    final List<ActivityRun> acts = List.of(DefinedFactory.activity(failed, "CopyInvoices", RunStatus.FAILED, "shir-harbor"),
            DefinedFactory.activity(failed, "CopyCredits", RunStatus.SUCCEEDED, "shir-harbor"));

    FactoryImpactTest() {
        adf.add(adf.run("run-mart-1", "Sales-Mart", RunStatus.SUCCEEDED, Instant.parse("2026-12-06T04:10:00Z"),
                Instant.parse("2026-12-06T04:20:00Z"), ""));
    }

    @Test
    void aFailedCopyLeavesItsDatasetStaleForTheTwoPipelinesThatReadItAndTheirReaders() {
        RunImpact r = impact.failure(failed, acts, acts.get(0));
        FailureImpact i = r.downstream();
        assertThat(i.basis()).isEqualTo(FailureImpact.Basis.ACTIVITY_RUNS);
        // Only the failed copy's dataset: the credits copy succeeded.
        assertThat(i.datasets()).extracting(ImpactedDataset::dataset, ImpactedDataset::depth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DS_Invoices", 0),
                        org.assertj.core.groups.Tuple.tuple("ds_sales_mart", 1));
        assertThat(i.pipelines()).extracting(ImpactedPipeline::pipeline)
                .containsExactly("Sales-Mart", "Finance-Report", "Exec-Dashboard", "Nightly_Orchestrator");
        assertThat(i.pipelines()).extracting(ImpactedPipeline::state).containsExactly(
                ImpactedPipeline.State.ALREADY_RAN_ON_STALE_DATA, ImpactedPipeline.State.SCHEDULED,
                ImpactedPipeline.State.SCHEDULED, ImpactedPipeline.State.SCHEDULED);
        assertThat(i.pipelines().get(1).nextRun()).isEqualTo(NEXT.get("Finance-Report"));
        // The activity runs came from the caller: none read again.
        assertThat(adf.activityReads).hasValue(0);
    }

    @Test
    void theRuntimeOfTheFailedActivityIsNamedWhenANodeWasNotOnline() {
        RuntimeAtFailure rt = impact.failure(failed, acts, acts.get(0)).runtime();
        assertThat(rt.runtime()).isEqualTo("shir-harbor");
        assertThat(rt.readAt()).isEqualTo(READ);
        assertThat(rt.nodesNotOnline()).extracting(NodeState::node, NodeState::lastConnect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vm-b", OFFLINE));
        // On the Azure IR: nothing to say about a runtime.
        ActivityRun onAzure = DefinedFactory.activity(failed, "CopyInvoices", RunStatus.FAILED, "AutoResolveIntegrationRuntime");
        assertThat(impact.failure(failed, acts, onAzure).runtime()).isNull();
    }

    @Test
    void unknownActivityRunsTakeEveryDatasetAsNotWrittenByDefinition() {
        FailureImpact i = impact.failure(failed, null, null).downstream();
        assertThat(i.basis()).isEqualTo(FailureImpact.Basis.BY_DEFINITION);
        assertThat(i.notWritten()).extracting(ImpactedDataset::dataset).containsExactly("DS_Invoices", "ds_credits");
    }

    @Test
    void aDiagnosisLendsItsActivityRunsSoNoneIsReadTwice() {
        adf.add(failed, acts.toArray(ActivityRun[]::new));
        Diagnosis d = new Diagnoser(adf).diagnose(failed);
        assertThat(d.activities()).hasSize(2);
        RunImpact r = impact.failure(d);
        assertThat(r.downstream().notWritten()).extracting(ImpactedDataset::dataset).containsExactly("DS_Invoices");
        assertThat(adf.activityReads).hasValue(1);
    }

    @Test
    void aFactoryWithoutDefinitionsHasNothingToSay() {
        adf.define(FactoryDefinitions.empty(F, NOW));
        assertThat(impact.failure(failed, acts, acts.get(0)).isEmpty()).isTrue();
        assertThat(impact.runtimes(null).reports()).isEmpty();
    }

    @Test
    void theGraphIsBuiltOncePerVersionOfTheDefinitions() {
        DependencyGraph first = impact.graph(F);
        assertThat(impact.graph(F)).isSameAs(first);
        adf.define(DefinedFactory.harbor(F, READ.plusSeconds(600), OFFLINE));
        assertThat(impact.graph(F)).isNotSameAs(first);
        assertThat(adf.definitionReads).hasValue(3);
    }

    @Test
    void dependantsOfAPipelineWithTheirNextRuns() {
        assertThat(impact.factoryOf("load_invoices", null)).contains(F);
        assertThat(impact.factoryOf("load_invoices", "df-other")).isEmpty();
        Dependants d = impact.dependants(F, "load_invoices");
        assertThat(d.pipeline()).isEqualTo("Load_Invoices");
        assertThat(d.datasets()).extracting(ImpactedDataset::dataset)
                .containsExactly("DS_Invoices", "ds_credits", "ds_sales_mart");
        assertThat(d.pipelines()).extracting(ImpactedPipeline::pipeline)
                .containsExactly("Finance-Report", "Exec-Dashboard", "Nightly_Orchestrator", "Sales-Mart");
    }

    @Test
    void selfHostedRuntimesWithTheNodeOfflineAndThePipelinesAtRisk() {
        FactoryImpact.Runtimes all = impact.runtimes(null);
        assertThat(all.reports()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RuntimeReport.State.DEGRADED);
            assertThat(r.nodesNotOnline()).extracting(NodeState::node).containsExactly("vm-b");
            assertThat(r.atRisk()).extracting(RuntimeUser::pipeline).containsExactly("Load_Invoices");
        });
        assertThat(impact.runtimes("SHIR-HARBOR").reports()).hasSize(1);
        assertThat(impact.isRuntime("Shir-Harbor")).isTrue();
        FactoryImpact.Runtimes none = impact.runtimes("shir-elsewhere");
        assertThat(none.reports()).isEmpty();
        assertThat(none.known()).containsExactly("shir-harbor");
    }
}
