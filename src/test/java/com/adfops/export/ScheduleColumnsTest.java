package com.adfops.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.NightFactory;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compliance CSV's schedule columns at its end: on time per run, the SLA per run and per pipeline. */
class ScheduleColumnsTest {

    @Test
    void eachRunSaysWhetherItStartedOnTimeAndEachPipelineItsSlaSummary() {
        NightFactory adf = new NightFactory();
        adf.put(adf.run("run-by-hand", "Export_Ledger", "Manual", RunStatus.SUCCEEDED,
                Instant.parse("2026-03-10T05:00:00Z"), Instant.parse("2026-03-10T05:10:00Z")));
        AdfTools tools = new AdfTools(adf, Clock.fixed(NightFactory.NOW, ZoneOffset.UTC));
        tools.baselines().turnWait(Duration.ofSeconds(30));
        Schedules schedules = new Schedules(tools, SlaRules.none(), Duration.ofMinutes(15));
        List<PipelineRun> runs = adf.runs.stream().filter(r -> !r.sortTime().isBefore(NightFactory.MIDNIGHT))
                .sorted(Comparator.comparing(PipelineRun::sortTime)).toList();

        String csv = RunsCsv.of(runs, new ScheduleColumns(List.of(schedules.check(adf.factory, NightFactory.MIDNIGHT,
                null).report())));

        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("factory,pipeline,run_id,trigger,start,end,duration_s,status,error_code,"
                + "message,rerun_of,on_time,sla,pipeline_sla");
        assertThat(lines.subList(1, lines.size())).map(l -> l.substring(l.indexOf(',') + 1, l.indexOf(',', l.indexOf(',') + 1))
                + " " + l.substring(nthComma(l, 11) + 1)).containsExactly(
                "Load_Sales on_time,met,03:00 Europe/Berlin: 1 met",
                "Build_Cube late_start,at_risk,07:00 Europe/Berlin: 1 at_risk",
                "Export_Ledger unscheduled,,");
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(',', at + 1);
        }
        return at;
    }
}
