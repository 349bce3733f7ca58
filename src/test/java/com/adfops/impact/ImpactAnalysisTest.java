package com.adfops.impact;

import static com.adfops.impact.Defs.T;
import static com.adfops.impact.Defs.activity;
import static com.adfops.impact.Defs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.impact.DependencyGraph.Edge;
import com.adfops.impact.DependencyGraph.EdgeKind;
import com.adfops.impact.DependencyGraph.Node;
import com.adfops.impact.DependencyGraph.NodeKind;
import com.adfops.impact.ImpactedDataset.Cause;
import com.adfops.impact.ImpactedPipeline.Relation;
import com.adfops.impact.ImpactedPipeline.State;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The downstream impact of failures in {@link OrdersFactory}, worked out by hand. */
class ImpactAnalysisTest {

    final ImpactAnalysis analysis = new ImpactAnalysis(OrdersFactory.graph());

    /** Ingest_Orders failed at T (ended T+10 min); Audit_Orders ran at T+15 and succeeded. */
    final PipelineRun failed = run("r-ingest", "ingest_orders", RunStatus.FAILED, 0);
    final List<PipelineRun> after = List.of(
            run("r-build-early", "Build_Revenue", RunStatus.SUCCEEDED, 5),
            run("r-audit", "Audit_Orders", RunStatus.SUCCEEDED, 15));

