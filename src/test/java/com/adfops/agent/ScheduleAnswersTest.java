package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.NightFactory;
import com.adfops.analytics.Analytics;
import com.adfops.answers.AuditTrail;
import com.adfops.answers.ExportLinks;
import com.adfops.answers.Watchlist;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedule questions answered end to end over a night written out by hand (parser, router, service). */
class ScheduleAnswersTest {

    private final OfflineAgent agent;

    ScheduleAnswersTest() {
        AdfTools tools = new AdfTools(new NightFactory(), Clock.fixed(NightFactory.NOW, ZoneOffset.UTC));
        tools.baselines().turnWait(Duration.ofSeconds(30));
        agent = new OfflineAgent(tools, new Analytics(tools), new InMemoryConversationStore(),
                new GuidanceFinder(TestDocs.builtInOnly()), Duration.ofHours(12), AuditTrail.EMPTY, Watchlist.NONE,
                ExportLinks.NONE, new com.adfops.impact.FactoryImpact(tools.dataFactory(),
                com.adfops.impact.NextRuns.NONE, tools.clock()), new Schedules(tools, SlaRules.none(), Duration.ofMinutes(15)));
    }

    private Reply ask(String text, String zone) {
        return agent.handle(new Turn("c", "Dana", text, Map.of(), ZoneId.of(zone))).parts().get(0);
    }

    @Test
    void onScheduleChecksEachExpectedRunSinceMidnightUtcNarrowedToAPipeline() {
        Reply.OnSchedule all = (Reply.OnSchedule) ask("did anything miss its schedule?", "UTC");
        assertThat(all.factories().get(0).report().checks()).hasSize(4);
        assertThat(all.factories().get(0).report().from()).isEqualTo(NightFactory.MIDNIGHT);

        Reply.OnSchedule one = (Reply.OnSchedule) ask("is build cube on schedule?", "UTC");
        assertThat(one.factories().get(0).report().checks()).map(c -> c.expected().pipeline())
                .containsExactly("Build_Cube");
    }

    @Test
    void tonightLastsUntilTheMorningInTheUsersZoneAndHoursAreHours() {
        Reply.Upcoming tonight = (Reply.Upcoming) ask("what runs tonight?", "America/New_York");
        // 05:30 UTC is 01:30 in New York (daylight saving since 8 March): tonight ends at 08:00 there, 12:00 UTC.
        assertThat(tonight.to()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));

        Reply.Upcoming six = (Reply.Upcoming) ask("what runs in the next 6 hours?", "UTC");
        assertThat(Duration.between(six.from(), six.to())).isEqualTo(Duration.ofHours(6));
        assertThat(six.factories().get(0).runs()).isEmpty();
    }
}
