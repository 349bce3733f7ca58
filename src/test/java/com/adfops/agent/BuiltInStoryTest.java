package com.adfops.agent;

import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.analytics.Analytics;
import com.adfops.answers.AuditTrail;
import com.adfops.answers.ExportLinks;
import com.adfops.answers.Watchlist;
import com.adfops.cards.CardFactory;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.NextRuns;
import com.adfops.runs.AdfTools;
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
 * The built-in factory tells one story through the real SDK path: the on-premises extract failed because its
 * self-hosted runtime was offline, and the diagnosis names that runtime (the one its definitions know) and its nodes.
 */
class BuiltInStoryTest {

    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    static TestSim sim;

    @BeforeAll
    static void start() {
        sim = TestSim.builtIn(NOW, 100);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void theErpFailuresDiagnosisSaysItsSelfHostedRuntimeWasOfflineWithItsNodes() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AdfTools tools = new AdfTools(sim.adf, clock);
        OfflineAgent agent = new OfflineAgent(tools, new Analytics(tools), new InMemoryConversationStore(),
                new GuidanceFinder(com.adfops.docs.TestDocs.builtInOnly()), Duration.ofHours(12), AuditTrail.EMPTY,
                Watchlist.NONE, ExportLinks.NONE, new FactoryImpact(sim.adf, NextRuns.NONE, clock));

        Reply.DiagnosisCard d = part(agent.handle(new Turn("c", "Dana", "why did pl_extract_erp_onprem fail?",
                Map.of(), ZoneId.of("UTC"))), Reply.DiagnosisCard.class);
        String card = TestSim.JSON.writeValueAsString(new CardFactory(TestSim.JSON).card(d,
                new CardFactory.View(NOW, ZoneId.of("UTC"))));

        assertThat(card).contains("'ir-selfhosted-onprem' is offline")
                .containsPattern("Integration runtime ir-selfhosted-onprem: [^\"]*offline");
    }
}
