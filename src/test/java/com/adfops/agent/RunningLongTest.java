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


    private static com.adfops.adf.PipelineRun run(String pipeline, String id, com.adfops.adf.RunStatus status,
                                                  Instant start, long seconds) {
        return new com.adfops.adf.PipelineRun(new com.adfops.adf.FactoryRef("s", "rg", "df"), id, pipeline, status, "",
                start, status == com.adfops.adf.RunStatus.IN_PROGRESS ? null : start.plusSeconds(seconds), start,
                status == com.adfops.adf.RunStatus.IN_PROGRESS ? null : seconds * 1000, Map.of(), "Manual", "Manual",
                null, null, null);
    }

    @Test
    void findComparesEachRunningRunWithItsOwnPipelinesSucceededRunsOnly() {
        java.util.List<com.adfops.adf.PipelineRun> runs = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // pl_a: 100 s each, but one failed run of 10,000 s that must not count; pl_b: 1,000 s each.
            runs.add(run("pl_a", "a" + i, com.adfops.adf.RunStatus.SUCCEEDED, NOW.minusSeconds(3600L * i), 100));
            runs.add(run("PL_B", "b" + i, com.adfops.adf.RunStatus.SUCCEEDED, NOW.minusSeconds(3600L * i), 1000));
        }
        runs.add(run("pl_a", "a-failed", com.adfops.adf.RunStatus.FAILED, NOW.minusSeconds(90_000), 10_000));
        for (int i = 1; i <= 7; i++) {
            runs.add(run("pl_c", "c" + i, com.adfops.adf.RunStatus.SUCCEEDED, NOW.minusSeconds(3600L * i), 10));
        }
        runs.add(run("pl_a", "a-long", com.adfops.adf.RunStatus.IN_PROGRESS, NOW.minusSeconds(300), 0));
        runs.add(run("pl_a", "a-longer", com.adfops.adf.RunStatus.IN_PROGRESS, NOW.minusSeconds(600), 0));
        runs.add(run("pl_a", "a-fine", com.adfops.adf.RunStatus.IN_PROGRESS, NOW.minusSeconds(120), 0));
        runs.add(run("pl_b", "b-long", com.adfops.adf.RunStatus.IN_PROGRESS, NOW.minusSeconds(1300), 0));
        runs.add(run("pl_c", "c-unknown", com.adfops.adf.RunStatus.IN_PROGRESS, NOW.minusSeconds(3000), 0));

        java.util.List<RunningLong> found = RunningLong.find(runs, NOW);

        // a-fine: 120 s is within 1.25 x 100 s; pl_c has 7 succeeded runs, one short of a baseline; names match
        // regardless of case (pl_b against PL_B).
        assertThat(found).extracting(r -> r.run().runId()).containsExactly("a-longer", "a-long", "b-long");
        assertThat(found.get(0).usual()).isEqualTo(Duration.ofSeconds(100));
        assertThat(found.get(0).times()).isEqualTo(6.0);
        assertThat(found.get(2).usual()).isEqualTo(Duration.ofSeconds(1000));
        assertThat(RunningLong.find(runs.subList(0, 41), NOW)).isEmpty();
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