    static List<ActivityRun> activities(String runId, String pipeline, Object... nameAndStatus) {
        List<ActivityRun> runs = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndStatus.length; i += 2) {
            runs.add(activity(runId, pipeline, (String) nameAndStatus[i], (RunStatus) nameAndStatus[i + 1], null));
        }
        return runs;
    }

    @Test
    void aFailedCopyLeavesItsDatasetStaleDownstreamTransitively() {
        FailureImpact impact = analysis.failure(failed, activities("r-ingest", "Ingest_Orders",
                "LookupFeedback", RunStatus.SUCCEEDED, "CopyOrders", RunStatus.FAILED), after,
                Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.pipeline()).isEqualTo("Ingest_Orders");
        assertThat(impact.basis()).isEqualTo(FailureImpact.Basis.ACTIVITY_RUNS);
        assertThat(impact.failedAt()).isEqualTo(T.plus(Duration.ofMinutes(10)));
        assertThat(impact.notWritten()).extracting(ImpactedDataset::dataset, ImpactedDataset::activity,
                ImpactedDataset::cause).containsExactly(tuple("DS_Orders_Raw", "CopyOrders", Cause.ACTIVITY_FAILED),
                tuple("ds_ledger", "LoadLedger", Cause.ACTIVITY_NOT_RUN));
        assertThat(impact.datasets()).extracting(ImpactedDataset::dataset, ImpactedDataset::writer,
                ImpactedDataset::depth).containsExactly(tuple("DS_Orders_Raw", "Ingest_Orders", 0),
                tuple("ds_ledger", "Ingest_Orders", 0), tuple("ds_revenue", "Build_Revenue", 1),
                tuple("ds_feedback", "Publish_Dashboard", 2));
        // Ordered by how soon they run: already ran, then by next run, unknown last (by depth).
        assertThat(impact.pipelines()).extracting(ImpactedPipeline::pipeline, ImpactedPipeline::state,
                ImpactedPipeline::depth).containsExactly(
                tuple("Audit_Orders", State.ALREADY_RAN_ON_STALE_DATA, 1),
                tuple("Publish_Dashboard", State.SCHEDULED, 2),
                tuple("Close_Books", State.WAITING, 1),
                tuple("Build_Revenue", State.SCHEDULED, 1),
                tuple("Nightly_Master", State.WAITING, 1),
                tuple("Weekend_Master", State.WAITING, 2));
        ImpactedPipeline audit = impact.pipelines().get(0);
        assertThat(audit.ranAfter().runId()).isEqualTo("r-audit");
        assertThat(audit.nextRun()).isEqualTo(T.plus(Duration.ofMinutes(180)));
        ImpactedPipeline build = impact.pipelines().get(3);
        assertThat(build.via()).containsExactly("DS_Orders_Raw", "ds_feedback");
        assertThat(build.relations()).containsExactly(Relation.READS_STALE_DATA);
        assertThat(build.nextRun()).isEqualTo(T.plus(Duration.ofMinutes(120)));
        assertThat(impact.reachedBy(Relation.EXECUTE_PIPELINE_PARENT)).extracting(ImpactedPipeline::pipeline)
                .containsExactly("Nightly_Master", "Weekend_Master");
        assertThat(impact.reachedBy(Relation.TUMBLING_WINDOW_DEPENDANT)).extracting(ImpactedPipeline::pipeline)
                .containsExactly("Close_Books");
        assertThat(impact.recoveredBy()).isNull();
        assertThat(impact.truncated()).isFalse();
        assertThat(impact.edges()).contains(
                new Edge(new Node(NodeKind.PIPELINE, "Ingest_Orders"), EdgeKind.WRITES,
                        new Node(NodeKind.DATASET, "DS_Orders_Raw")),
                new Edge(new Node(NodeKind.TRIGGER, "tw_orders_hourly"), EdgeKind.DEPENDED_ON_BY,
                        new Node(NodeKind.TRIGGER, "tw_finance_close")));
    }

    @Test
    void aCopyThatSucceededBeforeALaterActivityFailedWroteItsDataset() {
        FailureImpact impact = analysis.failure(failed, activities("r-ingest", "Ingest_Orders",
                "LookupFeedback", RunStatus.SUCCEEDED, "CopyOrders", RunStatus.SUCCEEDED,
                "CleanStage", RunStatus.FAILED), after, Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.notWritten()).extracting(ImpactedDataset::dataset, ImpactedDataset::cause)
                .containsExactly(tuple("ds_ledger", Cause.ACTIVITY_NOT_RUN));
        assertThat(impact.reachedBy(Relation.READS_STALE_DATA)).isEmpty();
    }

    @Test
    void activityRunsOfAnotherRunAreIgnored() {
        List<ActivityRun> mixed = new java.util.ArrayList<>(activities("r-other", "Ingest_Orders",
                "CopyOrders", RunStatus.SUCCEEDED, "LoadLedger", RunStatus.SUCCEEDED));
        mixed.addAll(activities("r-ingest", "Ingest_Orders", "CopyOrders", RunStatus.CANCELLED));
        FailureImpact impact = analysis.failure(failed, mixed, List.of(), p -> java.util.Optional.empty());
        assertThat(impact.notWritten()).extracting(ImpactedDataset::dataset, ImpactedDataset::cause).containsExactly(
                tuple("DS_Orders_Raw", Cause.ACTIVITY_NOT_FINISHED), tuple("ds_ledger", Cause.ACTIVITY_NOT_RUN));
    }

    @Test
    void unknownActivityRunsTakeEveryWrittenDatasetByDefinition() {
        FailureImpact impact = analysis.failure(failed, null, after, Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.basis()).isEqualTo(FailureImpact.Basis.BY_DEFINITION);
        assertThat(impact.notWritten()).extracting(ImpactedDataset::dataset, ImpactedDataset::cause).containsExactly(
                tuple("DS_Orders_Raw", Cause.BY_DEFINITION), tuple("ds_ledger", Cause.BY_DEFINITION));
    }

    @Test
    void theParentRunThatStartedTheFailedChildFailsWithIt() {
        PipelineRun child = Defs.childRun("r-child", "INGEST_ORDERS", "nightly_master", 0);
        FailureImpact impact = analysis.failure(child, null, List.of(), Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.pipelines().get(0)).extracting(ImpactedPipeline::pipeline, ImpactedPipeline::state,
                ImpactedPipeline::via).containsExactly("Nightly_Master", State.WITH_FAILED_RUN, List.of("Ingest_Orders"));
        assertThat(impact.reachedBy(Relation.EXECUTE_PIPELINE_PARENT)).extracting(ImpactedPipeline::pipeline,
                ImpactedPipeline::state).containsExactly(tuple("Nightly_Master", State.WITH_FAILED_RUN),
                tuple("Weekend_Master", State.WAITING));
    }

    @Test
    void anExecutePipelineThatFailedLeavesItsChildsDatasetsUnwritten() {
        PipelineRun master = run("r-master", "Nightly_Master", RunStatus.FAILED, 0);
        FailureImpact impact = analysis.failure(master, activities("r-master", "Nightly_Master",
                "SnapshotStock", RunStatus.SUCCEEDED, "RunIngest", RunStatus.FAILED), List.of(),
                Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.notWritten()).extracting(ImpactedDataset::dataset, ImpactedDataset::writer,
                ImpactedDataset::cause).containsExactly(
                tuple("DS_Orders_Raw", "Ingest_Orders", Cause.CHILD_PIPELINE_NOT_RUN),
                tuple("ds_ledger", "Ingest_Orders", Cause.CHILD_PIPELINE_NOT_RUN));
        assertThat(impact.pipelines()).extracting(ImpactedPipeline::pipeline).contains("Audit_Orders", "Build_Revenue")
                .doesNotContain("Forecast_Stock", "Nightly_Master");
        assertThat(impact.edges()).contains(new Edge(new Node(NodeKind.PIPELINE, "Nightly_Master"),
                EdgeKind.EXECUTES, new Node(NodeKind.PIPELINE, "Ingest_Orders")));
    }

    @Test
    void aTumblingWindowDependantWaitsForTheFailedWindow() {
        PipelineRun window = Defs.windowRun("r-window", "Ingest_Orders", "TW_Orders_Hourly", 0);
        FailureImpact impact = analysis.failure(window, null, List.of(), Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.reachedBy(Relation.TUMBLING_WINDOW_DEPENDANT)).singleElement()
                .extracting(ImpactedPipeline::pipeline, ImpactedPipeline::state, ImpactedPipeline::via,
                        ImpactedPipeline::nextRun)
                .containsExactly("Close_Books", State.WAITING, List.of("tw_finance_close"),
                        T.plus(Duration.ofMinutes(70)));
    }

    @Test
    void aDownstreamRunInProgressRunsOnStaleData() {
        List<PipelineRun> running = List.of(run("r-build-now", "build_revenue", RunStatus.IN_PROGRESS, 12));
        FailureImpact impact = analysis.failure(failed, null, running, Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.pipelines().get(0)).extracting(ImpactedPipeline::pipeline, ImpactedPipeline::state)
                .containsExactly("Build_Revenue", State.RUNNING_ON_STALE_DATA);
    }

    @Test
    void aLaterSuccessOfTheFailedPipelineLeavesOnlyThoseThatRanOnStaleData() {
        List<PipelineRun> recovered = List.of(after.get(0), after.get(1),
                run("r-rerun", "Ingest_Orders", RunStatus.SUCCEEDED, 20),
                run("r-build-fresh", "Build_Revenue", RunStatus.SUCCEEDED, 40));
        FailureImpact impact = analysis.failure(failed, null, recovered, Defs.nextRuns(OrdersFactory.NEXT));

        assertThat(impact.recoveredBy().runId()).isEqualTo("r-rerun");
        assertThat(impact.pipelines()).extracting(ImpactedPipeline::pipeline, ImpactedPipeline::state)
                .containsExactly(tuple("Audit_Orders", State.ALREADY_RAN_ON_STALE_DATA));
    }

    @Test
    void aPipelineMissingFromTheDefinitionsHasNoKnownImpact() {
        PipelineRun ghost = run("r-ghost", "Ghost_Loader", RunStatus.FAILED, 0);
        FailureImpact impact = analysis.failure(ghost, List.of(), List.of(), p -> java.util.Optional.empty());

        assertThat(impact.defined()).isFalse();
        assertThat(impact.datasets()).isEmpty();
        assertThat(impact.pipelines()).isEmpty();
    }
}
