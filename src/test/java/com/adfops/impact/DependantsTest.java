package com.adfops.impact;

import static com.adfops.impact.Defs.T;
import static com.adfops.impact.Defs.copy;
import static com.adfops.impact.Defs.dataset;
import static com.adfops.impact.Defs.pipeline;
import static com.adfops.impact.Defs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.adfops.adf.FactoryDefinitions.Dataset;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.RunStatus;
import com.adfops.impact.DependencyGraph.Edge;
import com.adfops.impact.DependencyGraph.EdgeKind;
import com.adfops.impact.DependencyGraph.Node;
import com.adfops.impact.DependencyGraph.NodeKind;
import com.adfops.impact.ImpactedDataset.Cause;
import com.adfops.impact.ImpactedPipeline.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What depends on a pipeline with no failure; cycles and long chains end. */
class DependantsTest {

    @Test
    void whatDependsOnAPipelineIsTheSameWalkFromItsOutputs() {
        Dependants d = new ImpactAnalysis(OrdersFactory.graph()).dependants("INGEST_orders",
                Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(d.pipeline()).isEqualTo("Ingest_Orders");
        assertThat(d.defined()).isTrue();
        assertThat(d.datasets()).extracting(ImpactedDataset::dataset, ImpactedDataset::cause, ImpactedDataset::depth)
                .containsExactly(tuple("DS_Orders_Raw", Cause.WRITTEN, 0), tuple("ds_ledger", Cause.WRITTEN, 0),
                        tuple("ds_revenue", Cause.DOWNSTREAM, 1), tuple("ds_feedback", Cause.DOWNSTREAM, 2));
        assertThat(d.pipelines()).extracting(ImpactedPipeline::pipeline, ImpactedPipeline::state,
                ImpactedPipeline::nextRun).containsExactly(
                tuple("Publish_Dashboard", State.SCHEDULED, T.plus(Duration.ofMinutes(40))),
                tuple("Close_Books", State.SCHEDULED, T.plus(Duration.ofMinutes(70))),
                tuple("Build_Revenue", State.SCHEDULED, T.plus(Duration.ofMinutes(120))),
                tuple("Audit_Orders", State.SCHEDULED, T.plus(Duration.ofMinutes(180))),
                tuple("Nightly_Master", State.WAITING, null),
                tuple("Weekend_Master", State.WAITING, null));
        assertThat(d.edges()).contains(new Edge(new Node(NodeKind.PIPELINE, "Audit_Orders"), EdgeKind.READS,
                new Node(NodeKind.DATASET, "DS_Orders_Raw")),
                new Edge(new Node(NodeKind.PIPELINE, "Weekend_Master"), EdgeKind.EXECUTES,
                        new Node(NodeKind.PIPELINE, "Nightly_Master")));
        assertThat(d.truncated()).isFalse();
    }

    @Test
    void aPipelineNobodyDependsOnHasNoDependants() {
        Dependants d = new ImpactAnalysis(OrdersFactory.graph()).dependants("forecast_stock", p -> Optional.empty());
        assertThat(d.pipelines()).isEmpty();
        assertThat(d.datasets()).isEmpty();
        assertThat(d.edges()).isEmpty();
    }

    /** Ping writes ds_ping, read by Pong, which writes ds_pong, read by Ping. */
    @Test
    void aCycleIsWalkedOnce() {
        DependencyGraph graph = DependencyGraph.of(Defs.definitions(
                List.of(pipeline("Ping", copy("Serve", List.of("ds_pong"), List.of("ds_ping"))),
                        pipeline("Pong", copy("Return", List.of("DS_PING"), List.of("DS_PONG")))),
                List.of(dataset("ds_ping", "ls_lake"), dataset("ds_pong", "ls_lake")), List.of(), List.of(),
                List.of()));
        FailureImpact impact = new ImpactAnalysis(graph).failure(run("r-ping", "ping", RunStatus.FAILED, 0), null,
                List.of(), p -> Optional.empty());

        assertThat(impact.datasets()).extracting(ImpactedDataset::dataset, ImpactedDataset::depth)
                .containsExactly(tuple("ds_ping", 0), tuple("ds_pong", 1));
        assertThat(impact.pipelines()).extracting(ImpactedPipeline::pipeline, ImpactedPipeline::depth)
                .containsExactly(tuple("Pong", 1));
        assertThat(impact.truncated()).isFalse();
    }

    /** stage_0 -> raw_0 -> stage_1 -> raw_1 -> ... -> stage_7, and stage_7 feeds stage_0 again. */
    @Test
    void aLongChainStopsAtTheDepthBoundAndSaysSo() {
        List<Pipeline> pipelines = new ArrayList<>();
        List<Dataset> datasets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String in = i == 0 ? "raw_7" : "raw_" + (i - 1);
            pipelines.add(pipeline("stage_" + i, copy("Move" + i, List.of(in), List.of("raw_" + i))));
            datasets.add(dataset("raw_" + i, "ls_lake"));
        }
        DependencyGraph graph = DependencyGraph.of(Defs.definitions(pipelines, datasets, List.of(), List.of(),
                List.of()));
        Dependants d = new ImpactAnalysis(graph).dependants("stage_0", p -> Optional.empty());

        assertThat(d.pipelines()).extracting(ImpactedPipeline::pipeline)
                .containsExactly("stage_1", "stage_2", "stage_3", "stage_4", "stage_5");
        assertThat(d.pipelines()).extracting(ImpactedPipeline::depth).containsExactly(1, 2, 3, 4, 5);
        assertThat(d.truncated()).isTrue();
    }
}
