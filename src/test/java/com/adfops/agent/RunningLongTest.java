package com.adfops.agent;

import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
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
 * Running long: a run in progress past 1.25 x the p95 of its pipeline's succeeded runs (from 8 of them) is flagged in
 * the status and the failing list; a run within its usual time, or of a pipeline with too little history, is not.
 */
class RunningLongTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static OfflineAgent agent;

    @BeforeAll
    static void start() {
        DatasetBuilder b = new DatasetBuilder("df-long");
        for (int i = 1; i <= 10; i++) {
            // Usually 9 to 10 minutes (p95 = 600 s).
            b.run("pl_nightly", NOW.minus(Duration.ofHours(6L * i)), 540 + 6 * i, "Succeeded");
            b.run("pl_quick", NOW.minus(Duration.ofHours(6L * i)), 600, "Succeeded");
        }
        for (int i = 1; i <= 5; i++) {
            b.run("pl_new", NOW.minus(Duration.ofHours(6L * i)), 60, "Succeeded");
        }
        b.run("pl_nightly", NOW.minus(Duration.ofMinutes(31)), 0, "InProgress");   // 3.1x its usual
        b.run("pl_quick", NOW.minus(Duration.ofMinutes(11)), 0, "InProgress");     // within 1.25 x p95
        b.run("pl_new", NOW.minus(Duration.ofMinutes(30)), 0, "InProgress");       // 5 runs of history only
        sim = TestSim.of(b.build(), 50, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)), new InMemoryConversationStore(),
                new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }


    static AgentReply ask(String text) {
        return agent.handle(new Turn("c-long", "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    @Test
    void aRunPastItsUsualDurationIsFlaggedInStatusAndInTheFailingList() {
        RunningLong nightly = part(ask("status of pl_nightly"), Reply.Status.class).status().runningLong();
        assertThat(nightly).isNotNull();
        assertThat(nightly.usual()).isEqualTo(Duration.ofSeconds(600));
        assertThat(nightly.elapsed()).isEqualTo(Duration.ofMinutes(31));
        assertThat(nightly.times()).isEqualTo(3.1, org.assertj.core.data.Offset.offset(0.01));

        assertThat(part(ask("status of pl_quick"), Reply.Status.class).status().runningLong()).isNull();
        assertThat(part(ask("status of pl_new"), Reply.Status.class).status().runningLong()).as("too little history").isNull();

        FailingSummary failing = part(ask("what is failing?"), Reply.Failing.class).summary();
        assertThat(failing.runningLong()).extracting(r -> r.run().pipelineName()).containsExactly("pl_nightly");
    }
}
