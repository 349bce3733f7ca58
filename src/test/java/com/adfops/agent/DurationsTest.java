package com.adfops.agent;

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

/** "Which pipelines are slowest?" and "is X getting slower?" against a factory whose answer is computed by hand. */
class DurationsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static OfflineAgent agent;
    static String slowRun;

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-durations");
        // The period before (Nov 12 - Nov 19): six runs of 10 minutes.
        for (int i = 0; i < 6; i++) {
            d.run("pl_x", Instant.parse("2026-11-13T01:00:00Z").plus(Duration.ofDays(i)), 600, "Succeeded")
                    .activity("Copy", "Copy", 0, 480, "Succeeded", null, null)
                    .activity("Notify", "WebActivity", 500, 30, "Succeeded", null, null);
        }
        // The last 7 days: 10, 11, 12, 13 minutes, and one of 30 minutes.
        int[] minutes = {10, 11, 12, 13};
        for (int i = 0; i < minutes.length; i++) {
            // The copy grows (9, 10, 11, 12 minutes); the notification does not.
            d.run("pl_x", Instant.parse("2026-11-20T01:00:00Z").plus(Duration.ofDays(i)), minutes[i] * 60, "Succeeded")
                    .activity("Copy", "Copy", 0, (minutes[i] - 1) * 60, "Succeeded", null, null)
                    .activity("Notify", "WebActivity", (minutes[i] - 1) * 60, 30, "Succeeded", null, null);
        }
        slowRun = d.run("pl_x", Instant.parse("2026-11-25T01:00:00Z"), 1800, "Failed").id();
        for (int i = 0; i < 3; i++) {
            d.run("pl_y", Instant.parse("2026-11-24T01:00:00Z").plus(Duration.ofHours(i)), 60, "Succeeded");
        }
        sim = TestSim.of(d.build(), 4, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)), new InMemoryConversationStore(),
                new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static PerformanceSummary ask(String text) {
        AgentReply r = agent.handle(new Turn("conv", "Dana", text, Map.of(), ZoneId.of("UTC")));
        return r.parts().stream().filter(Reply.Performance.class::isInstance).map(p -> ((Reply.Performance) p).summary())
                .findFirst().orElseThrow(() -> new AssertionError("no performance answer in " + r));
    }

    @Test
    void theSlowestPipelinesWithTheirMediansAndTheRunsFarSlowerThanUsual() {
        PerformanceSummary s = ask("which pipelines are slowest?");
        assertThat(s.scope()).isEqualTo("all pipelines");
        assertThat(s.pipelines()).extracting(PerformanceSummary.PipelineDurations::pipeline).containsExactly("pl_x", "pl_y");
        PerformanceSummary.PipelineDurations x = s.pipelines().get(0);
        assertThat(x.runs()).isEqualTo(5);
        assertThat(x.median()).isEqualTo(Duration.ofMinutes(12));
        assertThat(x.p95()).isEqualTo(Duration.ofMinutes(30));
        assertThat(x.previousMedian()).isEqualTo(Duration.ofMinutes(10));
        assertThat(x.change()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        // Baseline of 11 runs: median 10 min, MAD 0, so the limit is 12.5 min (a quarter over the median).
        assertThat(s.outliers()).extracting(PerformanceSummary.Outlier::duration)
                .containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(13));
        assertThat(s.outliers().get(0).runId()).isEqualTo(slowRun);
        assertThat(s.outliers().get(0).ratio()).isEqualTo(3.0);
        // pl_y has three runs: too few to judge, so none of them is an outlier.
        assertThat(s.outliers()).noneMatch(o -> o.pipeline().equals("pl_y"));
    }

    @Test
    void onePipelineGetsItsDaysAndAVerdict() {
        PerformanceSummary s = ask("is pl_x getting slower?");
        assertThat(s.scope()).isEqualTo("pl_x");
        assertThat(s.days()).hasSize(5);
        // Where the time goes: the copy's median grew from 8 to 10 minutes (nearest rank of 9, 10, 11, 12).
        assertThat(s.grew()).singleElement().satisfies(g -> {
            assertThat(g.activity()).isEqualTo("Copy");
            assertThat(g.before()).isEqualTo(Duration.ofMinutes(8));
            assertThat(g.now()).isEqualTo(Duration.ofMinutes(10));
        });
        String card = new CardFactory(TestSim.JSON).card(new Reply.Performance(s),
                new CardFactory.View(NOW, ZoneId.of("UTC"))).toString();
        assertThat(card).contains("How long pl_x took in the last 7 days", "Getting slower: the median is 20 % above",
                "Chart.Line", "\"legend\":\"p95\"", "Slower than usual", slowRun, "3.0x its usual 10m 0s",
                "Where the time goes", "Copy: median 8m 0s → 10m 0s (+2m 0s)");
        PerformanceSummary y = ask("how long does pl_y take?");
        String yCard = new CardFactory(TestSim.JSON).card(new Reply.Performance(y),
                new CardFactory.View(NOW, ZoneId.of("UTC"))).toString();
        assertThat(yCard).contains("Too little history to judge: 3 finished runs");
    }
}
