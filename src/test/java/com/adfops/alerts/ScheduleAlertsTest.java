package com.adfops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.NightFactory;
import com.adfops.TestSim;
import com.adfops.adf.RunStatus;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schedule alerts over a night written out by hand ({@link NightFactory}): a missed run (a stopped trigger, a
 * failed trigger run), an SLA at risk, an SLA passed; each alerted once per watching conversation, never for a run on
 * time, and recovered when the run starts or finishes in time after all.
 */
class ScheduleAlertsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T00:30:00Z"));
    final NightFactory adf = new NightFactory();
    final AlertMonitorTest.FakePoster poster = new AlertMonitorTest.FakePoster();
    final AlertStore store;
    final Watches watches;
    final AlertMonitor monitor;

    ScheduleAlertsTest() {
        JsonDocuments docs = new JsonDocuments(new InMemoryStateStore(), TestSim.JSON);
        AdfTools tools = new AdfTools(adf, clock);
        tools.baselines().turnWait(Duration.ofSeconds(30));
        store = new AlertStore(docs);
        watches = new Watches(docs);
        AlertService alerts = new AlertService(store, tools, new GuidanceFinder(TestDocs.builtInOnly()), clock);
        monitor = new AlertMonitor(adf, tools, watches, store, alerts, clock, new AlertMonitor.Settings(
                Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5), 5),
                new Schedules(tools, SlaRules.none(), Duration.ofMinutes(15)));
        monitor.postWith(poster);
        monitor.pass();
        watches.watch("conv-all", new Watchlist.Watch("*", null, "Ana", clock.instant()));
        watches.watch("conv-sales", new Watchlist.Watch("Load_Sales", null, "Ana", clock.instant()));
    }

    private void at(String time) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(time)));
        monitor.pass();
    }

    private static List<String> described(List<AlertView> views) {
        return views.stream().map(v -> v.kind() + " " + v.pipeline() + " " + v.state()
                + (v.schedule().cause() == null ? "" : " " + v.schedule().cause())).toList();
    }

    @Test
    void missedRunsAndAnSlaAtRiskAreAlertedOnceAndNothingForARunOnTime() {
        at("2026-03-10T05:30:00Z");
        at("2026-03-10T05:31:00Z");

        assertThat(described(poster.alertsIn("conv-all"))).containsExactly(
                "MISSED Export_Ledger OPEN TRIGGER_STOPPED",
                "MISSED Refresh_Dims OPEN TRIGGER_RUN_FAILED",
                "AT_RISK Build_Cube OPEN");
        assertThat(poster.alertsIn("conv-sales")).isEmpty();
        AlertView failed = poster.alertsIn("conv-all").get(1);
        assertThat(failed.schedule().message()).isEqualTo(NightFactory.TRIGGER_FAILURE);
        assertThat(failed.schedule().expectedStart()).isEqualTo(Instant.parse("2026-03-10T04:00:00Z"));
        assertThat(poster.alertsIn("conv-all").get(0).schedule().triggerZone()).isEqualTo("Europe/Berlin");
        assertThat(poster.alertsIn("conv-all").get(0).schedule().message()).isEqualTo("Stopped");
    }

    @Test
    void aMissedRunThatStartsAndARunAtRiskThatFinishesInTimeRecover() {
        at("2026-03-10T05:30:00Z");
        adf.put(adf.run("run-dims-late", "Refresh_Dims", "Dims_0400", RunStatus.IN_PROGRESS,
                Instant.parse("2026-03-10T05:35:00Z"), null));
        adf.put(adf.run("run-cube-0310", "Build_Cube", "Cube_0330", RunStatus.SUCCEEDED,
                Instant.parse("2026-03-10T04:10:00Z"), Instant.parse("2026-03-10T05:50:00Z")));
        at("2026-03-10T05:55:00Z");

        assertThat(poster.updates).map(c -> ((AlertCard.Single) c).view())
                .map(v -> v.kind() + " " + v.pipeline() + " " + v.state() + " " + v.response().recoveredRun())
                .containsExactlyInAnyOrder("MISSED Refresh_Dims RECOVERED run-dims-late",
                        "AT_RISK Build_Cube RECOVERED run-cube-0310");
        // The stopped trigger's run is still missed: its card stays open, and nothing is posted twice.
        assertThat(poster.alertsIn("conv-all")).hasSize(3);
    }

    @Test
    void aRunStillRunningPastItsSlaIsLateOnceAndRecoversWhenItSucceeds() {
        at("2026-03-10T05:30:00Z");
        at("2026-03-10T06:20:00Z");
        at("2026-03-10T06:21:00Z");

        assertThat(described(poster.alertsIn("conv-all"))).containsExactly(
                "MISSED Export_Ledger OPEN TRIGGER_STOPPED",
                "MISSED Refresh_Dims OPEN TRIGGER_RUN_FAILED",
                "AT_RISK Build_Cube OPEN",
                "LATE Build_Cube OPEN");
        AlertView late = poster.alertsIn("conv-all").get(3);
        assertThat(late.schedule().deadline()).isEqualTo(Instant.parse("2026-03-10T06:00:00Z"));
        assertThat(late.schedule().sla()).isEqualTo("07:00 Europe/Berlin");

        adf.put(adf.run("run-cube-0310", "Build_Cube", "Cube_0330", RunStatus.SUCCEEDED,
                Instant.parse("2026-03-10T04:10:00Z"), Instant.parse("2026-03-10T06:30:00Z")));
        at("2026-03-10T06:35:00Z");
        assertThat(poster.updates).map(c -> ((AlertCard.Single) c).view())
                .map(v -> v.kind() + " " + v.pipeline() + " " + v.state()).containsExactly("LATE Build_Cube RECOVERED");
    }

    @Test
    void anOldAlertDocumentWithoutAKindReadsAsBefore() throws Exception {
        String old = "{\"id\":\"a1\",\"conversationId\":\"c\",\"factory\":\"f\",\"pipeline\":\"p\",\"runId\":\"r\","
                + "\"grouped\":[],\"state\":\"OPEN\",\"runningLong\":true}";
        AlertRecord r = TestSim.JSON.readValue(old, StoredAlert.class).toRecord();
        assertThat(r.kind()).isEqualTo(AlertView.Kind.RUNNING_LONG);
        assertThat(TestSim.JSON.readValue(old.replace("true", "false"), StoredAlert.class).toRecord().kind())
                .isEqualTo(AlertView.Kind.FAILED);
        AlertRecord back = TestSim.JSON.readValue(TestSim.JSON.writeValueAsString(StoredAlert.of(r)), StoredAlert.class)
                .toRecord();
        assertThat(back).isEqualTo(r);
    }
}
