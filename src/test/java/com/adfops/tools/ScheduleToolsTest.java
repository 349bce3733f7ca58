package com.adfops.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.NightFactory;
import com.adfops.TestSim;
import com.adfops.analytics.Analytics;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The schedule tools' JSON over a night written out by hand ({@link NightFactory}), as the model and MCP get it. */
class ScheduleToolsTest {

    private final ToolRunner runner;

    ScheduleToolsTest() {
        NightFactory adf = new NightFactory();
        AdfTools tools = new AdfTools(adf, Clock.fixed(NightFactory.NOW, ZoneOffset.UTC));
        tools.baselines().turnWait(Duration.ofSeconds(30));
        runner = new ToolRunner(tools, new Analytics(tools), new DocsService(null, new BuiltInDocsIndex(TestSim.JSON),
                Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofMinutes(5), 10, Duration.ofMinutes(1)),
                TestSim.JSON, new com.adfops.impact.FactoryImpact(tools.dataFactory(), com.adfops.impact.NextRuns.NONE,
                tools.clock()), new Schedules(tools, SlaRules.parse("Refresh_*=+30m"), Duration.ofMinutes(15)));
    }

    @Test
    void scheduleStatusSaysWhatMissedWhyAndWhichSlaIsAtRisk() {
        ToolRunner.Call c = runner.run(ToolRunner.SCHEDULE_STATUS, "{}", ZoneId.of("UTC"));

        assertThat(c.ok()).isTrue();
        assertThat(c.output()).isEqualTo("{\"from\":\"2026-03-10T00:00:00Z\",\"now\":\"2026-03-10T05:30:00Z\","
                + "\"factories\":[{\"factory\":\"df-night\",\"expected_runs\":4,\"start\":{\"on_time\":1,\"late_start\":1,"
                + "\"missed\":2,\"pending\":0},\"missed\":[{\"pipeline\":\"Export_Ledger\",\"trigger\":\"Ledger_0300\","
                + "\"expected_start\":\"2026-03-10T02:00:00Z\",\"cause\":\"trigger_stopped\"},{\"pipeline\":\"Refresh_Dims\","
                + "\"trigger\":\"Dims_0400\",\"expected_start\":\"2026-03-10T04:00:00Z\",\"cause\":\"trigger_run_failed\","
                + "\"message\":\"The template function 'pipeline' is not defined or not valid. <b>*x*</b>\"}],"
                + "\"late_starts\":[{\"pipeline\":\"Build_Cube\",\"trigger\":\"Cube_0330\",\"expected_start\":"
                + "\"2026-03-10T03:30:00Z\",\"run_id\":\"run-cube-0310\",\"status\":\"IN_PROGRESS\",\"delay_minutes\":40}],"
                + "\"sla_problems\":[{\"pipeline\":\"Build_Cube\",\"trigger\":\"Cube_0330\",\"expected_start\":"
                + "\"2026-03-10T03:30:00Z\",\"run_id\":\"run-cube-0310\",\"status\":\"IN_PROGRESS\",\"verdict\":\"at_risk\","
                + "\"sla\":\"07:00 Europe/Berlin\",\"deadline\":\"2026-03-10T06:00:00Z\",\"expected_end\":"
                + "\"2026-03-10T06:10:00Z\",\"late_minutes\":10},{\"pipeline\":\"Refresh_Dims\",\"trigger\":\"Dims_0400\","
                + "\"expected_start\":\"2026-03-10T04:00:00Z\",\"verdict\":\"late\",\"sla\":\"+30m\",\"deadline\":"
                + "\"2026-03-10T04:30:00Z\",\"late_minutes\":60}]}]}");
    }

    @Test
    void upcomingRunsListTheNextHoursWithUsualDurationAndSla() {
        ToolRunner.Call c = runner.run(ToolRunner.UPCOMING_RUNS, "{\"hours\":22,\"pipeline\":\"load sales\"}",
                ZoneId.of("UTC"));

        assertThat(c.output()).isEqualTo("{\"from\":\"2026-03-10T05:30:00Z\",\"hours\":22,\"runs\":[{\"factory\":"
                + "\"df-night\",\"pipeline\":\"Load_Sales\",\"trigger\":\"Nightly_0200\",\"expected_start\":"
                + "\"2026-03-11T01:00:00Z\",\"usual_minutes\":40,\"expected_end\":\"2026-03-11T01:40:00Z\",\"sla\":"
                + "\"03:00 Europe/Berlin\",\"deadline\":\"2026-03-11T02:00:00Z\",\"ends_after_deadline\":false}],"
                + "\"total\":1}");
        assertThat(runner.run(ToolRunner.UPCOMING_RUNS, "{\"hours\":900}", ZoneId.of("UTC")).output())
                .contains("hours must be a whole number from 1 to 168");
    }
}
