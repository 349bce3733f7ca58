package com.adfops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.RecordingQueries;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.index.RunIndex;
import com.adfops.runs.AdfTools;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The running-long pass over the run index asks for the runs in progress and then only the watched pipelines' week,
 * never for every run of the week (a million records at a million runs), and alerts exactly as when it read them all.
 */
class RunningLongAlertsTest {

    static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
    static final FactoryRef F = new FactoryRef("sub-1", "rg-1", "df-long");

    final MutableClock clock = new MutableClock(T);
    final List<PipelineRun> runs = new ArrayList<>();
    RunIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private void run(String id, String pipeline, RunStatus status, Instant start, Duration took, String parent) {
        Instant end = took == null ? null : start.plus(took);
        runs.add(new PipelineRun(F, id, pipeline, status, "", start, end, end == null ? start : end,
                took == null ? null : took.toMillis(), Map.of(), parent == null ? "ScheduleTrigger" : "PipelineActivity",
                "tr", parent, parent == null ? null : "pl_parent", null));
    }

    /** Ten successes of {@code usual} over the last two and a half days, then one in progress since {@code since}. */
    private void pipeline(String name, Duration usual, Duration since, String parent) {
        for (int i = 1; i <= 10; i++) {
            run(name + "-ok-" + i, name, RunStatus.SUCCEEDED, T.minus(Duration.ofHours(6L * i)), usual, null);
        }
        run(name + "-now", name, RunStatus.IN_PROGRESS, T.minus(since), null, parent);
    }

    @Test
    void onlyTheRunsInProgressAndTheWatchedPipelinesWeekAreReadAndTheAlertsAreTheSame() {
        pipeline("pl_watched", Duration.ofMinutes(10), Duration.ofMinutes(40), null);   // 4x its usual: alerted
        pipeline("pl_wquick", Duration.ofMinutes(60), Duration.ofMinutes(20), null);    // within its usual
        pipeline("pl_wchild", Duration.ofMinutes(5), Duration.ofMinutes(40), "parent-1"); // long, but a child run
        pipeline("pl_other", Duration.ofMinutes(10), Duration.ofMinutes(40), null);      // long, but not watched
        for (int i = 0; i < 3000; i++) {
            // The bulk of the week: finished runs of other pipelines.
            run("fill-" + i, "pl_fill_" + (i % 30), RunStatus.SUCCEEDED, T.minus(Duration.ofMinutes(3L * i + 30)),
                    Duration.ofMinutes(2), null);
        }
        index = new RunIndex(new Source(runs), new RequestMeter(), clock, new RunIndex.Settings(Duration.ofDays(7),
                Duration.ofSeconds(30), Duration.ofMinutes(5), 100, Duration.ofSeconds(15)));
        index.refreshAll();
        RecordingQueries adf = new RecordingQueries(index);
        AdfTools tools = new AdfTools(adf, clock);
        JsonDocuments docs = new JsonDocuments(new InMemoryStateStore(), TestSim.JSON);
        Watches watches = new Watches(docs);
        AlertStore store = new AlertStore(docs);
        AlertService alerts = new AlertService(store, tools, new GuidanceFinder(TestDocs.builtInOnly()), clock);
        AlertMonitor monitor = new AlertMonitor(adf, tools, watches, store, alerts, clock,
                new AlertMonitor.Settings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5), 5));
        AlertMonitorTest.FakePoster poster = new AlertMonitorTest.FakePoster();
        monitor.postWith(poster);
        monitor.pass();
        watches.watch("conv-a", new Watchlist.Watch("pl_w*", null, "Ana", clock.instant()));

        clock.advance(Duration.ofMinutes(1));
        index.refreshAll();
        adf.asked.clear();
        adf.returned.clear();
        monitor.pass();
        tools.baselines().pending().join();

        assertThat(poster.alertsIn("conv-a")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertView.Kind.RUNNING_LONG);
            assertThat(a.pipeline()).isEqualTo("pl_watched");
            assertThat(a.cause().source()).isEqualTo(AlertView.Cause.Source.RUNNING_LONG);
            assertThat(a.cause().text()).isEqualTo("usually 10m 0s–10m 0s, p95 10m 0s (its last 10 successful "
                    + "runs, over 2 days); running 41m 0s, 4.1x the p95");
        });
        // The week is asked for the runs in progress, then for the watched pipelines that have one (not the child).
        List<RunQuery> week = adf.asked.stream()
                .filter(q -> Duration.between(q.from(), q.to()).compareTo(Duration.ofDays(7)) >= 0).toList();
        assertThat(week).as("no pass asks for every run of the week")
                .allSatisfy(q -> assertThat(q.statuses().isEmpty() && q.pipelineNames().isEmpty()).isFalse());
        assertThat(week).extracting(RunQuery::statuses).contains(java.util.Set.of(RunStatus.IN_PROGRESS));
        assertThat(week).extracting(RunQuery::pipelineNames)
                .contains(java.util.Set.of("pl_watched", "pl_wquick"));
        int read = 0;
        for (int i = 0; i < adf.asked.size(); i++) {
            if (week.contains(adf.asked.get(i))) {
                read += adf.returned.get(i);
            }
        }
        assertThat(read).as("runs of the week read by the pass (of 3,044)").isEqualTo(4 + 22);
    }

    /** The factory behind the index. */
    record Source(List<PipelineRun> runs) implements DataFactory {

        @Override
        public List<FactoryRef> factories() {
            return List.of(F);
        }

        @Override
        public List<String> listPipelineNames(FactoryRef f) {
            return runs.stream().map(PipelineRun::pipelineName).distinct().toList();
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef f, RunQuery q) {
            return runs.stream()
                    .filter(r -> !r.lastUpdated().isBefore(q.from()) && r.lastUpdated().isBefore(q.to()))
                    .filter(r -> q.pipelineNames().isEmpty() || q.pipelineNames().contains(r.pipelineName()))
                    .filter(r -> q.statuses().isEmpty() || q.statuses().contains(r.status()))
                    .sorted(Comparator.comparing(PipelineRun::sortTime).reversed()).limit(q.maxRuns()).toList();
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
}
