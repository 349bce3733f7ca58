package com.adfops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DefinedFactory;
import com.adfops.TestSim;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.answers.AlertView;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.ImpactedPipeline;
import com.adfops.impact.NextRuns;
import com.adfops.runs.AdfTools;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert card of a failed run says what it affects downstream, as the diagnosis card does. */
class AlertImpactTest {

    static final FactoryRef F = new FactoryRef("sub-a", "rg-a", "df-pier");
    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    final DefinedFactory adf = DefinedFactory.harbor(F);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final AlertService alerts = new AlertService(new AlertStore(new JsonDocuments(new InMemoryStateStore(), TestSim.JSON)),
            new AdfTools(adf, clock), new GuidanceFinder(TestDocs.builtInOnly()), clock,
            new FactoryImpact(adf, NextRuns.NONE, clock));
    final PipelineRun failed = adf.failLoadInvoices("run-p-3", "shir-harbor");

    private AlertRecord open() {
        return AlertRecord.claimed("al-p", new AlertRecord.Subject("conv-p", F.factoryName(), "Load_Invoices",
                failed.runId(), failed.runEnd(), AlertView.Kind.FAILED, null), "me", NOW)
                .grouping(List.of(), "root").posted("conv-p", "act-1", NOW);
    }

    @Test
    void aFailedRunsAlertCarriesItsImpactAndNoneWithoutDefinitions() {
        AlertView v = alerts.view(open());
        assertThat(v.impact().downstream().pipelines()).extracting(ImpactedPipeline::pipeline)
                .containsExactly("Finance-Report", "Nightly_Orchestrator", "Sales-Mart", "Exec-Dashboard");
        assertThat(v.impact().runtime().runtime()).isEqualTo("shir-harbor");
        adf.define(FactoryDefinitions.empty(F, NOW));
        assertThat(alerts.view(open()).impact().isEmpty()).isTrue();
    }
}
