package com.adfops.analytics;

import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.tools.ToolRunner;
import com.adfops.agent.Turn;
import com.adfops.billing.CostRates;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.adfops.FakeFactory;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.BillableDuration;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunStatus;
import com.adfops.billing.BillingLedger;
import com.adfops.cards.CardFactory;
import com.adfops.docs.TestDocs;
import com.adfops.index.RunIndex;
import com.adfops.state.InMemoryConversationStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A week of a pipeline every 5 minutes (2,016 runs) and a pipeline that ran 5 times, each run with a known bill: the
 * weekly cost counts every run (the newest 300 alone were a seventh of it), a partial figure says so in its headline,
 * the ranking counts every run of each pipeline, and the model's tool states the card's figures.
 *
 * <p>By hand, at list prices: a run of {@code pl_every_5_min} is a copy of 0.2 DIU-hours on Azure IR ($0.25 x 0.2 =
 * $0.05) and two activity runs of orchestration (2 x $1 / 1,000 = $0.002): $0.052; 2,016 runs: $104.832. A run of
 * {@code pl_weekly} is a copy of 8 DIU-hours ($2.00) and one activity run ($0.001): $2.001; 5 runs: $10.005.
 */
class WeeklyCostTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final double PER_RUN = 0.25 * 0.2 + 2 * 1.0 / 1000;
    static final double PER_WEEKLY_RUN = 0.25 * 8 + 1.0 / 1000;
    static final ZoneId UTC = ZoneId.of("UTC");

    MutableClock clock;
    FakeFactory adf;
    RunIndex index;
    int nextRun;

    @BeforeEach
    void week() {
        clock = new MutableClock(NOW);
        adf = new FakeFactory("df-week");
        // Two weeks every 5 minutes (the index holds 14 days): the last 7 days hold 2,016 of them, each ending within;
        // the week before copied half as much (0.1 DIU-hours: $0.027 a run, $54.432 for its 2,016 runs).
        for (int k = -2016; k < 2016; k++) {
            Instant start = NOW.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(5L * k)).plusSeconds(30);
            if (k < 0) {
                adf.run(String.format("before-%05d", -k), "pl_every_5_min", start, 60, RunStatus.SUCCEEDED, 1,
                        new BillableDuration("DataMovement", "AzureIR", 0.1, "DIUHours"));
            } else {
                every5(start);
            }
        }
        for (int day : new int[] {1, 2, 3, 5, 6}) {
            adf.run("weekly-" + day, "pl_weekly", NOW.minus(Duration.ofDays(day)), 1800, RunStatus.SUCCEEDED, 0,
                    new BillableDuration("DataMovement", "AzureIR", 8.0, "DIUHours"));
        }
        index = new RunIndex(adf, new RequestMeter(), clock,
                new RunIndex.Settings(Duration.ofDays(14), Duration.ofSeconds(30), Duration.ofMinutes(5), 5000,
                        Duration.ofSeconds(15)));
        index.refreshAll();
    }

    private void every5(Instant start) {
        adf.run(String.format("run-%05d", nextRun++), "pl_every_5_min", start, 60, RunStatus.SUCCEEDED, 1,
                new BillableDuration("DataMovement", "AzureIR", 0.2, "DIUHours"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** A ledger that reads {@code perSecond} (one second's worth at once) when drained. */
    BillingLedger ledger(double perSecond) {
        return new BillingLedger(index, clock, new BillingLedger.Settings(perSecond, 2, Duration.ofDays(14)), null);
    }

    OfflineAgent agent(AdfTools tools) {
        return new OfflineAgent(tools, new InMemoryConversationStore(), new GuidanceFinder(TestDocs.builtInOnly()),
                Duration.ofHours(12));
    }

    static CostSummary ask(OfflineAgent agent, String text) {
        return part(agent.handle(new Turn("c-week", "Dana", text, Map.of(), UTC)), Reply.Cost.class).summary();
    }

    static String card(CostSummary s) {
        return new CardFactory(TestSim.JSON).card(new Reply.Cost(s), new CardFactory.View(NOW, UTC)).toString();
    }

    @Test
    void aWeekOfAFiveMinutePipelineCountsEveryRun() {
        BillingLedger ledger = ledger(10_000);
        AdfTools tools = new AdfTools(index, clock, CostRates.LIST_PRICES, ledger);
        // The background reader has read the two weeks the memory holds: each run once.
        assertThat(ledger.drain()).isEqualTo(4032 + 5);
        assertThat(adf.readsOf.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        int readsBefore = adf.reads();
        int queriesBefore = adf.queries.get();

        CostSummary week = ask(agent(tools), "what did pl_every_5_min cost in the last 7 days?");
        assertThat(week.runs()).isEqualTo(2016);
        assertThat(week.runsCounted()).isEqualTo(2016);
        assertThat(week.coverage().complete()).isTrue();
        assertThat(week.total().total()).isCloseTo(2016 * PER_RUN, within(1e-9)).isCloseTo(104.832, within(1e-9));
        assertThat(week.total().activityRuns()).isEqualTo(2 * 2016);
        assertThat(week.total().byMeter().get("Data movement (AzureIR)").quantity()).isCloseTo(403.2, within(1e-9));
        assertThat(week.headline()).isEqualTo("pl_every_5_min cost about $104.83 in the last 7 days (2,016 of 2,016 runs)");
        // Week over week from memory: 104.832 / 54.432 = 1.926 (up 92.6 %).
        assertThat(week.previous().runs()).isEqualTo(2016);
        assertThat(week.previous().total()).isCloseTo(2016 * (0.25 * 0.1 + 0.002), within(1e-9));
        assertThat(week.comparison()).isEqualTo("Up 92.6% on the period before ($54.43, 2,016 runs)");
        // From the summaries and the memory: the question read nothing from Data Factory, neither runs nor billing.
        assertThat(adf.reads()).isEqualTo(readsBefore);
        assertThat(adf.queries).hasValue(queriesBefore);
        String card = card(week);
        assertThat(card).contains("💰 pl_every_5_min cost about $104.83 in the last 7 days (2,016 of 2,016 runs)",
                "Data movement (AzureIR): 403.20 DIU-hours = $100.80", "Orchestration (AzureIR): 4,032 activity runs = $4.03",
                "Most expensive runs", "\"type\":\"Table\"", "Up 92.6% on the period before ($54.43, 2,016 runs)");

        // Fifteen minutes on: three runs finished (read by the question itself: few), three left the window.
        for (int i = 0; i < 3; i++) {
            every5(NOW.plus(Duration.ofMinutes(5L * i)).plusSeconds(30));
        }
        clock.advance(Duration.ofMinutes(15));
        index.refreshAll();
        CostSummary later = ask(agent(tools), "what did pl_every_5_min cost in the last 7 days?");
        assertThat(adf.reads()).isEqualTo(readsBefore + 3);
        assertThat(later.coverage()).isEqualTo(new CostSummary.Coverage(2016, 2016, null));
        assertThat(later.total().total()).isCloseTo(2016 * PER_RUN, within(1e-9));
    }

    @Test
    void theDefaultWindowIsComparedWithTheWeekBeforeOnASubSecondClock() {
        BillingLedger ledger = ledger(10_000);
        ledger.drain();
        // Half a second past the whole second: the question's window is cut to whole seconds (7 days to NOW + 60 s),
        // so the week before starts half a second before the memory does (NOW + 0.5 s - 14 days - 1 min).
        clock.advance(Duration.ofMillis(500));
        AdfTools tools = new AdfTools(index, clock, CostRates.LIST_PRICES, ledger);
        int queriesBefore = adf.queries.get();
        CostSummary week = ask(agent(tools), "what did pl_every_5_min cost?");
        assertThat(week.window().label()).isEqualTo("the last 7 days");
        assertThat(week.coverage()).isEqualTo(new CostSummary.Coverage(2016, 2016, null));
        // The week before: 2,016 runs of 0.1 DIU-hours and two activity runs ($0.027 each): $54.432.
        assertThat(week.previous()).isNotNull();
        assertThat(week.previous().runs()).isEqualTo(2016);
        assertThat(week.previous().total()).isCloseTo(2016 * (0.25 * 0.1 + 0.002), within(1e-9));
        assertThat(week.comparison()).isEqualTo("Up 92.6% on the period before ($54.43, 2,016 runs)");
        // From memory: no run listed from Data Factory.
        assertThat(adf.queries).hasValue(queriesBefore);
    }

    @Test
    void aFailedReadKeepsThePartialFigureAndSaysHowManyRunsCouldNotBeRead() {
        BillingLedger ledger = ledger(10_000);
        AdfTools tools = new AdfTools(index, clock, CostRates.LIST_PRICES, ledger);
        ledger.drain();
        // Fifteen minutes on: three runs finished (few: the question reads them itself). Data Factory throttles the
        // read of the first and no longer has the second's activity runs.
        for (int i = 0; i < 3; i++) {
            every5(NOW.plus(Duration.ofMinutes(5L * i)).plusSeconds(30));
        }
        adf.failReadsOf("run-02016", new com.adfops.adf.DataFactoryException(
                com.adfops.adf.DataFactoryException.Kind.THROTTLED, "df-week", "Too many requests", null, null,
                Duration.ofSeconds(10)));
        adf.failReadsOf("run-02017", new com.adfops.adf.DataFactoryException(
                com.adfops.adf.DataFactoryException.Kind.NOT_FOUND, "df-week", "Not found", null));
        clock.advance(Duration.ofMinutes(15));
        index.refreshAll();

        // The figure over the 2,014 runs read (2,014 x $0.052 = $104.728), and how many could not be read.
        CostSummary partial = ask(agent(tools), "what did pl_every_5_min cost in the last 7 days?");
        assertThat(partial.coverage()).isEqualTo(new CostSummary.Coverage(2016, 2014, null, 2));
        assertThat(partial.total().total()).isCloseTo(2014 * PER_RUN, within(1e-9));
        assertThat(partial.headline())
                .isEqualTo("pl_every_5_min cost about $104.73 for 2,014 of 2,016 runs so far in the last 7 days");
        assertThat(partial.coverageNote()).isEqualTo("The figure counts only the runs whose billing has been read so "
                + "far. 2 runs could not be read from Data Factory.");
        assertThat(partial.previous()).isNull();

        // The throttled run is read by the background once Data Factory answers; the one it does not have is not
        // asked for again, by the background nor by the next question.
        adf.failReadsOf("run-02016", null);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.drain()).isEqualTo(1);
        assertThat(adf.readsOf.get("run-02016")).hasValue(2);
        try (BillingLedger reading = ledger.start()) {
            CostSummary later = ask(agent(tools), "what did pl_every_5_min cost in the last 7 days?");
            assertThat(later.coverage()).isEqualTo(new CostSummary.Coverage(2016, 2015, null, 1));
            assertThat(later.coverageNote()).isEqualTo("The figure counts only the runs whose billing has been read "
                    + "so far. 1 run could not be read from Data Factory.").doesNotContain("being read now");
        }
        assertThat(adf.readsOf.get("run-02017")).hasValue(1);
    }

    @Test
    void aPartialFigureSaysSoInItsHeadlineAndCountsOnlyTheRunsRead() {
        // The background reader has read a hundred runs so far: the newest (all of pl_every_5_min, the last 8 hours).
        BillingLedger ledger = ledger(100);
        AdfTools tools = new AdfTools(index, clock, CostRates.LIST_PRICES, ledger);
        assertThat(ledger.drain()).isEqualTo(100);
        int readsBefore = adf.reads();

        CostSummary week = ask(agent(tools), "what did pl_every_5_min cost in the last 7 days?");
        // Too many missing to read in the question: the figure is over the 100 read, and says so.
        assertThat(adf.reads()).isEqualTo(readsBefore);
        assertThat(week.coverage().complete()).isFalse();
        assertThat(week.runsCounted()).isEqualTo(100);
        assertThat(week.previous()).as("no comparison with a partial figure").isNull();
        assertThat(week.runs()).isEqualTo(2016);
        assertThat(week.total().total()).isCloseTo(100 * PER_RUN, within(1e-9));
        assertThat(week.headline()).isEqualTo("pl_every_5_min cost about $5.20 for 100 of 2,016 runs so far in the last 7 days");
        assertThat(card(week)).contains("💰 pl_every_5_min cost about $5.20 for 100 of 2,016 runs so far in the last 7 days",
                "the other 1,916 are not read yet").doesNotContain("(2,016 of 2,016 runs)");
        // Light: answered from what is there, nothing read in the turn.
        assertThat(agent(tools).effort(new Turn("c-week", "Dana", "what did pl_every_5_min cost in the last 7 days?",
                Map.of(), UTC)).heavy()).isFalse();
    }

    @Test
    void theRunsAQuestionMissesAreReadBeforeTheBackfillGoesOn() {
        BillingLedger ledger = ledger(100);
        AdfTools tools = new AdfTools(index, clock, CostRates.LIST_PRICES, ledger);
        assertThat(ledger.drain()).isEqualTo(100);
        assertThat(adf.readOrder).allSatisfy(id -> assertThat(adf.getPipelineRun(adf.factory, id).orElseThrow().runStart())
                .isAfter(Instant.parse("2026-11-26T00:00:00Z")));
        // Yesterday's 288 runs: none read yet, too many for the question (nothing from yesterday, said so).
        CostSummary yesterday = ask(agent(tools), "what did pl_every_5_min cost yesterday?");
        assertThat(yesterday.coverage().counted()).isZero();
        assertThat(yesterday.runs()).isEqualTo(288);
        assertThat(yesterday.headline()).isEqualTo("pl_every_5_min cost yesterday: not known yet, 0 of 288 runs read so far");
        // The ledger reads them next, newest first, before the rest of today's backfill.
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.drain()).isEqualTo(100);
        java.util.List<Instant> next = adf.readOrder.subList(100, 200).stream()
                .map(id -> adf.getPipelineRun(adf.factory, id).orElseThrow().runEnd()).toList();
        assertThat(next).allSatisfy(end -> assertThat(end).isBefore(Instant.parse("2026-11-26T00:00:00Z"))
                .isAfter(Instant.parse("2026-11-25T00:00:00Z")));
        assertThat(next).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(1));
            ledger.drain();
        }
        CostSummary whole = ask(agent(tools), "what did pl_every_5_min cost yesterday?");
        assertThat(whole.coverage().complete()).isTrue();
        assertThat(whole.total().total()).isCloseTo(288 * PER_RUN, within(1e-9));
    }

    @Test
    void theRankingCountsEveryRunOfAPipelineThatRanFiveTimes() {
        BillingLedger ledger = ledger(10_000);
        ledger.drain();
        CostSummary all = ask(agent(new AdfTools(index, clock, CostRates.LIST_PRICES, ledger)),
                "most expensive pipelines in the last 7 days");
        assertThat(all.rows()).extracting(CostSummary.Row::pipeline).containsExactly("pl_every_5_min", "pl_weekly");
        CostSummary.Row weekly = all.rows().get(1);
        assertThat(weekly.runs()).isEqualTo(5);
        assertThat(weekly.counted()).isEqualTo(5);
        assertThat(weekly.amount()).isCloseTo(5 * PER_WEEKLY_RUN, within(1e-9)).isCloseTo(10.005, within(1e-9));
        assertThat(all.rows().get(0).runs()).isEqualTo(2016);
        assertThat(all.total().total()).isCloseTo(104.832 + 10.005, within(1e-9));
        assertThat(all.headline()).isEqualTo("all pipelines cost about $114.84 in the last 7 days (2,021 of 2,021 runs)");
        // The card's table: pipeline, runs, estimated cost; the factory said once, in the subtitle.
        JsonNode card = new CardFactory(TestSim.JSON).card(new Reply.Cost(all), new CardFactory.View(NOW, UTC));
        String text = card.toString();
        assertThat(text).contains("\"text\":\"pl_weekly\"", "\"text\":\"5\"", "\"text\":\"2,016\"",
                "df-week · 4,037 activity runs");
        assertThat(text.split("df-week", -1)).hasSize(2);
    }

    @Test
    void moreThanFiveThousandRunsInTheWindowAllCount() {
        // A pipeline every 100 s: 6,048 runs in the week, each one activity run without billing ($0.001).
        for (int k = 0; k < 6048; k++) {
            adf.run("often-" + k, "pl_every_100_s", NOW.minus(Duration.ofDays(7)).plusSeconds(100L * k + 10), 30,
                    RunStatus.SUCCEEDED, 1);
        }
        index.close();
        index = new RunIndex(adf, new RequestMeter(), clock, new RunIndex.Settings(Duration.ofDays(14),
                Duration.ofSeconds(30), Duration.ofMinutes(5), 5000, Duration.ofSeconds(15)));
        index.refreshAll();
        BillingLedger ledger = ledger(100_000);
        ledger.drain();
        CostSummary often = ask(agent(new AdfTools(index, clock, CostRates.LIST_PRICES, ledger)),
                "what did pl_every_100_s cost in the last 7 days?");
        assertThat(often.coverage()).isEqualTo(new CostSummary.Coverage(6048, 6048, null));
        assertThat(often.total().total()).isCloseTo(6.048, within(1e-9));
    }

    @Test
    void theToolStatesTheCardsFiguresAndCoverage() throws Exception {
        for (double rate : new double[] {10_000, 100}) {
            BillingLedger ledger = ledger(rate);
            ledger.drain();
            AdfTools tools = new AdfTools(index, clock, CostRates.LIST_PRICES, ledger);
            CostSummary card = ask(agent(tools), "what did pl_every_5_min cost in the last 7 days?");
            ToolRunner.Call call = new ToolRunner(tools, TestDocs.builtInOnly(), TestSim.JSON)
                    .run(ToolRunner.COST, "{\"pipeline\":\"pl_every_5_min\",\"window\":\"last 7 days\"}", UTC);
            JsonNode out = TestSim.JSON.readTree(call.output());
            assertThat(out.get("estimate").asDouble()).as("rate %s", rate)
                    .isCloseTo(Math.round(card.total().total() * 10000) / 10000.0, within(1e-9));
            assertThat(out.get("runs").asInt()).isEqualTo(card.runs()).isEqualTo(2016);
            assertThat(out.get("runsCounted").asInt()).isEqualTo(card.runsCounted());
            assertThat(out.get("complete").asBoolean()).isEqualTo(card.coverage().complete()).isEqualTo(rate > 1000);
            assertThat(out.get("statement").asText()).isEqualTo(card.headline());
            assertThat(out.get("window").asText()).isEqualTo(card.window().label());
            assertThat(call.cost().total().total()).isEqualTo(card.total().total());
            assertThat(out.path("comparedWithThePeriodBefore").asText()).isEqualTo(card.comparison());
            if (!card.coverage().complete()) {
                assertThat(out.get("note").asText()).contains("100 of 2,016 runs so far");
            }
        }
    }
}
