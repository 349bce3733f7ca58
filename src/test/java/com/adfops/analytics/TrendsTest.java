package com.adfops.analytics;

import com.adfops.agent.AgentReply;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.cards.CardFactory;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "How did pipelines do?" against a small factory whose answer is computed by hand (reruns counted once). */
class TrendsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static OfflineAgent agent;

    static Instant at(String t) {
        return Instant.parse(t);
    }

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-trends");
        // The period before (Nov 20 12:00 - Nov 23 12:00): one failure, one success.
        d.run("pl_a", at("2026-11-21T10:00:00Z"), 60, "Failed");
        d.run("pl_a", at("2026-11-22T10:00:00Z"), 60, "Succeeded");
        // The last 3 days.
        d.run("pl_a", at("2026-11-24T10:00:00Z"), 60, "Succeeded");
        d.run("pl_a", at("2026-11-24T14:00:00Z"), 60, "Failed");
        d.run("pl_a", at("2026-11-25T09:00:00Z"), 60, "Failed");
        d.run("pl_a", at("2026-11-25T11:00:00Z"), 60, "Succeeded");        // recovered after 21 h
        DatasetBuilder.Run b1 = d.run("pl_b", at("2026-11-25T08:00:00Z"), 60, "Failed");
        d.run("pl_b", at("2026-11-25T08:30:00Z"), 60, "Succeeded").rerunOf(b1); // one group, fixed by a rerun in 30 min
        d.run("pl_b", at("2026-11-26T10:00:00Z"), 60, "Failed");
        d.run("pl_b", at("2026-11-26T11:00:00Z"), 0, "InProgress");        // not finished: not counted
        sim = TestSim.of(d.build(), 4, Clock.fixed(NOW, ZoneOffset.UTC));
        AdfTools tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(tools, new InMemoryConversationStore(), new GuidanceFinder(TestDocs.builtInOnly()),
                Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static TrendSummary ask(String text) {
        AgentReply r = agent.handle(new Turn("conv", "Dana", text, Map.of(), ZoneId.of("UTC")));
        return r.parts().stream().filter(Reply.Trends.class::isInstance).map(p -> ((Reply.Trends) p).summary())
                .findFirst().orElseThrow(() -> new AssertionError("no trends in " + r));
    }

    @Test
    void countsRunGroupsOncePerDayWithRecoveriesAndThePeriodBefore() {
        TrendSummary s = ask("how did pipelines do in the last 3 days?");
        assertThat(s.scope()).isEqualTo("all pipelines");
        assertThat(s.finished()).isEqualTo(6);
        assertThat(s.succeeded()).isEqualTo(3);
        assertThat(s.failed()).isEqualTo(3);
        assertThat(s.successRate()).isEqualTo(0.5);
        assertThat(s.days()).containsExactly(
                new TrendSummary.Day(LocalDate.of(2026, 11, 23), 0, 0, 0),
                new TrendSummary.Day(LocalDate.of(2026, 11, 24), 2, 1, 1),
                new TrendSummary.Day(LocalDate.of(2026, 11, 25), 3, 2, 1),
                new TrendSummary.Day(LocalDate.of(2026, 11, 26), 1, 0, 1));
        assertThat(s.mostFailing()).containsExactly(new TrendSummary.PipelineFailures("pl_a", 2),
                new TrendSummary.PipelineFailures("pl_b", 1));
        assertThat(s.recoveries()).isEqualTo(2);
        // (21 h + 30 min) / 2
        assertThat(s.meanTimeToRecovery()).isEqualTo(Duration.ofMinutes(21 * 60 + 30).dividedBy(2));
        assertThat(s.previous()).isEqualTo(new TrendSummary.Period(2, 1, 1));

        String card = new CardFactory(TestSim.JSON).card(new Reply.Trends(s),
                new CardFactory.View(NOW, ZoneId.of("UTC"))).toString();
        assertThat(card).contains("How all pipelines did in the last 3 days", "50.0 %", "+0.0 points",
                "Chart.HorizontalBar", "\"showBarValues\":true", "\"y\":1", "Wed 25: 3 runs, 1 failed (66.7 % succeeded)", "pl_a: 2 failures",
                "10h 45m on average (2 recoveries)");
    }

    @Test
    void oneNameOrPatternNarrowsIt() {
        TrendSummary a = ask("trends for pl_a over the last 3 days");
        assertThat(a.scope()).isEqualTo("pl_a");
        assertThat(a.finished()).isEqualTo(4);
        assertThat(a.failed()).isEqualTo(2);
        TrendSummary pattern = ask("trends for pl_* in the last 3 days");
        assertThat(pattern.scope()).isEqualTo("pl_*");
        assertThat(pattern.finished()).isEqualTo(6);
    }
}
