package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.agent.AgentReply;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The questions people ask most, answered from the run index's memory: once their activity runs are cached, asking
 * again costs Data Factory nothing (every card line included: the diagnosis's "new or chronic" history, running long,
 * what the failure affects downstream).
 */
class QuestionsFromMemoryTest {

    @Test
    void askedAgainTheCommonQuestionsReadNothingFromDataFactory() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        try (TestSim sim = TestSim.builtIn(now, 100)) {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            // As the application reads it: the run index, and the factory's definitions held by their cache.
            DefinitionsCache factory = new DefinitionsCache(RunIndexTest.index(sim, clock), Duration.ofMinutes(5));
            factory.refreshAll();
            OfflineAgent agent = new OfflineAgent(new AdfTools(factory, clock), new InMemoryConversationStore(),
                    new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
            String[] questions = {"what pipelines are failing?", "why did pl_ingest_sales_orders fail?",
                "status of pl_copy_web_events", "how did pipelines do this week?", "which pipelines are slowest?"};
            for (String q : questions) {
                agent.handle(new Turn("first", "Dana", q, Map.of(), ZoneId.of("UTC")));
            }
            for (String q : questions) {
                int before = sim.server.requestCount();
                AgentReply r = agent.handle(new Turn("again-" + q.hashCode(), "Dana", q, Map.of(), ZoneId.of("UTC")));
                assertThat(r.parts()).as(q).noneMatch(p -> p instanceof Reply.Problem || p instanceof Reply.TurnFailure);
                assertThat(sim.server.requestCount() - before).as("ADF requests for '" + q + "' asked again").isZero();
            }
            AgentReply diagnosis = agent.handle(new Turn("d", "Dana", "why did pl_ingest_sales_orders fail?", Map.of(),
                    ZoneId.of("UTC")));
            assertThat(diagnosis.parts()).anyMatch(p -> p instanceof Reply.DiagnosisCard d && d.history() != null);
        }
    }
}
