package com.adfops.agent;

import com.adfops.tools.ToolRunner;
import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.analytics.CostSummary;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.adfops.docs.TestDocs;
import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindow;
import com.adfops.state.InMemoryConversationStore;
import com.fasterxml.jackson.databind.JsonNode;
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
 * The Teams path ({@link OfflineAgent}) and the model's path ({@link ToolRunner}) answer trends, durations and cost
 * from the same orchestration: a question without a window covers the same window (the last 7 days, to a minute past
 * now), against the same period before, with the same scope and figures.
 */
class SameDefaultsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");
    static TestSim sim;
    static OfflineAgent agent;
    static ToolRunner runner;

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-same");
        for (int day = 1; day <= 20; day++) {
            Instant at = NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(1));
            // Six days of each in the last 7 days (the 7th is an hour before it), seven in the period before;
            // pl_etl: slower in the last days, a failure every fifth day.
            d.run("pl_etl", at, day <= 3 ? 900 + day * 10 : 600 + day * 5, day % 5 == 0 ? "Failed" : "Succeeded")
                    .activity("Copy", "Copy", 0, day <= 3 ? 800 : 500, "Succeeded", null, null)
                    .billed("DataMovement", "AzureIR", 2.0, "DIUHours");
            d.run("pl_load", at.plus(Duration.ofMinutes(30)), 120, "Succeeded")
                    .activity("Proc", "SqlServerStoredProcedure", 0, 100, "Succeeded", null, null)
                    .billed("ExternalActivity", "SelfhostedIR", 2.0, "Hours");
        }
        sim = TestSim.of(d.build(), 50, Clock.fixed(NOW, ZoneOffset.UTC));
        AdfTools tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(tools, new InMemoryConversationStore(), new GuidanceFinder(TestDocs.builtInOnly()),
                Duration.ofHours(12));
        runner = new ToolRunner(tools, new DocsService(null, new BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(),
                Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(60)), TestSim.JSON);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static AgentReply ask(String text) {
        return agent.handle(new Turn("c-same", "Dana", text, Map.of(), UTC));
    }

    @Test
    void trendsCoverTheSameDefaultWindowWithTheSameFigures() throws Exception {
        TrendSummary teams = part(ask("How did pipelines do?"), Reply.Trends.class).summary();
        ToolRunner.Call call = runner.run(ToolRunner.RUN_STATS, "{}", UTC);
        TrendSummary tool = call.trends();

        TimeWindow expected = TimeWindow.byDefault(NOW);
        assertThat(teams.window()).isEqualTo(expected);
        assertThat(tool.window()).isEqualTo(teams.window());
        assertThat(expected.to()).isEqualTo(NOW.plusSeconds(60));
        assertThat(tool.scope()).isEqualTo(teams.scope()).isEqualTo("all pipelines");
        assertThat(tool.finished()).isEqualTo(teams.finished()).isEqualTo(12);
        assertThat(tool.failed()).isEqualTo(teams.failed()).isEqualTo(1);
        assertThat(tool.previous().finished()).isEqualTo(teams.previous().finished()).isEqualTo(14);
        assertThat(tool.days()).isEqualTo(teams.days());

        JsonNode out = TestSim.JSON.readTree(call.output());
        assertThat(out.get("window").asText()).isEqualTo("the last 7 days");
        assertThat(out.get("finished_runs").asInt()).isEqualTo(teams.finished());
        assertThat(out.get("previous_failed").asInt()).isEqualTo(teams.previous().failed());
    }

    @Test
    void aPipelineNamedLooselyHasTheSameScopeOnBothPaths() {
        TrendSummary teams = part(ask("Trends for pl_etl"), Reply.Trends.class).summary();
        TrendSummary tool = runner.run(ToolRunner.RUN_STATS, "{\"pipeline\":\"PL_ETL\"}", UTC).trends();
        assertThat(teams.scope()).isEqualTo("pl_etl");
        assertThat(tool.scope()).isEqualTo(teams.scope());
        assertThat(tool.window()).isEqualTo(teams.window());
        assertThat(tool.finished()).isEqualTo(teams.finished()).isEqualTo(6);
    }

    @Test
    void durationsAreJudgedOverTheSameWindowWithTheSameVerdicts() throws Exception {
        PerformanceSummary teams = part(ask("How long do pipelines take?"), Reply.Performance.class).summary();
        ToolRunner.Call call = runner.run(ToolRunner.RUN_STATS, "{}", UTC);
        assertThat(teams.window()).isEqualTo(TimeWindow.byDefault(NOW)).isEqualTo(call.trends().window());

        JsonNode slowest = TestSim.JSON.readTree(call.output()).get("slowest_by_median");
        assertThat(slowest.size()).isEqualTo(teams.pipelines().size()).isEqualTo(2);
        for (int i = 0; i < slowest.size(); i++) {
            PerformanceSummary.PipelineDurations p = teams.pipelines().get(i);
            JsonNode row = slowest.get(i);
            assertThat(row.get("pipeline").asText()).isEqualTo(p.pipeline());
            assertThat(row.get("runs").asInt()).isEqualTo(p.runs());
            assertThat(row.get("median_seconds").asLong()).isEqualTo(p.median().toSeconds());
            assertThat(row.get("verdict").asText()).isEqualTo(p.verdict().kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void costCoversTheSameDefaultWindowWithTheSameEstimate() throws Exception {
        CostSummary teams = part(ask("What did pipelines cost?"), Reply.Cost.class).summary();
        ToolRunner.Call call = runner.run(ToolRunner.COST, "{}", UTC);
        CostSummary tool = call.cost();

        assertThat(teams.window()).isEqualTo(TimeWindow.byDefault(NOW));
        assertThat(tool.window()).isEqualTo(teams.window());
        assertThat(tool.runs()).isEqualTo(teams.runs()).isEqualTo(12);
        assertThat(tool.total().total()).isEqualTo(teams.total().total()).isPositive();
        assertThat(TestSim.JSON.readTree(call.output()).get("estimate").asDouble())
                .isEqualTo(Math.round(teams.total().total() * 10000) / 10000.0);
    }
}
