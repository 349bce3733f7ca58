package com.adfops.agent;

import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.PipelineStatus;
import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.adf.RunStatus;
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
 * Reruns belong to their run group (same {@code runGroupId}): a failure rerun successfully has recovered, a failure
 * whose rerun was cancelled or still runs is failing and says so, and a run with its reruns is one failure.
 * Over the real SDK and the simulated factory.
 */
class RunGroupsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static OfflineAgent agent;
    static String cancelledRerun;
    static String originalFailure;

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-reruns");
        // Failed, rerun by hand, the rerun was cancelled: still failing, with a word about the rerun.
        DatasetBuilder.Run failed = d.run("ingest_clickstream", NOW.minus(Duration.ofHours(5)), 120, "Failed")
                .activity("Copy events", "Copy", 1, 60, "Failed", "2200",
                        "ErrorCode=UserErrorSourceBlobNotExists,'Message=The required Blob is missing.,Source=x,'")
                .message("Operation on target Copy events failed: ErrorCode=UserErrorSourceBlobNotExists,'Message=The required Blob is missing.,Source=x,'");
        originalFailure = failed.id();
        cancelledRerun = d.run("ingest_clickstream", NOW.minus(Duration.ofHours(4)), 30, "Cancelled").rerunOf(failed).id();
        // Failed twice in one group (failed, rerun failed again, rerun succeeded): recovered, one failure.
        DatasetBuilder.Run dim = d.run("load_dim_customer", NOW.minus(Duration.ofHours(6)), 60, "Failed")
                .activity("Upsert", "Copy", 1, 30, "Failed", "2200", "ErrorCode=SqlFailedToConnect,'Message=x.'");
        d.run("load_dim_customer", NOW.minus(Duration.ofHours(5)), 60, "Failed").rerunOf(dim)
                .activity("Upsert", "Copy", 1, 30, "Failed", "2200", "ErrorCode=SqlFailedToConnect,'Message=x.'");
        d.run("load_dim_customer", NOW.minus(Duration.ofHours(3)), 60, "Succeeded").rerunOf(dim);
        // Failed, rerun still running: failing, rerun running.
        DatasetBuilder.Run fx = d.run("fx_rates", NOW.minus(Duration.ofHours(2)), 60, "Failed")
                .activity("Call API", "WebActivity", 1, 30, "Failed", "2108", "Response status code: '503'.");
        d.run("fx_rates", NOW.minus(Duration.ofMinutes(20)), 0, "InProgress").rerunOf(fx);
        sim = TestSim.of(d.build(), 3);
        AdfTools tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(tools, new InMemoryConversationStore(), new GuidanceFinder(TestDocs.builtInOnly()),
                Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }


    AgentReply ask(String text) {
        return agent.handle(new Turn("conv", "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    @Test
    void theFailingListJudgesEachRunGroupByItsLatestRun() {
        FailingSummary s = part(ask("what pipelines are failing?"), Reply.Failing.class).summary();
        assertThat(s.failing()).extracting(FailingSummary.Row::pipeline).containsExactly("fx_rates", "ingest_clickstream");
        assertThat(s.recovered()).extracting(FailingSummary.Recovered::pipeline).containsExactly("load_dim_customer");
        FailingSummary.Row click = s.failing().get(1);
        assertThat(click.lastFailure().runId()).isEqualTo(originalFailure);
        assertThat(click.failures()).as("a run and its rerun are one failure").isEqualTo(1);
        assertThat(click.rerun().runId()).isEqualTo(cancelledRerun);
        assertThat(click.rerun().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(s.failing().get(0).rerun().status()).isEqualTo(RunStatus.IN_PROGRESS);
        assertThat(s.recovered().get(0).lastSuccess().rerunOf()).isNotNull();

        String card = new CardFactory(TestSim.JSON).card(new Reply.Failing(s),
                new CardFactory.View(NOW, ZoneId.of("UTC"))).toString();
        assertThat(card).contains("a rerun at Nov 26, 08:00 UTC was cancelled", "a rerun at Nov 26, 11:40 UTC is still running",
                "load_dim_customer failed", "a rerun succeeded");
    }

    @Test
    void statusSaysWhatFailedAndWhatHappenedToTheRerun() {
        PipelineStatus st = part(ask("status of ingest_clickstream"), Reply.Status.class).status();
        assertThat(st.lastFailure().runId()).isEqualTo(originalFailure);
        assertThat(st.lastFailureRerun().runId()).isEqualTo(cancelledRerun);
        assertThat(st.failed()).isEqualTo(1);
        String card = new CardFactory(TestSim.JSON).card(new Reply.Status(st),
                new CardFactory.View(NOW, ZoneId.of("UTC"))).toString();
        assertThat(card).contains("What failed", "Copy events: UserErrorSourceBlobNotExists: The required Blob is missing.",
                "a rerun at Nov 26, 08:00 UTC was cancelled", "Cancelled (rerun)");
        // The button still drills into the failure, not the cancelled rerun.
        assertThat(card).contains("\"runId\":\"" + originalFailure + "\"");

        PipelineStatus dim = part(ask("status of load_dim_customer"), Reply.Status.class).status();
        assertThat(dim.recovered()).isTrue();
        assertThat(dim.failed()).isZero();
        assertThat(dim.succeeded()).isEqualTo(1);
    }
}
