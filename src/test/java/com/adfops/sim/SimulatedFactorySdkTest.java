package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.TestSim;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.adf.implementation.SdkDataFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real azure-resourcemanager-datafactory SDK against the simulated factory: paging, filters, errors. */
class SimulatedFactorySdkTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;

    @BeforeAll
    static void start() {
        sim = TestSim.builtIn(NOW, 7);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.server.clearFaults();
        sim.server.setEmptyFirstPage(false);
    }

    private static RunQuery week() {
        return new RunQuery(NOW.minus(Duration.ofDays(8)), NOW.plusSeconds(60), Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
    }

    @Test
    void followsContinuationTokensUntilEveryRunIsRead() {
        int before = sim.server.requestCount();
        List<PipelineRun> runs = sim.adf.queryPipelineRuns(sim.factory, week());
        int requests = sim.server.requestCount() - before;

        assertThat(runs).hasSize(sim.server.runsNow().size());
        assertThat(runs.stream().map(PipelineRun::runId).distinct()).hasSize(runs.size());
        // Page size 7: many pages, each a separate request.
        assertThat(requests).isEqualTo((runs.size() + 6) / 7);
        assertThat(runs).isSortedAccordingTo((a, b) -> b.sortTime().compareTo(a.sortTime()));
    }

    @Test
    void keepsPagingPastAnEmptyPageThatCarriesAToken() {
        sim.server.setEmptyFirstPage(true);
        List<PipelineRun> runs = sim.adf.queryPipelineRuns(sim.factory, week());
        assertThat(runs).hasSize(sim.server.runsNow().size());
    }

    @Test
    void filtersByStatusAndPipelineOnTheServer() {
        List<PipelineRun> failed = sim.adf.queryPipelineRuns(sim.factory, new RunQuery(week().from(), week().to(), Set.of(), Set.of(RunStatus.FAILED), RunQuery.DEFAULT_MAX_RUNS));
        assertThat(failed).isNotEmpty().allMatch(r -> r.status() == RunStatus.FAILED);

        String pipeline = failed.get(0).pipelineName();
        List<PipelineRun> one = sim.adf.queryPipelineRuns(sim.factory, new RunQuery(week().from(), week().to(), Set.of(pipeline), Set.of(), RunQuery.DEFAULT_MAX_RUNS));
        assertThat(one).isNotEmpty().allMatch(r -> r.pipelineName().equals(pipeline));
        long expected = sim.server.runsNow().stream()
                .filter(r -> r.get("pipelineName").asText().equals(pipeline)).count();
        assertThat(one).hasSize((int) expected);
    }

    @Test
    void windowUsesLastUpdated() {
        Instant from = NOW.minus(Duration.ofHours(6));
        List<PipelineRun> runs = sim.adf.queryPipelineRuns(sim.factory, new RunQuery(from, NOW.plusSeconds(1), Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS));
        assertThat(runs).isNotEmpty().allMatch(r -> !r.lastUpdated().isBefore(from));
        assertThat(runs.size()).isLessThan(sim.server.runsNow().size() / 4);
    }

    @Test
    void mapsRunsAndActivityRunsToDomainTypes() {
        List<PipelineRun> runs = sim.adf.queryPipelineRuns(sim.factory, week());
        Set<RunStatus> statuses = new HashSet<>();
        runs.forEach(r -> statuses.add(r.status()));
        assertThat(statuses).contains(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.QUEUED,
                RunStatus.IN_PROGRESS, RunStatus.CANCELLED);
        PipelineRun child = runs.stream().filter(r -> r.parentRunId() != null).findFirst().orElseThrow();
        assertThat(child.invokedByType()).isEqualTo("PipelineActivity");
        assertThat(child.parentPipeline()).isNotBlank();

        PipelineRun parent = sim.adf.getPipelineRun(sim.factory, child.parentRunId()).orElseThrow();
        var acts = sim.adf.queryActivityRuns(sim.factory, parent);
        var exec = acts.stream().filter(a -> a.isExecutePipeline()).findFirst().orElseThrow();
        assertThat(exec.childRunId()).isEqualTo(child.runId());
        assertThat(exec.childPipeline()).isEqualTo(child.pipelineName());
    }

    @Test
    void unknownRunIsEmptyNotAnError() {
        assertThat(sim.adf.getPipelineRun(sim.factory, "00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void listsPipelines() {
        assertThat(sim.adf.listPipelineNames(sim.factory)).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void unknownFactoryIsNotFound() {
        FactoryRef other = new FactoryRef(SimulatedDataFactoryServer.SUBSCRIPTION_ID,
                SimulatedDataFactoryServer.RESOURCE_GROUP, "no-such-factory");
        assertThatThrownBy(() -> sim.adf.queryPipelineRuns(other, week()))
                .isInstanceOfSatisfying(DataFactoryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DataFactoryException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("ResourceNotFound").doesNotContain("127.0.0.1");
                });
    }

    @Test
    void errorBodiesMapToKindsTheUserCanActOn() {
        assertKind(401, "InvalidAuthenticationToken", DataFactoryException.Kind.AUTHENTICATION);
        assertKind(403, "AuthorizationFailed", DataFactoryException.Kind.PERMISSION);
        assertKind(404, "ResourceGroupNotFound", DataFactoryException.Kind.NOT_FOUND);
        assertKind(429, "TooManyRequests", DataFactoryException.Kind.THROTTLED);
        assertKind(500, "InternalServerError", DataFactoryException.Kind.SERVICE);
    }

    private void assertKind(int status, String code, DataFactoryException.Kind kind) {
        sim.server.clearFaults();
        // More faults than the SDK's retries, so the error surfaces.
        sim.server.injectFault("querypipelineruns", status, code, 10);
        assertThatThrownBy(() -> sim.adf.queryPipelineRuns(sim.factory, week()))
                .isInstanceOfSatisfying(DataFactoryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).contains(code).contains(String.valueOf(status));
                });
    }

    @Test
    void transientThrottlingIsRetried() {
        sim.server.injectFault("querypipelineruns", 429, "TooManyRequests", 1);
        assertThat(sim.adf.queryPipelineRuns(sim.factory, week())).isNotEmpty();
    }

    @Test
    void everyReadTakesFromItsSubscriptionsBudgetAndA429SlowsItDown() {
        com.adfops.adf.RequestMeter meter = new com.adfops.adf.RequestMeter(
                new com.adfops.adf.ReadBudget.Settings(100, 1_000, Duration.ofSeconds(20)));
        SdkDataFactory adf = SdkDataFactory.forEndpoint(List.of(sim.factory), sim.server.endpoint(),
                Duration.ofSeconds(10), meter);
        int before = sim.server.requestCount();
        sim.server.injectFault("querypipelineruns", 429, "TooManyRequests", 1);

        List<PipelineRun> runs = adf.queryPipelineRuns(sim.factory, week());

        assertThat(runs).hasSize(sim.server.runsNow().size());
        var budget = meter.budget(sim.factory.subscriptionId()).snapshot();
        // One token per page asked for (the retried attempt is the SDK's, after the 429), and the 429 halved the rate.
        assertThat(budget.questions()).isEqualTo(sim.server.requestCount() - before - 1);
        assertThat(budget.throttled()).isEqualTo(1);
        assertThat(budget.currentRate()).isEqualTo(50.0);
        assertThat(meter.budgets()).containsOnlyKeys(sim.factory.subscriptionId());
    }

    @Test
    void unreachableServiceIsANetworkError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SdkDataFactory dead = SdkDataFactory.forEndpoint(List.of(sim.factory), "http://127.0.0.1:" + port + "/",
                Duration.ofSeconds(2), new com.adfops.adf.RequestMeter());
        // The Azure SDK logs each refused connection and the exhausted retries at ERROR: expected here, so captured.
        try (com.adfops.LogCapture sdkLog = com.adfops.LogCapture.of("com.azure.core")) {
            assertThatThrownBy(() -> dead.queryPipelineRuns(sim.factory, week()))
                    .isInstanceOfSatisfying(DataFactoryException.class,
                            e -> assertThat(e.kind()).isEqualTo(DataFactoryException.Kind.NETWORK));
            assertThat(sdkLog.errors()).anyMatch(m -> m.contains("Connection refused") || m.contains("Retry attempts"));
        }
    }

    @Test
    void builtInDatasetIsRealistic() {
        SimDataset d = sim.server.dataset();
        assertThat(d.pipelineRuns().size()).isGreaterThanOrEqualTo(200);
        assertThat(d.pipelineRuns().stream().map(r -> r.get("pipelineName").asText()).distinct().count())
                .isGreaterThanOrEqualTo(8);
        Set<String> codes = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (ObjectNode r : d.pipelineRuns()) {
            for (ObjectNode a : d.activityRuns(r.get("runId").asText())) {
                types.add(a.get("activityType").asText());
                String m = a.get("error").get("message").asText();
                codes.add(a.get("error").get("errorCode").asText());
                if (m.contains("ErrorCode=")) {
                    codes.add(m.substring(m.indexOf("ErrorCode=") + 10).split("[,']")[0]);
                }
            }
        }
        assertThat(codes).contains("2200", "SqlFailedToConnect", "UserErrorSourceBlobNotExists", "3204", "2108", "2010");
        assertThat(types).contains("ExecutePipeline", "ForEach", "Copy", "DatabricksNotebook", "WebActivity");
        Instant oldest = d.pipelineRuns().stream().map(r -> SimDataset.time(r, "runStart")).filter(t -> t != null)
                .min(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(oldest, NOW).toDays()).isEqualTo(6);
    }
}
