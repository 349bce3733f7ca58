package com.adfops.runs;

import com.adfops.agent.AgentReply;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.diagnosis.GuidanceFinder;
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

    static AgentReply ask(OfflineAgent a, String text) {
        return a.handle(new Turn("c-cadence", "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    static String card(Reply part, Instant now) {
        return new com.adfops.cards.CardFactory(TestSim.JSON).card(part, new com.adfops.cards.CardFactory.View(now,
                ZoneId.of("UTC"))).toString();
    }

    /**
     * A nightly pipeline (a run at 01:00 on each of the 12 nights before, 18 to 22 minutes) whose run tonight has gone
     * 80 minutes. The memory holds 7 days: 6 of those runs, too few; its baseline is read back from Data Factory, once.
     */
    @Test
    void aNightlyPipelineRunningFourTimesItsUsualIsFlaggedThoughItsHistoryIsOlderThanTheMemory() {
        Instant now = Instant.parse("2026-11-26T02:20:00Z");
        com.adfops.MutableClock clock = new com.adfops.MutableClock(now);
        DatasetBuilder b = new DatasetBuilder("df-nightly");
        int[] minutes = {18, 19, 20, 21, 22, 18, 19, 20, 21, 22, 20, 20};
        for (int d = 1; d <= 12; d++) {
            b.run("pl_nightly", Instant.parse("2026-11-26T01:00:00Z").minus(Duration.ofDays(d)), minutes[d - 1] * 60,
                    "Succeeded");
        }
        String tonight = b.run("pl_nightly", Instant.parse("2026-11-26T01:00:00Z"), 0, "InProgress").id();
        try (TestSim s = TestSim.of(b.build(), 50, clock)) {
            com.adfops.index.RunIndex index = new com.adfops.index.RunIndex(s.adf, new com.adfops.adf.RequestMeter(), clock,
                    new com.adfops.index.RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5),
                            100, Duration.ofSeconds(15)));
            index.refreshAll();
            com.adfops.CountingReads reads = new com.adfops.CountingReads(index, clock);
            AdfTools tools = new AdfTools(reads, clock);
            tools.baselines().turnWait(Duration.ofMinutes(1));
            OfflineAgent a = new OfflineAgent(tools, new InMemoryConversationStore(),
                    new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));

            Reply.Status status = part(ask(a, "status of pl_nightly"), Reply.Status.class);
            RunningLong r = status.status().runningLong();
            assertThat(r).isNotNull();
            assertThat(r.run().runId()).isEqualTo(tonight);
            // 18, 18, 19, 19, 20, 20, 20, 20, 21, 21, 22, 22: the middle half 19 to 21 min, p95 (the 12th) 22 min;
            // 80 / 22 = 3.6.
            assertThat(card(status, now)).contains("Running long: usually 19m 0s–21m 0s, p95 22m 0s (its last 12 "
                    + "successful runs, over 12 days); running 1h 20m, 3.6x the p95; run " + tonight.substring(0, 8) + "…");
            assertThat(reads.readsBack).as("one read past the memory").hasValue(1);

            FailingSummary failing = part(ask(a, "what is failing?"), Reply.Failing.class).summary();
            assertThat(failing.runningLong()).extracting(x -> x.run().runId()).containsExactly(tonight);

            // Later (the index's own reads of older windows expired): the baseline is kept, nothing read back again.
            clock.advance(Duration.ofMinutes(20));
            index.refreshAll();
            assertThat(part(ask(a, "status of pl_nightly"), Reply.Status.class).status().runningLong().elapsed())
                    .isEqualTo(Duration.ofMinutes(100));
            assertThat(reads.readsBack).hasValue(1);
            index.close();
        }
    }

    /**
     * A weekly pipeline (Thursdays at 01:00 for 12 weeks, about two hours) running 5 hours. ADF keeps 6 of its runs (45
     * days), too few; with Data Factory's logs in Log Analytics (kept 90 days here) its baseline reaches back 12 weeks.
     */
    @Test
    void aWeeklyPipelineRunningLongIsFlaggedWithTheLogsThatReachBackWeeks() {
        Instant now = Instant.parse("2026-11-26T06:00:00Z");
        java.time.Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        DatasetBuilder b = new DatasetBuilder("df-weekly");
        int[] minutes = {115, 120, 125, 118, 122, 120, 116, 124, 120, 119, 121, 130};
        for (int w = 1; w <= 12; w++) {
            b.run("pl_weekly", Instant.parse("2026-11-26T01:00:00Z").minus(Duration.ofDays(7L * w)), minutes[w - 1] * 60,
                    "Succeeded");
        }
        b.run("pl_weekly", Instant.parse("2026-11-26T01:00:00Z"), 0, "InProgress");
        try (TestSim s = TestSim.of(b.build(), 50, clock)) {
            AdfTools adfOnly = new AdfTools(s.adf, clock);
            adfOnly.baselines().turnWait(Duration.ofMinutes(1));
            OfflineAgent withoutLogs = new OfflineAgent(adfOnly, new InMemoryConversationStore(),
                    new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
            assertThat(part(ask(withoutLogs, "status of pl_weekly"), Reply.Status.class).status().runningLong())
                    .as("6 runs in ADF's 45 days: too few to judge").isNull();

            com.adfops.adf.DataFactory withArchive = new com.adfops.index.ArchivedHistory(s.adf,
                    com.adfops.adf.implementation.LogAnalyticsArchive.forEndpoint(s.server.workspaceEndpoint(), "0000-ws",
                            Duration.ofDays(90), Duration.ofSeconds(10), 1000), clock);
            AdfTools tools = new AdfTools(withArchive, clock);
            tools.baselines().turnWait(Duration.ofMinutes(1));
            OfflineAgent a = new OfflineAgent(tools, new InMemoryConversationStore(),
                    new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12));
            Reply.Status status = part(ask(a, "status of pl_weekly"), Reply.Status.class);
            assertThat(status.status().runningLong()).isNotNull();
            // 115, 116, 118, 119, 120, 120, 120, 121, 122, 124, 125, 130 min: the middle half 118 to 122, p95 130;
            // 300 / 130 = 2.3; the oldest run 84 days before.
            assertThat(card(status, now)).contains("Running long: usually 1h 58m–2h 2m, p95 2h 10m (its last 12 "
                    + "successful runs, over 84 days); running 5h 0m, 2.3x the p95");
        }
    }
}
