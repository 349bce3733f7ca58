package com.adfops.analytics;

import com.adfops.agent.AgentReply;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.tools.ToolRunner;
import com.adfops.agent.Turn;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.cards.CardFactory;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Is X getting slower?" and "which pipelines are slowest?" against a factory whose answers are computed by hand.
 *
 * <p>Four pipelines run every 6 hours for 14 days (run k, k = 1..56, starts 6k - 1 hours before now: the last 48 hours
 * hold runs 1..8). Their usual run takes 9, 10 or 11 minutes (9 + k mod 3).
 * <ul>
 *   <li>{@code pl_slowing}: runs 1..8 took 39, 37, ..., 25 minutes: a slowdown of the last two days;</li>
 *   <li>{@code pl_outlier}: run 1 took 30 minutes, the rest as usual: one bad run;</li>
 *   <li>{@code pl_steady}: as usual throughout;</li>
 *   <li>{@code pl_y}: three runs of a minute;</li>
 *   <li>{@code pl_spread}: eight runs every 12 hours from 6 days back, of 10, 14, 18, 20, 24, 28, 35 and 38 minutes,
 *       then five in the last 40 hours of 22, 29, 30, 31 and 33: a median 1.5x the usual that the rank test does not
 *       tell from chance.</li>
 * </ul>
 * The old verdict compared the medians of the last 7 days (runs 1..28) and the 7 before (29..56): 10 minutes both, so it
 * said "About as fast as in the period before" beside eight runs listed at 2.5x to 3.9x.
 */
class DurationsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");
    static final String THROTTLED = "6 write operations were throttled by the sink data store. To achieve better "
            + "performance, you are suggested to check and increase the allowed request rate for Azure Data Lake Storage "
            + "Gen2, or reduce the number of concurrent copy runs and other data access, or reduce the DIU or parallel copy.";
    static final String TIP_URL = "https://go.microsoft.com/fwlink/?linkid=2102534";
    static TestSim sim;
    static OfflineAgent agent;
    static String outlierRun;

    static Instant start(int k) {
        return NOW.minus(Duration.ofHours(6L * k - 1));
    }

    static int usualMinutes(int k) {
        return 9 + k % 3;
    }

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-durations");
        for (int k = 1; k <= 56; k++) {
            int slowing = k <= 8 ? 39 - 2 * (k - 1) : usualMinutes(k);
            // Where the time goes: the copy takes all but the last minute; the notification 30 s.
            // ADF's account of the copy: reading 2 minutes, writing the rest but a minute; the slow runs' sink
            // throttled 6 writes and ADF says so in a tip.
            d.run("pl_slowing", start(k), slowing * 60, "Succeeded")
                    .activity("Copy", "Copy", 0, (slowing - 1) * 60, "Succeeded", null, null)
                    .copyProfile(5, 120, (slowing - 2) * 60, 4, 8, k <= 8 ? 6 : 0,
                            k <= 8 ? "ReduceThrottlingErrorPerfRecommendationRule" : null, THROTTLED, TIP_URL)
                    .activity("Notify", "WebActivity", (slowing - 1) * 60, 30, "Succeeded", null, null);
            DatasetBuilder.Run o = d.run("pl_outlier", start(k), (k == 1 ? 30 : usualMinutes(k)) * 60, "Succeeded");
            if (k == 1) {
                outlierRun = o.id();
            }
            d.run("pl_steady", start(k), usualMinutes(k) * 60, "Succeeded");
        }
        for (int i = 0; i < 3; i++) {
            d.run("pl_y", Instant.parse("2026-11-24T01:00:00Z").plus(Duration.ofHours(i)), 60, "Succeeded");
        }
        int[] spreadBefore = {10, 14, 18, 20, 24, 28, 35, 38};
        for (int i = 0; i < spreadBefore.length; i++) {
            d.run("pl_spread", NOW.minus(Duration.ofHours(144 - 12L * i)), spreadBefore[i] * 60, "Succeeded");
        }
        int[] spreadRecent = {22, 29, 30, 31, 33};
        for (int i = 0; i < spreadRecent.length; i++) {
            d.run("pl_spread", NOW.minus(Duration.ofHours(40 - 8L * i)), spreadRecent[i] * 60, "Succeeded");
        }
        sim = TestSim.of(d.build(), 100, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)), new InMemoryConversationStore(),
                new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static PerformanceSummary ask(String text) {
        AgentReply r = agent.handle(new Turn("conv", "Dana", text, Map.of(), UTC));
        return r.parts().stream().filter(Reply.Performance.class::isInstance).map(p -> ((Reply.Performance) p).summary())
                .findFirst().orElseThrow(() -> new AssertionError("no performance answer in " + r));
    }

    static String card(PerformanceSummary s) {
        return new CardFactory(TestSim.JSON).card(new Reply.Performance(s), new CardFactory.View(NOW, UTC)).toString();
    }

    @Test
    void aSlowdownOfTheLastTwoDaysIsSaidSoWithTheFiguresItsListShows() {
        String card = card(ask("is pl_slowing getting slower?"));
        // Runs 1..8 (since run 8's start, Nov 24 13:00): median of 25, 27, ..., 39 by nearest rank = 31 min; the 48 runs
        // before: 16 each of 9, 10 and 11 min, median 10, the middle half 9 to 11; 31 / 10 = 3.1.
        assertThat(card).contains("Getting slower: the last 8 runs (since Nov 24, 13:00 UTC) took a median of 31m 0s, "
                + "3.1x the usual 10m 0s (the 48 runs before: 9m 0s–11m 0s for the middle half). 8 slow runs, up to 3.9x.");
        assertThat(card).doesNotContain("About as fast");
        // The list: the same usual, the same ratios (39 / 10 = 3.9 first, 25 / 10 = 2.5 last of eight).
        assertThat(card).contains("39m 0s, 3.9x its usual 10m 0s", "33m 0s, 3.3x its usual 10m 0s");
    }

    @Test
    void theVerdictsFiguresAsComputedByHand() {
        PerformanceSummary s = ask("is pl_slowing getting slower?");
        DurationVerdict v = s.pipelines().get(0).verdict();
        assertThat(v.kind()).isEqualTo(DurationVerdict.Kind.SLOWER);
        assertThat(v.finished()).isEqualTo(56);
        assertThat(v.recent().runs()).isEqualTo(8);
        assertThat(v.recent().from()).isEqualTo(start(8));
        assertThat(v.recent().median()).isEqualTo(Duration.ofMinutes(31));
        assertThat(v.baseline().runs()).isEqualTo(48);
        assertThat(v.baseline().median()).isEqualTo(Duration.ofMinutes(10));
        assertThat(v.baseline().low()).isEqualTo(Duration.ofMinutes(9));
        assertThat(v.baseline().high()).isEqualTo(Duration.ofMinutes(11));
        assertThat(v.ratio()).isEqualTo(3.1, org.assertj.core.data.Offset.offset(1e-9));
        // Every recent run is longer than every baseline run: U = 8 x 48, and the exact p-value is 1 / C(56, 8).
        assertThat(v.test().u()).isEqualTo(384.0);
        assertThat(v.test().exact()).isTrue();
        assertThat(v.test().pValue()).isCloseTo(1.0 / 1_420_494_075L, org.assertj.core.data.Offset.offset(1e-15));
        // Slow above: MAD of the baseline = 1 min (32 runs 1 min off, 16 on the median), 3 x 1.4826 min = 266.868 s,
        // more than a quarter of 10 min: 600 + 266.868 s.
        assertThat(v.slowAbove()).isEqualTo(Duration.ofMillis(866_868));
        assertThat(v.slowRuns()).hasSize(8);
        assertThat(v.slowestRatio()).isEqualTo(3.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.outliers()).hasSize(5).allSatisfy(o -> assertThat(o.usual()).isEqualTo(Duration.ofMinutes(10)));
        // The chart: a line at the usual 10 minutes beside the daily medians.
        assertThat(card(s)).contains("\"legend\":\"Usual\"", "\"y\":10}");
        // Where the time goes: the copy's median over the latest 10 runs, 28 min now against 9 min before.
        assertThat(s.grew()).singleElement().satisfies(g -> {
            assertThat(g.activity()).isEqualTo("Copy");
            assertThat(g.before()).isEqualTo(Duration.ofMinutes(9));
            assertThat(g.now()).isEqualTo(Duration.ofMinutes(28));
        });
        // What ADF recorded of the latest slow run (run 1: the copy wrote 37 minutes) against the runs where the time
        // goes reads, the slow ones left out: runs 9 and 10 of this window and 29..38 before it, whose copies wrote
        // 7, 8 or 9 minutes (four each: the nearest-rank median of 12 is the 6th, 8 minutes).
        assertThat(s.tuning()).isNotNull();
        assertThat(s.tuning().runId()).isEqualTo(v.slowRuns().stream().map(r -> r.run())
                .max(java.util.Comparator.comparing(com.adfops.adf.PipelineRun::sortTime)).orElseThrow().runId());
        assertThat(s.tuning().activities()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Copy");
            assertThat(a.usualRuns()).isEqualTo(12);
            assertThat(a.grew()).singleElement().isEqualTo(new CopyTuning.PhaseTime(CopyTuning.Phase.WRITING,
                    Duration.ofMinutes(37), Duration.ofMinutes(8)));
            assertThat(a.throttlingErrors()).isEqualTo(6);
            assertThat(a.diu()).isEqualTo(4);
            assertThat(a.usualParallelCopies()).isEqualTo(8);
        });
        assertThat(s.tuning().tips()).singleElement().isEqualTo(new CopyTuning.Tip("Copy",
                "ReduceThrottlingErrorPerfRecommendationRule", THROTTLED, TIP_URL));
        assertThat(card(s)).contains("📦 Copy: writing to sink 37m 0s (usually 8m 0s), 6 throttled writes; DIU 4, "
                + "8 parallel copies", "💡 Copy: " + THROTTLED, "\"url\":\"" + TIP_URL + "\"");
        // A pipeline without a slow run has no such account.
        assertThat(ask("is pl_steady getting slower?").tuning()).isNull();
    }

    @Test
    void theModelsToolGivesTheSameVerdictAndFigures() throws Exception {
        ToolRunner runner = new ToolRunner(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)),
                new com.adfops.docs.DocsService(null, new com.adfops.docs.BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(),
                        Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(60)), TestSim.JSON);
        com.fasterxml.jackson.databind.JsonNode out = TestSim.JSON.readTree(runner.run("adf_run_stats",
                "{\"pipeline\":\"pl_slowing\"}", UTC).output());
        com.fasterxml.jackson.databind.JsonNode p = out.at("/slowest_by_median/0");
        assertThat(p.get("pipeline").asText()).isEqualTo("pl_slowing");
        assertThat(p.get("verdict").asText()).isEqualTo("slower");
        assertThat(p.at("/recent/runs").asInt()).isEqualTo(8);
        assertThat(p.at("/recent/since").asText()).isEqualTo("2026-11-24T13:00:00Z");
        assertThat(p.at("/recent/median_seconds").asLong()).isEqualTo(1860);
        assertThat(p.at("/baseline/runs").asInt()).isEqualTo(48);
        assertThat(p.at("/baseline/median_seconds").asLong()).isEqualTo(600);
        assertThat(p.at("/baseline/middle_half_from_seconds").asLong()).isEqualTo(540);
        assertThat(p.at("/baseline/middle_half_to_seconds").asLong()).isEqualTo(660);
        assertThat(p.at("/baseline/slow_above_seconds").asLong()).isEqualTo(866);
        assertThat(p.get("ratio").asDouble()).isEqualTo(3.1);
        assertThat(p.at("/test/u").asDouble()).isEqualTo(384.0);
        assertThat(p.at("/test/exact").asBoolean()).isTrue();
        assertThat(p.at("/test/outcome").asText()).isEqualTo("significant");
        assertThat(p.get("slow_runs").asInt()).isEqualTo(8);
        assertThat(p.get("slowest_ratio").asDouble()).isEqualTo(3.9);
        assertThat(out.get("getting_slower")).singleElement().satisfies(x -> {
            assertThat(x.get("pipeline").asText()).isEqualTo("pl_slowing");
            assertThat(x.get("ratio").asDouble()).isEqualTo(3.1);
            assertThat(x.get("usual_seconds").asLong()).isEqualTo(600);
        });
        // What ADF recorded of the latest slow run, as the card says it: writing 37 min against the usual 8, the
        // throttled writes, DIU and parallel copies, and ADF's tip with its rule and link.
        com.fasterxml.jackson.databind.JsonNode copy = out.at("/copy/activities/0");
        assertThat(out.at("/copy/run_id").asText()).isEqualTo(ask("is pl_slowing getting slower?").tuning().runId());
        assertThat(copy.get("activity").asText()).isEqualTo("Copy");
        assertThat(copy.get("usual_runs").asInt()).isEqualTo(12);
        assertThat(copy.get("phases").toString()).isEqualTo("[{\"phase\":\"queue\",\"seconds\":5,\"usual_seconds\":5,"
                + "\"grew\":false},{\"phase\":\"reading\",\"seconds\":120,\"usual_seconds\":120,\"grew\":false},"
                + "{\"phase\":\"writing\",\"seconds\":2220,\"usual_seconds\":480,\"grew\":true}]");
        assertThat(copy.get("throttling_errors").asInt()).isEqualTo(6);
        assertThat(copy.get("diu").asInt()).isEqualTo(4);
        assertThat(copy.get("usual_parallel_copies").asInt()).isEqualTo(8);
        assertThat(out.at("/copy/tips/0/rule").asText()).isEqualTo("ReduceThrottlingErrorPerfRecommendationRule");
        assertThat(out.at("/copy/tips/0/url").asText()).isEqualTo(TIP_URL);
        assertThat(out.at("/copy/tips/0/tip").asText()).startsWith("6 write operations were throttled");
        // Several pipelines: no such section.
        assertThat(TestSim.JSON.readTree(runner.run("adf_run_stats", "{}", UTC).output()).has("copy")).isFalse();
    }

    @Test
    void oneSlowRunIsNotATrend() {
        PerformanceSummary s = ask("is pl_outlier getting slower?");
        DurationVerdict v = s.pipelines().get(0).verdict();
        // The last 8 runs: 30 min and 11, 9, 10, 11, 9, 10, 11 (runs 2..8): median (4th of 8) 10 min, 1.0x.
        assertThat(v.kind()).isEqualTo(DurationVerdict.Kind.SLOW_RUNS);
        assertThat(v.ratio()).isEqualTo(1.0);
        assertThat(v.test()).as("no change to test").isNull();
        assertThat(v.slowRuns()).singleElement().satisfies(r -> assertThat(r.run().runId()).isEqualTo(outlierRun));
        String card = card(s);
        assertThat(card).contains("1 slow run, not a trend: the last 8 runs (since Nov 24, 13:00 UTC) took a median of "
                + "10m 0s against the usual 10m 0s (the 48 runs before: 9m 0s–11m 0s for the middle half); the slowest "
                + "took 3.0x.", "30m 0s, 3.0x its usual 10m 0s");
        assertThat(card).doesNotContain("Getting slower", "About as fast");

        DurationVerdict steady = ask("is pl_steady getting slower?").pipelines().get(0).verdict();
        assertThat(steady.kind()).isEqualTo(DurationVerdict.Kind.STEADY);
        assertThat(card(ask("is pl_steady getting slower?"))).contains("About as fast as usual: the last 8 runs");
    }

    @Test
    void tooLittleHistoryIsSaid() {
        PerformanceSummary y = ask("how long does pl_y take?");
        assertThat(y.pipelines().get(0).verdict().kind()).isEqualTo(DurationVerdict.Kind.TOO_LITTLE_HISTORY);
        assertThat(card(y)).contains("Too little history to judge: 3 finished runs (13 needed: the 5 latest and 8 before them).");
    }

    @Test
    void theSlowestPipelinesAreATableWithEachOnesTrend() {
        PerformanceSummary s = ask("which pipelines are slowest?");
        assertThat(s.scope()).isEqualTo("all pipelines");
        // Medians of the last 7 days (runs 1..28 and pl_y's three): pl_slowing 10 min (the 14th of 28: 7 x 9, 7 x 10,
        // 6 x 11, then the 8 slow runs), pl_outlier and pl_steady 10 min, pl_y 1 min.
        assertThat(s.pipelines()).extracting(PerformanceSummary.PipelineDurations::pipeline).endsWith("pl_y");
        PerformanceSummary.PipelineDurations slowing = s.pipelines().stream().filter(p -> p.pipeline().equals("pl_slowing"))
                .findFirst().orElseThrow();
        assertThat(slowing.runs()).isEqualTo(28);
        assertThat(slowing.median()).isEqualTo(Duration.ofMinutes(10));
        assertThat(slowing.slowest()).isEqualTo(Duration.ofMinutes(39));
        String card = card(s);
        assertThat(card).contains("\"type\":\"Table\"", "Getting slower: pl_slowing (3.1x its usual 10m 0s).",
                "🐢 3.1x slower", "⚠️ 1 slow run", "steady", "— (few runs)");
    }

    @Test
    void aMedianOneAndAHalfTimesTheUsualIsNotCalledAsFastAsUsualWhenTheTestCannotTellItFromChance() throws Exception {
        PerformanceSummary s = ask("is pl_spread getting slower?");
        DurationVerdict v = s.pipelines().get(0).verdict();
        // Recent: the 5 runs of the last 48 hours, 22, 29, 30, 31, 33 min: median (3rd) 30 min. Baseline: 10, 14, 18,
        // 20, 24, 28, 35, 38 min: median (4th of 8) 20 min, middle half 14 (2nd) to 28 (6th). 30 / 20 = 1.5.
        assertThat(v.recent().median()).isEqualTo(Duration.ofMinutes(30));
        assertThat(v.baseline().median()).isEqualTo(Duration.ofMinutes(20));
        assertThat(v.ratio()).isEqualTo(1.5);
        // U = 4 + 6 + 6 + 6 + 6 = 28 (22 beats 10, 14, 18, 20; the others all but 35 and 38); of the C(13, 5) = 1287
        // ways to pick five ranks, 183 give U of 28 or more: p = 183 / 1287 = 0.142.
        assertThat(v.test().u()).isEqualTo(28.0);
        assertThat(v.test().pValue()).isCloseTo(183.0 / 1287, org.assertj.core.data.Offset.offset(1e-12));
        // Slow above: MAD 6 min (deviations 0, 2, 4, 6, 8, 10, 15, 18), 20 + 3 x 1.4826 x 6 = 46.7 min, capped just
        // under twice the usual (40 min): no run of the window is over it.
        assertThat(v.slowRuns()).isEmpty();
        assertThat(v.kind()).isEqualTo(DurationVerdict.Kind.SLOWER_WITHIN_SPREAD);
        String card = card(s);
        assertThat(card).contains("Slower than usual, but within its usual spread: the last 5 runs (since Nov 24, 20:00 UTC)"
                + " took a median of 30m 0s, 1.5x the usual 20m 0s (the 8 runs before: 14m 0s–28m 0s for the middle half);"
                + " not significant (p = 0.14).");
        assertThat(card).doesNotContain("About as fast", "none was slow", "Getting slower");
        assertThat(com.adfops.cards.AnalyticsCardCheck.check(TestSim.JSON.readTree(card)).violations()).isEmpty();
        // The table of the slowest says the same in its trend cell.
        assertThat(card(ask("which pipelines are slowest?"))).contains("slower, 1.5x (not significant)");
        // And the model's tool.
        ToolRunner runner = new ToolRunner(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)),
                new com.adfops.docs.DocsService(null, new com.adfops.docs.BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(),
                        Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(60)), TestSim.JSON);
        com.fasterxml.jackson.databind.JsonNode p = TestSim.JSON.readTree(runner.run("adf_run_stats",
                "{\"pipeline\":\"pl_spread\"}", UTC).output()).at("/slowest_by_median/0");
        assertThat(p.get("verdict").asText()).isEqualTo("slower_within_spread");
        assertThat(p.get("ratio").asDouble()).isEqualTo(1.5);
        assertThat(p.at("/test/outcome").asText()).isEqualTo("not significant");
        assertThat(p.at("/test/p_value").asDouble()).isEqualTo(0.1422);
    }
}
