package com.adfops;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.FactoryDefinitions.Recurrence;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerRun;
import com.adfops.adf.FactoryDefinitions.TriggerRunStatus;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A factory's night, written out by hand, for the schedule faces and alerts (definitions, runs and trigger runs in
 * memory). "Now" is {@link #NOW} (05:30 UTC, 06:30 in Berlin, in March: UTC+1):
 * <ul>
 *   <li>{@code Load_Sales}, trigger {@code Nightly_0200} at 02:00 W. Europe Standard Time (01:00 UTC): started 01:02,
 *       succeeded 01:40; SLA 03:00 Europe/Berlin (met);</li>
 *   <li>{@code Export_Ledger}, trigger {@code Ledger_0300} at 03:00 W. Europe Standard Time, stopped: no run;</li>
 *   <li>{@code Build_Cube}, trigger {@code Cube_0330} at 03:30 UTC: started 04:10 (late), still running; usually 2 h;
 *       SLA 07:00 Europe/Berlin (06:00 UTC): at risk, expected end 06:10;</li>
 *   <li>{@code Refresh_Dims}, trigger {@code Dims_0400} at 04:00 UTC: its trigger run failed.</li>
 * </ul>
 * Each has eight successful runs on the days before (at its usual time and duration).
 */
public final class NightFactory implements DataFactory {

    /** The questions' now. */
    public static final Instant NOW = Instant.parse("2026-03-10T05:30:00Z");
    /** The day's start. */
    public static final Instant MIDNIGHT = Instant.parse("2026-03-10T00:00:00Z");
    /** The trigger run's failure, as ADF wrote it. */
    public static final String TRIGGER_FAILURE = "The template function 'pipeline' is not defined or not valid. <b>*x*</b>";

    public final FactoryRef factory = new FactoryRef("sub-1", "rg-1", "df-night");
    public final List<PipelineRun> runs = new CopyOnWriteArrayList<>();
    public final List<TriggerRun> triggerRuns = new CopyOnWriteArrayList<>();
    public volatile FactoryDefinitions defs;

    public NightFactory() {
        defs = new FactoryDefinitions(factory, NOW, List.of(
                pipeline("Build_Cube", "sla:07:00 Europe/Berlin"), pipeline("Export_Ledger"),
                pipeline("Load_Sales", "sla:03:00 Europe/Berlin"), pipeline("Refresh_Dims")),
                List.of(), List.of(), List.of(
                daily("Cube_0330", TriggerState.STARTED, "2026-01-01T03:30:00", "UTC", "Build_Cube"),
                daily("Dims_0400", TriggerState.STARTED, "2026-01-01T04:00:00", "UTC", "Refresh_Dims"),
                daily("Ledger_0300", TriggerState.STOPPED, "2026-01-01T03:00:00", "W. Europe Standard Time",
                        "Export_Ledger"),
                daily("Nightly_0200", TriggerState.STARTED, "2026-01-01T02:00:00", "W. Europe Standard Time",
                        "Load_Sales")), List.of());
        for (int day = 1; day <= 8; day++) {
            Instant d = MIDNIGHT.minusSeconds(86_400L * day);
            runs.add(run("ls-" + day, "Load_Sales", "Nightly_0200", RunStatus.SUCCEEDED, d.plusSeconds(3600),
                    d.plusSeconds(3600 + 2400)));
            runs.add(run("bc-" + day, "Build_Cube", "Cube_0330", RunStatus.SUCCEEDED, d.plusSeconds(12_600),
                    d.plusSeconds(12_600 + 7200)));
            runs.add(run("rd-" + day, "Refresh_Dims", "Dims_0400", RunStatus.SUCCEEDED, d.plusSeconds(14_400),
                    d.plusSeconds(14_400 + 600)));
        }
        runs.add(run("run-sales-0310", "Load_Sales", "Nightly_0200", RunStatus.SUCCEEDED,
                Instant.parse("2026-03-10T01:02:00Z"), Instant.parse("2026-03-10T01:40:00Z")));
        runs.add(run("run-cube-0310", "Build_Cube", "Cube_0330", RunStatus.IN_PROGRESS,
                Instant.parse("2026-03-10T04:10:00Z"), null));
        triggerRuns.add(new TriggerRun("tr-dims-0310", "Dims_0400", Instant.parse("2026-03-10T04:00:00Z"),
                TriggerRunStatus.FAILED, TRIGGER_FAILURE, Map.of()));
    }

    static Trigger daily(String name, TriggerState state, String startLocal, String zone, String... pipelines) {
        return new Trigger(name, TriggerKind.SCHEDULE, state, List.of(pipelines),
                new Recurrence(Frequency.DAY, 1, LocalDateTime.parse(startLocal), null, zone, null), null);
    }

    static Pipeline pipeline(String name, String... annotations) {
        return new Pipeline(name, List.of(), List.of(annotations), null, 0);
    }

    /** A run a trigger started; {@code end} null while it runs. */
    public PipelineRun run(String id, String pipeline, String trigger, RunStatus status, Instant start, Instant end) {
        return new PipelineRun(factory, id, pipeline, status, "", start, end, end != null ? end : start, null, Map.of(),
                "ScheduleTrigger", trigger, null, null, null);
    }

    /** Replaces the run with the same id (or adds it). */
    public void put(PipelineRun r) {
        runs.removeIf(x -> x.runId().equals(r.runId()));
        runs.add(r);
    }

    @Override
    public List<FactoryRef> factories() {
        return List.of(factory);
    }

    @Override
    public List<String> listPipelineNames(FactoryRef f) {
        return defs.pipelines().stream().map(Pipeline::name).toList();
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef f, RunQuery q) {
        List<PipelineRun> out = new ArrayList<>();
        for (PipelineRun r : runs) {
            Instant at = r.lastUpdated();
            boolean named = q.pipelineNames().isEmpty() || q.pipelineNames().contains(r.pipelineName());
            boolean status = q.statuses().isEmpty() || q.statuses().contains(r.status());
            if (!at.isBefore(q.from()) && at.isBefore(q.to()) && named && status) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        return out;
    }

    @Override
    public FactoryDefinitions readDefinitions(FactoryRef f) {
        return defs;
    }

    @Override
    public List<TriggerRun> queryTriggerRuns(FactoryRef f, Instant from, Instant to) {
        return triggerRuns.stream().filter(t -> !t.at().isBefore(from) && t.at().isBefore(to))
                .sorted(Comparator.comparing(TriggerRun::at).reversed()).toList();
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef f, PipelineRun run) {
        return List.of();
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef f, String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }
}
