package com.adfops.agent;

import com.adfops.tools.ToolRunner;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.FailureCauses;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.TimeWindowParser;
import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.cards.CardFactory;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The failing list is one row per incident, each saying what broke: a parent, its child and its grandchild that
 * failed together are one row naming the grandchild's activity; a child whose parent did not fail keeps its own row.
 * Over the real SDK and the simulated factory, through the offline agent and the model's tool.
 */
class FailingIncidentsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static AdfTools tools;
    static OfflineAgent agent;
    static String parentRun;
    static String grandchildRun;

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-nested");
        Instant t = NOW.minus(Duration.ofHours(3));
        // orchestrate_finance -> load_ledger -> copy_gl_entries, the copy failing on a SQL login.
        DatasetBuilder.Run parent = d.run("orchestrate_finance", t, 600, "Failed");
        DatasetBuilder.Run child = d.run("load_ledger", t.plusSeconds(10), 500, "Failed", parent);
        DatasetBuilder.Run grandchild = d.run("copy_gl_entries", t.plusSeconds(20), 400, "Failed", child)
                .activity("Copy GL rows", "Copy", 1, 300, "Failed", "2200",
                        "ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,"
                                + "Message=Cannot connect to SQL Database: 'finance.database.windows.net', Database: 'gl', "
                                + "User: 'etl_reader'. Check the linked service configuration is correct.,"
                                + "Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,"
                                + "Message=Login failed for user 'etl_reader'.,Source=.Net SqlClient Data Provider,"
                                + "SqlErrorNumber=18456,Class=14,State=1,'")
                .message("Operation on target Copy GL rows failed");
        child.executePipeline("Run copy_gl_entries", 5, 450, grandchild, "Failed")
                .message("Operation on target Run copy_gl_entries failed");
        parent.executePipeline("Run load_ledger", 5, 550, child, "Failed")
                .message("Activity failed because an inner activity failed");
        parentRun = parent.id();
        grandchildRun = grandchild.id();
        // A child that failed while its parent succeeded (the parent tolerated it): its own incident.
        DatasetBuilder.Run tolerant = d.run("refresh_reports", NOW.minus(Duration.ofHours(2)), 300, "Succeeded");
        DatasetBuilder.Run optional = d.run("refresh_optional_tile", NOW.minus(Duration.ofHours(2)).plusSeconds(10), 60,
                "Failed", tolerant).activity("Call API", "WebActivity", 1, 30, "Failed", "2108",
                "Response status code: '503'.").message("Operation on target Call API failed");
        tolerant.executePipeline("Run tile", 5, 70, optional, "Failed");
        sim = TestSim.of(d.build(), 3);
        tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(tools, new InMemoryConversationStore(), new GuidanceFinder(TestDocs.builtInOnly()),
                Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aNestedFailureIsOneRowNamingTheActivityThatBroke() {
        FailingSummary s = part(agent.handle(new Turn("conv", "Dana", "what is failing?", Map.of(), ZoneId.of("UTC"))),
                Reply.Failing.class).summary();
        assertThat(s.failing()).extracting(FailingSummary.Row::pipeline)
                .containsExactly("refresh_optional_tile", "orchestrate_finance");
        FailingSummary.Row incident = s.failing().get(1);
        assertThat(incident.lastFailure().runId()).isEqualTo(parentRun);
        assertThat(incident.folded()).extracting(PipelineRun::pipelineName).containsExactly("load_ledger", "copy_gl_entries");
        assertThat(incident.cause()).isEqualTo(new FailingSummary.Cause("Copy GL rows", "copy_gl_entries", "Copy", "2200",
                "Login failed for user 'etl_reader'."));
        assertThat(s.failing().get(0).cause().inPipeline()).as("the row's own pipeline is not repeated").isEmpty();
        assertThat(s.failing().get(0).calledBy()).isEqualTo("refresh_reports");

        JsonNode card = new CardFactory(TestSim.JSON).card(new Reply.Failing(s), new CardFactory.View(NOW, ZoneId.of("UTC")));
        String text = card.toString();
        assertThat(text).contains("❌ 2 failing pipelines")
                .contains("✖ Copy GL rows in copy_gl_entries (Copy) · error 2200")
                .contains("Login failed for user 'etl_reader'.")
                .contains("child pipelines load_ledger, copy_gl_entries failed with it")
                .doesNotContain("an inner activity failed")
                .contains("\"Factory: \"");
        // The run is a link to ADF Studio's Monitor hub, shown shortened.
        assertThat(text).contains("run " + parentRun.substring(0, 8) + "…")
                .contains("https://adf.azure.com/en/monitoring/pipelineruns/" + parentRun + "?factory=%2Fsubscriptions%2F");
        assertThat(text).contains("%2Fproviders%2FMicrosoft.DataFactory%2Ffactories%2Fdf-nested");
    }

    @Test
    void theModelsToolNamesTheSameCause() throws Exception {
        ToolRunner runner = new ToolRunner(tools, null, TestSim.JSON);
        ToolRunner.Call call = runner.run(AdfTools.PIPELINE_RUNS, "{\"hours\":24}", ZoneId.of("UTC"));
        JsonNode out = TestSim.JSON.readTree(call.output());
        JsonNode incident = null;
        for (JsonNode f : out.path("failing")) {
            if (f.path("pipeline").asText().equals("orchestrate_finance")) {
                incident = f;
            }
        }
        assertThat(out.path("failing")).hasSize(2);
        assertThat(incident).isNotNull();
        assertThat(incident.path("failing_activity").asText()).isEqualTo("Copy GL rows");
        assertThat(incident.path("in_child_pipeline").asText()).isEqualTo("copy_gl_entries");
        assertThat(incident.path("error_code").asText()).isEqualTo("2200");
        assertThat(incident.path("cause").asText()).isEqualTo("Login failed for user 'etl_reader'.");
        assertThat(incident.path("failed_child_runs").findValuesAsText("run_id")).contains(grandchildRun);
    }

    @Test
    void anUnreadableRunKeepsItsMessageAndTheListIsNotLost() {
        FailingSummary s = RunSummaries.failing(tools.pipelineRuns(new AdfTools.RunsRequest(null, null, java.util.Set.of(),
                TimeWindowParser.parse("", NOW, ZoneId.of("UTC")))));
        AtomicInteger reads = new AtomicInteger();
        FailingSummary named = FailureCauses.of(s, run -> {
            reads.incrementAndGet();
            throw new DataFactoryException(DataFactoryException.Kind.THROTTLED, "df-nested", "throttled", null);
        }, FailureCauses.ROWS);
        assertThat(named.failing()).hasSameSizeAs(s.failing()).allMatch(r -> r.cause() == null);
        assertThat(reads.get()).as("a refusal starts no further read").isLessThanOrEqualTo(FailureCauses.IN_FLIGHT);
        assertThat(named.failing()).extracting(FailingSummary.Row::shortError).containsExactlyElementsOf(
                s.failing().stream().map(FailingSummary.Row::shortError).toList());
    }

    /** A cold cache at the incident's peak: the list answers within its budget with the messages it has. */
    @Test
    void rowsNotReadWithinTheBudgetKeepTheirMessages() throws Exception {
        FailingSummary s = RunSummaries.failing(tools.pipelineRuns(new AdfTools.RunsRequest(null, null, java.util.Set.of(),
                TimeWindowParser.parse("", NOW, ZoneId.of("UTC")))));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            // The reads end after the test without reading anything (the factory closes with the class).
            FailingSummary named = FailureCauses.of(s, run -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }, FailureCauses.ROWS, Duration.ofMillis(300));
            assertThat(named.failing()).hasSameSizeAs(s.failing()).allMatch(r -> r.cause() == null);
            assertThat(named.failing()).extracting(FailingSummary.Row::shortError).containsExactlyElementsOf(
                    s.failing().stream().map(FailingSummary.Row::shortError).toList());
        } finally {
            release.countDown();
        }
    }

    @Test
    void onlyTheFirstRowsAreRead() {
        FailingSummary s = RunSummaries.failing(tools.pipelineRuns(new AdfTools.RunsRequest(null, null, java.util.Set.of(),
                TimeWindowParser.parse("", NOW, ZoneId.of("UTC")))));
        AtomicInteger reads = new AtomicInteger();
        FailingSummary named = FailureCauses.of(s, run -> {
            reads.incrementAndGet();
            return new Diagnoser(tools).diagnose(run);
        }, 1);
        assertThat(reads).hasValue(1);
        assertThat(named.failing().get(0).cause()).isNotNull();
        assertThat(named.failing().get(1).cause()).isNull();
        assertThat(List.of(named.failing().get(1).shortError())).isNotEmpty();
    }
}
