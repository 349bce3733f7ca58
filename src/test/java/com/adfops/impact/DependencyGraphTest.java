package com.adfops.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.impact.DependencyGraph.Edge;
import com.adfops.impact.DependencyGraph.EdgeKind;
import com.adfops.impact.DependencyGraph.Node;
import com.adfops.impact.DependencyGraph.NodeKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The graph of a hand-built factory: every relation, names in any case, the definitions' spelling answered. */
class DependencyGraphTest {

    final DependencyGraph graph = OrdersFactory.graph();

    @Test
    void pipelinesReadAndWriteDatasetsThroughAllTheirActivities() {
        assertThat(graph.writes("ingest_orders")).containsExactly("DS_Orders_Raw", "ds_ledger");
        assertThat(graph.reads("INGEST_ORDERS")).containsExactly("ds_feedback", "ds_src_orders", "ds_src_ledger");
        assertThat(graph.readers("ds_orders_raw")).containsExactly("Audit_Orders", "Build_Revenue");
        assertThat(graph.writers("DS_FEEDBACK")).containsExactly("Publish_Dashboard");
        assertThat(graph.readers("ds_unknown")).isEmpty();
    }

    @Test
    void datasetsLeadToLinkedServicesAndRuntimes() {
        assertThat(graph.linkedService("ds_SRC_orders")).contains("ls_erp");
        assertThat(graph.runtime("LS_ERP")).contains("shir-erp");
        assertThat(graph.runtime("ls_warehouse")).isEmpty();
        assertThat(graph.sources(NodeKind.LINKED_SERVICE, "ls_warehouse", EdgeKind.RUNS_ON))
                .containsExactly("Close_Books", "Ingest_Orders");
    }

    @Test
    void executePipelineParentsAndChildren() {
        assertThat(graph.children("nightly_master")).containsExactly("Ingest_Orders");
        assertThat(graph.parents("Ingest_Orders")).containsExactly("Nightly_Master");
        assertThat(graph.parents("NIGHTLY_MASTER")).containsExactly("Weekend_Master");
        assertThat(graph.parents("Weekend_Master")).isEmpty();
    }

    @Test
    void triggersStartPipelinesAndTumblingWindowsDependOnEachOther() {
        assertThat(graph.triggers("ingest_orders")).containsExactly("tw_orders_hourly");
        assertThat(graph.pipelines("TW_FINANCE_CLOSE")).containsExactly("Close_Books");
        assertThat(graph.windowDependants("Tw_Orders_Hourly")).containsExactly("tw_finance_close");
        assertThat(graph.windowDependants("tw_finance_close")).isEmpty();
    }

    @Test
    void nodesAreFoundInAnyCaseAndSpelledAsDefined() {
        assertThat(graph.find(NodeKind.DATASET, "ds_orders_RAW")).contains(new Node(NodeKind.DATASET, "DS_Orders_Raw"));
        assertThat(graph.find(NodeKind.PIPELINE, "ds_orders_raw")).isEmpty();
        assertThat(graph.edges()).contains(new Edge(new Node(NodeKind.PIPELINE, "Build_Revenue"), EdgeKind.READS,
                new Node(NodeKind.DATASET, "DS_Orders_Raw")));
        assertThat(graph.edges()).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyFactoryHasNoEdges() {
        DependencyGraph empty = DependencyGraph.of(FactoryDefinitions.empty(Defs.FACTORY, Instant.EPOCH));
        assertThat(empty.edges()).isEmpty();
        assertThat(empty.readers("anything")).isEmpty();
        assertThat(empty.find(NodeKind.PIPELINE, null)).isEmpty();
    }
}
