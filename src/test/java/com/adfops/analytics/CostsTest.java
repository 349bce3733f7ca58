package com.adfops.analytics;

import com.adfops.agent.AgentReply;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.tools.ToolRunner;
import com.adfops.agent.Turn;
import com.adfops.billing.CostRates;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.cards.CardFactory;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cost estimates from billingReference at list prices (and at a rate file's), computed by hand for a small factory. */
class CostsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;

    @BeforeAll
    static void start() {
        DatasetBuilder b = new DatasetBuilder("df-cost");
        for (int i = 0; i < 2; i++) {
            // Per run: copy 2 DIU-hours on Azure IR ($0.50), a lookup of 1 hour ($0.005), 3 activity runs ($0.003).
            b.run("pl_copy", NOW.minus(Duration.ofHours(3L + i)), 600, "Succeeded")
                    .activity("Copy", "Copy", 0, 500, "Succeeded", null, null).billed("DataMovement", "AzureIR", 2.0, "DIUHours")
                    .activity("Lookup", "Lookup", 500, 60, "Succeeded", null, null).billed("PipelineActivity", "AzureIR", 1.0, "Hours")
                    .activity("ForEach", "ForEach", 560, 30, "Succeeded", null, null);
        }
        // Self-hosted: a stored procedure of 2 external hours ($0.0002) and its orchestration ($0.0015).
        b.run("pl_proc", NOW.minus(Duration.ofHours(2)), 120, "Succeeded")
                .activity("Proc", "SqlServerStoredProcedure", 0, 100, "Succeeded", null, null)
                .billed("ExternalActivity", "SelfhostedIR", 2.0, "Hours");
        sim = TestSim.of(b.build(), 50, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static OfflineAgent agent(CostRates rates) {
        return new OfflineAgent(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC), rates), new InMemoryConversationStore(),
                new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
    }

    static CostSummary ask(OfflineAgent a, String text) {
        AgentReply r = a.handle(new Turn("c-cost", "Dana", text, Map.of(), ZoneId.of("UTC")));
        return r.parts().stream().filter(Reply.Cost.class::isInstance).map(p -> ((Reply.Cost) p).summary()).findFirst()
                .orElseThrow(() -> new AssertionError("no cost in " + r));
    }

    @Test
    void theMostExpensivePipelinesAtListPrice() {
        CostSummary all = ask(agent(CostRates.LIST_PRICES), "most expensive pipelines this week");
        // pl_copy: 2 x (0.50 + 0.005 + 0.003) = 1.016; pl_proc: 0.0002 + 0.0015 = 0.0017.
        assertThat(all.total().total()).isCloseTo(1.0177, within(1e-9));
        assertThat(all.total().activityRuns()).isEqualTo(7);
        assertThat(all.rows()).extracting(CostSummary.Row::label).containsExactly("pl_copy", "pl_proc");
        assertThat(all.rows().get(0).amount()).isCloseTo(1.016, within(1e-9));
        assertThat(all.total().byMeter().get("Data movement (AzureIR)").quantity()).isCloseTo(4.0, within(1e-9));
        assertThat(all.runs()).isEqualTo(3);

        CostSummary one = ask(agent(CostRates.LIST_PRICES), "what did pl_copy cost this week?");
        assertThat(one.scope()).isEqualTo("pl_copy");
        assertThat(one.rows()).hasSize(2).allSatisfy(r -> assertThat(r.label()).startsWith("run "));
        String card = new CardFactory(TestSim.JSON).card(new Reply.Cost(one), new CardFactory.View(NOW, ZoneId.of("UTC")))
                .toString();
        assertThat(card).contains("pl_copy cost about $1.02", "Data movement (AzureIR): 4.00 DIU-hours = $1.00",
                "Most expensive runs", "Estimates in USD at list prices");
    }

    @Test
    void theModelsToolGetsTheNumbersAndTheUserTheCard() throws Exception {
        ToolRunner runner = new ToolRunner(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)), TestDocs.builtInOnly(),
                TestSim.JSON);
        ToolRunner.Call call = runner.run(ToolRunner.COST, "{\"pipeline\":\"pl_copy\",\"window\":\"last 7 days\"}",
                ZoneId.of("UTC"));
        assertThat(call.ok()).isTrue();
        com.fasterxml.jackson.databind.JsonNode out = TestSim.JSON.readTree(call.output());
        assertThat(out.get("estimate").asDouble()).isCloseTo(1.016, within(1e-9));
        assertThat(out.get("currency").asText()).isEqualTo("USD");
        assertThat(out.get("mostExpensiveRuns")).hasSize(2);
        assertThat(out.get("runs").asInt()).isEqualTo(2);
        assertThat(out.get("runsCounted").asInt()).isEqualTo(2);
        assertThat(out.get("complete").asBoolean()).isTrue();
        assertThat(out.get("statement").asText()).isEqualTo("pl_copy cost about $1.02 in the last 7 days (2 of 2 runs)");
        assertThat(call.cost()).isNotNull();
        assertThat(com.adfops.tools.ToolCatalog.schemas()).containsKey(ToolRunner.COST);
        assertThat(TestSim.JSON.readTree(runner.run(ToolRunner.COST, "{\"pipeline\":\"pl_nope_zzz\"}", ZoneId.of("UTC"))
                .output()).get("error").asText()).isEqualTo("unknown pipeline");
    }

    @Test
    void aRateFileReplacesListPricesAndABadOneSaysWhy(@TempDir Path dir) throws Exception {
        Path rates = Files.writeString(dir.resolve("rates.json"), "{\"DataMovement/AzureIR\": 0.30, \"orchestration\": 0}");
        CostRates mine = CostRates.load(rates, TestSim.JSON);
        CostSummary all = ask(agent(mine), "what did pl_copy cost this week?");
        // 2 x (4 x... no: 2 DIU-hours x 0.30 + 0.005) = 1.21, orchestration free.
        assertThat(all.total().total()).isCloseTo(1.21, within(1e-9));
        assertThat(all.ratesSource()).contains("rates.json");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"DataMovement\": \"cheap\"}");
        assertThatThrownBy(() -> CostRates.load(bad, TestSim.JSON)).hasMessageContaining("ADFOPS_COST_RATES")
                .hasMessageContaining("DataMovement");
    }

    /** A Data Factory whose activity-run reads wait until four are in flight (or a while), counting them. */
    static final class CountingReads implements com.adfops.adf.DataFactory {
        final com.adfops.adf.FactoryRef factory = new com.adfops.adf.FactoryRef("sub", "rg", "df-reads");
        final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.CountDownLatch four = new java.util.concurrent.CountDownLatch(4);
        final java.util.concurrent.CountDownLatch release;

        CountingReads(java.util.concurrent.CountDownLatch release) {
            this.release = release;
        }

        public java.util.List<com.adfops.adf.FactoryRef> factories() {
            return java.util.List.of(factory);
        }

        public java.util.List<String> listPipelineNames(com.adfops.adf.FactoryRef f) {
            return java.util.List.of("pl_copy");
        }

        public java.util.List<com.adfops.adf.PipelineRun> queryPipelineRuns(com.adfops.adf.FactoryRef f,
                                                                           com.adfops.adf.RunQuery q) {
            return java.util.List.of();
        }

        public java.util.List<com.adfops.adf.ActivityRun> queryActivityRuns(com.adfops.adf.FactoryRef f,
                                                                           com.adfops.adf.PipelineRun run) {
            started.incrementAndGet();
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            four.countDown();
            try {
                four.await(10, java.util.concurrent.TimeUnit.SECONDS);
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return java.util.List.of();
        }

        public java.util.Optional<com.adfops.adf.PipelineRun> getPipelineRun(com.adfops.adf.FactoryRef f, String id) {
            return java.util.Optional.empty();
        }

        java.util.List<com.adfops.adf.PipelineRun> runs(int n) {
            java.util.List<com.adfops.adf.PipelineRun> out = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new com.adfops.adf.PipelineRun(factory, "run-" + i, "pl_copy", com.adfops.adf.RunStatus.SUCCEEDED,
                        null, NOW, NOW, NOW, 1000L, null, null, null, null, null, null));
            }
            return out;
        }
    }

    @Test
    void aCostQuestionReadsFourRunsActivityRunsAtOnceAndNoMore() {
        CountingReads adf = new CountingReads(new java.util.concurrent.CountDownLatch(0));
        java.util.List<java.util.List<com.adfops.adf.ActivityRun>> read = new AdfTools(adf, Clock.fixed(NOW, ZoneOffset.UTC))
                .activitiesOf(adf.runs(40));
        assertThat(read).hasSize(40).allSatisfy(a -> assertThat(a).isEmpty());
        assertThat(adf.started).hasValue(40);
        // The first four waited for each other: they were in flight together, and never a fifth.
        assertThat(adf.most).hasValue(AdfTools.READS_IN_FLIGHT);
    }

    @Test
    void aStoppedCostQuestionStartsNoFurtherReads() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CountingReads adf = new CountingReads(release);
        AdfTools tools = new AdfTools(adf, Clock.fixed(NOW, ZoneOffset.UTC));
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread question = new Thread(() -> {
            try {
                tools.activitiesOf(adf.runs(300));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        question.start();
        assertThat(adf.four.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        question.interrupt();
        question.join(10_000);
        release.countDown();
        assertThat(thrown.get()).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(adf.started.get()).isEqualTo(AdfTools.READS_IN_FLIGHT);
    }
}
