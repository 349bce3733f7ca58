package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.analytics.CopyTuning;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.cards.CardFactory;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.runs.AdfTools;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Why is pl_copy_web_events slow?" on the built-in factory, through the SDK and the simulator: the three runs before the
 * latest copied 880 s instead of 240 (the lake throttled 37 writes); the card says where the copy's time went against
 * its usual and shows ADF's tip with its link. Copies as usual give no such section.
 */
class CopyTipsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");

    static PerformanceSummary ask(OfflineAgent agent, String q) {
        AgentReply r = agent.handle(new Turn("c-" + q.hashCode(), "Dana", q, Map.of(), UTC));
        return r.parts().stream().filter(Reply.Performance.class::isInstance)
                .map(p -> ((Reply.Performance) p).summary()).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
    }

    @Test
    void theSlowWebEventsCopyShowsWhereItsTimeWentAndAdfsTip() throws Exception {
        try (TestSim sim = TestSim.builtIn(NOW, 100)) {
            AdfTools tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
            OfflineAgent agent = new OfflineAgent(tools, new InMemoryConversationStore(),
                    new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
            PerformanceSummary s = ask(agent, "why is pl_copy_web_events slow?");
            assertThat(s.tuning()).as("what ADF recorded of the slow run").isNotNull();
            // Usual: queue 2 s, transfer 238 s, reading 70 % of it (166 s), writing 60 % (142 s); the throttled copy
            // read as usual and wrote 868 s.
            CopyTuning.Activity copy = s.tuning().activities().get(0);
            assertThat(copy.name()).isEqualTo("Copy web events to lake");
            assertThat(copy.grew()).singleElement().isEqualTo(new CopyTuning.PhaseTime(CopyTuning.Phase.WRITING,
                    Duration.ofSeconds(868), Duration.ofSeconds(142)));
            assertThat(copy.throttlingErrors()).isEqualTo(37);
            assertThat(s.tuning().tips()).singleElement().satisfies(t -> {
                assertThat(t.rule()).isEqualTo("ReduceThrottlingErrorPerfRecommendationRule");
                assertThat(t.url()).isEqualTo("https://go.microsoft.com/fwlink/?linkid=2102534");
                assertThat(t.text()).startsWith("37 write operations were throttled by the sink data store.");
            });
            String card = TestSim.JSON.writeValueAsString(new CardFactory(TestSim.JSON)
                    .card(new Reply.Performance(s), new CardFactory.View(NOW, UTC)));
            assertThat(card).contains("📦 Copy web events to lake: writing to sink 14m 28s (usually 2m 22s), 37 throttled "
                    + "writes; DIU 4, 4 parallel copies", "ADF's tuning tips", "💡 Copy web events to lake: 37 write "
                    + "operations were throttled", "\"url\":\"https://go.microsoft.com/fwlink/?linkid=2102534\"");
            // The sales ingest's copies take their usual time: nothing to say.
            assertThat(ask(agent, "how long does pl_ingest_sales_orders take?").tuning()).isNull();
        }
    }
}
