package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.agent.AgentReply;
import com.adfops.analytics.DurationVerdict;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.agent.OfflineAgent;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every analytics card agrees with itself ({@link AnalyticsCardCheck}) on generated run histories of many shapes:
 * hourly, daily and weekly pipelines; stable ones; a slowdown (and a speed-up) of the last two days; a slow last day;
 * one outlier; the last two nightly runs slow; recurring errors with successes between; failures and their reruns; a
 * nightly run going four times its usual. The cards are the ones a user gets: the durations of one pipeline and the slowest, trends of
 * one and of all, status and the failing list.
 */
class CardConsistencyTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");
    static final CardFactory CARDS = new CardFactory(TestSim.JSON);

    static JsonNode resource(String name) throws Exception {
        return TestSim.JSON.readTree(CardConsistencyTest.class.getResourceAsStream("/cards/consistency/" + name));
    }

    @Test
    void theCardsTheOldCodeGaveAreCaught() throws Exception {
        // Captured from the code before this change, on DurationsTest's factory: "About as fast as in the period
        // before" above eight runs listed at 2.5x to 3.9x (and above one at 3.0x).
        assertThat(AnalyticsCardCheck.check(resource("old-slowdown.json")).violations())
                .anyMatch(v -> v.startsWith("says \"as fast\" beside a run at 3.9x its usual"));
        assertThat(AnalyticsCardCheck.check(resource("old-outlier.json")).violations())
                .anyMatch(v -> v.startsWith("says \"as fast\" beside a run at 3.0x its usual"));
        // Captured from the code before the within-spread verdict, on DurationsTest's pl_spread: "About as fast as usual"
        // and "none was slow" for a median of 30 minutes against the usual 20 (1.5x, p = 0.14).
        assertThat(AnalyticsCardCheck.check(resource("old-within-spread.json")).violations())
                .anyMatch(v -> v.startsWith("says \"as fast\" beside a median at 1.5x the usual"))
                .anyMatch(v -> v.startsWith("says \"none was slow\" beside a median at 1.5x the usual"));
        // A table row that calls a pipeline at 1.5x steady.
        String all = TestSim.JSON.writeValueAsString(CARDS.card(CardSamples.all().get("performance-all"), CardSamples.VIEW));
        assertThat(AnalyticsCardCheck.check(TestSim.JSON.readTree(all.replace("⚠️ 1 slow run", "steady (1.5x)")))
                .violations()).anyMatch(v -> v.startsWith("the row of pl_orders says \"steady\" beside 1.5x"));
    }

    @Test
    void theCheckCatchesFiguresThatDisagree() throws Exception {
        JsonNode good = CARDS.card(CardSamples.all().get("performance-one"), CardSamples.VIEW);
        assertThat(AnalyticsCardCheck.check(good).violations()).isEmpty();
        String text = TestSim.JSON.writeValueAsString(good);
        // Another usual in the headline than in the list; a slowest ratio the list does not show.
        JsonNode otherUsual = TestSim.JSON.readTree(text.replace("1.7x the usual 36m 0s", "1.7x the usual 30m 0s"));
        assertThat(AnalyticsCardCheck.check(otherUsual).violations()).anyMatch(v -> v.contains("the headline's usual is 1800 s"));
        JsonNode otherSlowest = TestSim.JSON.readTree(text.replace("up to 1.8x", "up to 2.8x"));
        assertThat(AnalyticsCardCheck.check(otherSlowest).violations()).anyMatch(v -> v.contains("the headline's slowest is 2.8x"));
        // A steady row beside its pipeline's run at 2.5x.
        String all = TestSim.JSON.writeValueAsString(CARDS.card(CardSamples.all().get("performance-all"), CardSamples.VIEW));
        assertThat(AnalyticsCardCheck.check(TestSim.JSON.readTree(all)).violations()).isEmpty();
        assertThat(AnalyticsCardCheck.check(TestSim.JSON.readTree(all.replace("⚠️ 1 slow run", "steady"))).violations())
                .anyMatch(v -> v.contains("the row of pl_orders says \"steady\""));
        // A running-long line whose ratio is not its running time over its p95.
        JsonNode status = CARDS.card(CardSamples.all().get("status-running-long"), CardSamples.VIEW);
        assertThat(AnalyticsCardCheck.check(status).violations()).isEmpty();
        assertThat(AnalyticsCardCheck.check(TestSim.JSON.readTree(TestSim.JSON.writeValueAsString(status)
                .replace("3.1x the p95", "1.1x the p95"))).violations()).anyMatch(v -> v.startsWith("running long:"));
    }

    @Test
    void everyAnalyticsCardAgreesWithItselfOnGeneratedHistories() {
        Set<String> applied = new LinkedHashSet<>();
        List<String> violations = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Shapes shapes = new Shapes(seed);
            try (TestSim sim = TestSim.of(shapes.data.build(), 1000, Clock.fixed(NOW, ZoneOffset.UTC))) {
                AdfTools tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
                tools.baselines().turnWait(Duration.ofMinutes(1));
                OfflineAgent agent = new OfflineAgent(tools, new InMemoryConversationStore(),
                        new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
                List<String> questions = new ArrayList<>(List.of("which pipelines are slowest?",
                        "which pipelines are slowest in the last 3 days?", "how did pipelines do this week?",
                        "how did pipelines do in the last 30 days?", "what is failing?"));
                for (String p : Shapes.PIPELINES) {
                    questions.addAll(List.of("is " + p + " getting slower?", "status of " + p, "how did " + p + " do this week?"));
                }
                Map<String, DurationVerdict.Kind> kinds = new LinkedHashMap<>();
                for (String q : questions) {
                    AgentReply r = agent.handle(new Turn("c-" + seed, "Dana", q, Map.of(), UTC));
                    for (Reply part : r.parts()) {
                        if (part instanceof Reply.Performance perf && perf.summary().pipelines().size() == 1
                                && q.startsWith("is ")) {
                            PerformanceSummary.PipelineDurations d = perf.summary().pipelines().get(0);
                            kinds.put(d.pipeline(), d.verdict().kind());
                        }
                        if (part instanceof Reply.Status st && st.status().pipeline().equals("nightly_long")) {
                            assertThat(st.status().runningLong()).as("seed " + seed + ": the nightly run at 4x").isNotNull();
                        }
                        JsonNode card = CARDS.card(part, new CardFactory.View(NOW, UTC));
                        if (card == null) {
                            continue;
                        }
                        AnalyticsCardCheck.Result result = AnalyticsCardCheck.check(card);
                        applied.addAll(result.applied());
                        for (String v : result.violations()) {
                            violations.add("seed " + seed + ", \"" + q + "\": " + v);
                        }
                    }
                }
                // The shapes are what they say they are.
                assertThat(kinds.get("hourly_slowdown")).as("seed " + seed).isEqualTo(DurationVerdict.Kind.SLOWER);
                assertThat(kinds.get("hourly_faster")).as("seed " + seed).isEqualTo(DurationVerdict.Kind.FASTER);
                assertThat(kinds.get("daily_outlier")).as("seed " + seed).isEqualTo(DurationVerdict.Kind.SLOW_RUNS);
                assertThat(kinds.get("daily_last_two_slow")).as("seed " + seed).isEqualTo(DurationVerdict.Kind.SLOW_RUNS);
                assertThat(kinds.get("hourly_stable")).as("seed " + seed).isIn(DurationVerdict.Kind.STEADY,
                        DurationVerdict.Kind.SLOW_RUNS);
                assertThat(kinds.get("pl_week_report")).as("seed " + seed).isEqualTo(DurationVerdict.Kind.TOO_LITTLE_HISTORY);
            }
        }
        assertThat(violations).isEmpty();
        assertThat(applied).as("every rule had something to check").contains("listed ratio", "no reassurance beside slow runs",
                "table row beside slow runs", "the list's usual is the headline's", "the chart's usual is the headline's",
                "the headline's ratio", "the headline's slow runs", "the headline's pipelines are the table's",
                "running long", "trend totals");
    }

    /** One factory with a pipeline of each shape, its figures drawn from a seeded generator. */
    static final class Shapes {
        static final List<String> PIPELINES = List.of("hourly_stable", "hourly_slowdown", "hourly_slow_last_day",
                "daily_outlier", "daily_last_two_slow", "pl_week_report", "recurring_errors", "reruns", "nightly_long",
                "hourly_going", "hourly_faster");
        final DatasetBuilder data;
        final Random rnd;

        Shapes(long seed) {
            rnd = new Random(seed);
            data = new DatasetBuilder("df-shapes-" + seed);
            double usual = 300 + rnd.nextInt(900);
            double factor = 2 + rnd.nextDouble() * 1.5;
            for (int h = 1; h <= 14 * 24; h++) {
                Instant start = NOW.minus(Duration.ofHours(h)).plusSeconds(rnd.nextInt(600));
                ok("hourly_stable", start, usual);
                ok("hourly_slowdown", start, h <= 48 ? usual * factor : usual);
                ok("hourly_slow_last_day", start, h <= 20 ? usual * factor : usual);
                ok("hourly_going", start, usual / 3);
                ok("hourly_faster", start, h <= 48 ? usual * 0.4 : usual);
            }
            data.run("hourly_going", NOW.minus(Duration.ofMinutes(3)), 0, "InProgress");
            Instant nightly = Instant.parse("2026-11-26T01:00:00Z");
            int outlierDay = 1 + rnd.nextInt(6);
            for (int d = 1; d <= 21; d++) {
                Instant start = nightly.minus(Duration.ofDays(d));
                ok("daily_outlier", start, d == outlierDay ? usual * (3 + rnd.nextDouble() * 2) : usual);
                ok("daily_last_two_slow", start, d <= 2 ? usual * (2.5 + rnd.nextDouble() * 1.4) : usual);
                if (d <= 12) {
                    ok("nightly_long", start, 1200);
                }
            }
            // Tonight's nightly run has gone 80 minutes, four times its usual 20.
            data.run("nightly_long", NOW.minus(Duration.ofMinutes(80)), 0, "InProgress");
            for (int w = 0; w < 6; w++) {
                // Every week, the last two days ago: 2 of its runs in the 14 days read, too few to judge.
                ok("pl_week_report", nightly.minus(Duration.ofDays(2 + 7L * w)), 7200);
            }
            for (int k = 1; k <= 14 * 6; k++) {
                Instant start = NOW.minus(Duration.ofHours(4L * k));
                if (k % 3 == 0) {
                    // The same error every third run, successes between.
                    data.run("recurring_errors", start, 60 + rnd.nextInt(120), "Failed")
                            .activity("Copy orders", "Copy", 0, 50, "Failed", "2200",
                                    "Failure happened on 'Source' side. Timeout reading table orders.")
                            .message("Operation on target Copy orders failed");
                } else {
                    ok("recurring_errors", start, usual);
                }
            }
            for (int k = 1; k <= 14 * 4; k++) {
                Instant start = NOW.minus(Duration.ofHours(6L * k));
                if (rnd.nextInt(5) == 0) {
                    DatasetBuilder.Run failed = data.run("reruns", start, (int) (usual / 2), "Failed")
                            .activity("Load", "Copy", 0, 30, "Failed", "2200", "Sink is busy.");
                    data.run("reruns", start.plus(Duration.ofMinutes(90)), (int) (usual / 3), "Succeeded").rerunOf(failed);
                } else {
                    ok("reruns", start, usual);
                }
            }
        }

        /** A successful run of about {@code seconds} (within 10 %). */
        void ok(String pipeline, Instant start, double seconds) {
            data.run(pipeline, start, (int) Math.max(1, seconds * (1 + 0.05 * rnd.nextGaussian())), "Succeeded");
        }
    }
}
