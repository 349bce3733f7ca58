package com.adfops.diagnosis;

import com.adfops.agent.AgentReply;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.runs.AdfTools;
import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
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
 * On the built-in dataset: the sales ingest has failed its last three runs since it moved to another integration
 * runtime. The diagnosis says the failure is chronic; What changed? names the runtime and the parameters.
 */
class WhatChangedTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static OfflineAgent agent;

    @BeforeAll
    static void start() {
        sim = TestSim.builtIn(NOW, 100);
        agent = new OfflineAgent(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)), new InMemoryConversationStore(),
                new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }


    static AgentReply ask(String text) {
        return agent.handle(new Turn("c-changed", "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    @Test
    void aChronicFailureSaysSoAndWhatChangedNamesTheStepItStoppedBefore() {
        Reply.DiagnosisCard card = part(ask("why did pl_ingest_sales_orders fail?"), Reply.DiagnosisCard.class);
        RunHistory h = card.history();
        assertThat(h).isNotNull();
        assertThat(h.isNew()).isFalse();
        assertThat(h.failuresInARow()).isEqualTo(3);
        assertThat(h.lastSuccess()).isNotNull().isBefore(card.diagnosis().run().sortTime());

        // The button on that card, and the typed question about the run in focus, give the same comparison.
        Reply.WhatChanged w = part(agent.handle(new Turn("c-changed", "Dana", "", Map.of("action", "whatchanged",
                "runId", card.diagnosis().run().runId()), ZoneId.of("UTC"))), Reply.WhatChanged.class);
        assertThat(w.lastSuccess()).isNotNull();
        assertThat(w.lastSuccess().sortTime()).isEqualTo(h.lastSuccess());
        // Same day, same parameters, query and runtime (the one its linked service connects via, as before): only the
        // failed run stopped before its last step.
        assertThat(w.changes()).extracting(RunComparison.Change::what).containsExactly("Activity Update watermark");
        assertThat(part(ask("what changed?"), Reply.WhatChanged.class).failed().runId())
                .isEqualTo(card.diagnosis().run().runId());
        assertThat(part(ask("what changed since pl_ingest_sales_orders last worked?"), Reply.WhatChanged.class)
                .changes()).isEqualTo(w.changes());
    }
}
