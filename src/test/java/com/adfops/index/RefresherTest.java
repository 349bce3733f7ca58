package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.adfops.DatasetBuilder;
import com.adfops.LogCapture;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The refresh reads what changed since the newest update Data Factory listed (its clock, not ours), reaching back an
 * overlap that fits one page of a busy factory and widens when a late write is seen: the simulated factory (pages of
 * 100, as Data Factory's) and the real SDK, on a clock the test moves 30 s per refresh, counting Data Factory requests.
 */
class RefresherTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration OVERLAP = Duration.ofMinutes(5);
    static final RunIndex.Settings SETTINGS = new RunIndex.Settings(Duration.ofDays(2), INTERVAL, OVERLAP, 100,
            Duration.ofSeconds(15));
    /** Data Factory's page of runs. */
    static final int PAGE = 100;

    /**
     * A factory where a run ends every {@code every} from {@code from} to {@code to} (on the factory's clock), with a
     * run an hour over the day before.
     */
    static DatasetBuilder steady(Instant from, Instant to, Duration every) {
        DatasetBuilder d = new DatasetBuilder("df-busy");
        for (int h = 1; h <= 24; h++) {
            d.run("pl_hourly", NOW.minus(Duration.ofHours(h)), 120, h % 5 == 0 ? "Failed" : "Succeeded");
        }
        int i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(every)) {
            d.run("pl_copy_" + (i++ % 20), t, 0, i % 10 == 3 ? "Failed" : "Succeeded");
        }
        return d;
    }

    /** Backfill, then {@code refreshes} refreshes 30 s apart: the Data Factory requests of each. */
    static List<Long> refresh(RunIndex index, MutableClock clock, int refreshes) {
        index.refreshAll();
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < refreshes; i++) {
            clock.advance(INTERVAL);
            index.refreshAll();
            requests.add(index.status().get(0).lastRefreshRequests());
        }
        return requests;
    }

    /** Every run of the last day the factory shows (or the index holds), by id, with its last update. */
    static Map<String, Instant> updates(DataFactory f, TestSim sim, Instant now) {
        Map<String, Instant> out = new TreeMap<>();
        for (PipelineRun r : f.queryPipelineRuns(sim.factory, new RunQuery(now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofHours(1)), Set.of(), Set.of(), Integer.MAX_VALUE))) {
            out.put(r.runId(), r.lastUpdated());
        }
        return out;
    }

    @Test
    void atTwoRunsASecondEveryRefreshAfterTheFirstTwoIsOnePageAndNoRunIsMissed() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = steady(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(11)),
                Duration.ofMillis(500));
        try (TestSim sim = TestSim.of(d.build(), PAGE, clock)) {
            RunIndex index = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
            List<Long> requests = refresh(index, clock, 20);

            // The backfill, then the first refresh with the whole configured overlap (5.5 minutes: 7 pages); then the
            // overlap fits the rate seen (2 a second): 30 s new and 15 s again, 91 runs, one page.
            assertThat(requests.get(0)).isGreaterThan(1);
            assertThat(requests.subList(1, requests.size())).as("%s", requests).allMatch(n -> n == 1);
            FactoryStatus.Overlap overlap = index.status().get(0).overlap();
            assertThat(overlap.effective()).isEqualTo(RefreshOverlap.FLOOR);
            assertThat(overlap.configured()).isEqualTo(OVERLAP);
            assertThat(overlap.lateWrites()).isZero();

            RunIndex fromZero = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
            fromZero.refreshAll();
            Map<String, Instant> held = updates(index, sim, clock.instant());
            assertThat(held).hasSizeGreaterThan(20 * 60).isEqualTo(updates(fromZero, sim, clock.instant()))
                    .isEqualTo(updates(sim.adf, sim, clock.instant()));
            index.close();
            fromZero.close();
        }
    }

    @Test
    void aRunDataFactoryListsFortySecondsLateIsCaughtAndWidensTheOverlapOnce() {
        MutableClock clock = new MutableClock(NOW);
        // One run a second: the overlap that fits a page is 60 s (90 runs less the 30 of an interval).
        DatasetBuilder d = steady(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(10)),
                Duration.ofSeconds(1));
        // Listed from NOW+5:40 on, stamped as updated at NOW+4:50: 40 s before the newest update the refresh at
        // NOW+5:30 read (the run of NOW+5:30).
        DatasetBuilder.Run late = d.run("pl_late", NOW.plus(Duration.ofSeconds(340)), 0, "Failed");
        late.node().put("lastUpdated", NOW.plus(Duration.ofSeconds(290)).toString());
        // Another, 20 s late, a minute later: inside the widened overlap, counted, not logged again.
        DatasetBuilder.Run later = d.run("pl_late", NOW.plus(Duration.ofSeconds(400)), 0, "Failed");
        later.node().put("lastUpdated", NOW.plus(Duration.ofSeconds(370)).toString());
        try (TestSim sim = TestSim.of(d.build(), PAGE, clock); LogCapture log = LogCapture.of(RunIndex.class)) {
            RunIndex index = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
            refresh(index, clock, 11);
            FactoryStatus.Overlap before = index.status().get(0).overlap();
            assertThat(before.effective()).isEqualTo(Duration.ofSeconds(60));
            assertThat(before.lateWrites()).isZero();

            clock.advance(INTERVAL);
            index.refreshAll();
            assertThat(index.queryPipelineRuns(sim.factory, new RunQuery(NOW.minus(Duration.ofHours(1)),
                    NOW.plus(Duration.ofHours(1)), Set.of("pl_late"), Set.of(), 100))).extracting(PipelineRun::runId)
                    .containsExactly(late.id());
            FactoryStatus.Overlap widened = index.status().get(0).overlap();
            assertThat(widened.lateWrites()).isEqualTo(1);
            assertThat(widened.lastLateness()).isEqualTo(Duration.ofSeconds(40));
            assertThat(widened.effective()).as("twice the lateness").isEqualTo(Duration.ofSeconds(80));

            refresh(index, clock, 3);
            assertThat(index.status().get(0).overlap().lateWrites()).isEqualTo(2);
            assertThat(index.status().get(0).overlap().effective()).isEqualTo(Duration.ofSeconds(80));
            assertThat(updates(index, sim, clock.instant())).isEqualTo(updates(sim.adf, sim, clock.instant()));
            assertThat(log.atLevel(Level.INFO)).filteredOn(m -> m.contains("reaches back")).singleElement()
                    .asString().contains("40 s older", "reaches back 80 s");
            index.close();
        }
    }

    @Test
    void atTwoRunsASecondAWriteListed35SecondsLateWidensTheOverlapSoThatTheNextIsCaught() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = steady(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(10)),
                Duration.ofMillis(500));
        // Stamped 5 s before the watermark of the refresh at NOW+4:30, listed 35 s after its stamp (at NOW+5:00):
        // inside the 15-s overlap, but twice its 5 s would not cover the next write as late.
        DatasetBuilder.Run first = d.run("pl_late", NOW.plus(Duration.ofSeconds(300)), 0, "Failed");
        first.node().put("lastUpdated", NOW.plus(Duration.ofSeconds(265)).toString());
        // Stamped at NOW+5:10, listed at NOW+5:45: 20 s before the watermark of the refresh at NOW+5:30 that missed
        // it, past a 15-s overlap.
        DatasetBuilder.Run second = d.run("pl_late", NOW.plus(Duration.ofSeconds(345)), 0, "Failed");
        second.node().put("lastUpdated", NOW.plus(Duration.ofSeconds(310)).toString());
        try (TestSim sim = TestSim.of(d.build(), PAGE, clock)) {
            RunIndex index = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
            refresh(index, clock, 9);
            assertThat(index.status().get(0).overlap().effective()).isEqualTo(RefreshOverlap.FLOOR);
            refresh(index, clock, 1);
            FactoryStatus.Overlap widened = index.status().get(0).overlap();
            assertThat(widened.lateWrites()).isEqualTo(1);
            assertThat(widened.lastLateness()).isEqualTo(Duration.ofSeconds(5));
            assertThat(widened.effective()).as("how late it was listed").isEqualTo(Duration.ofSeconds(35));

            refresh(index, clock, 2);
            assertThat(index.queryPipelineRuns(sim.factory, new RunQuery(NOW.minus(Duration.ofHours(1)),
                    NOW.plus(Duration.ofHours(1)), Set.of("pl_late"), Set.of(), 100))).extracting(PipelineRun::runId)
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(index.status().get(0).overlap().lateWrites()).isEqualTo(2);
            assertThat(updates(index, sim, clock.instant())).isEqualTo(updates(sim.adf, sim, clock.instant()));
            index.close();
        }
    }

    @Test
    void dataFactorysClockTwoMinutesAheadOrBehindOursLosesNoRunAndStillReadsOnePage() {
        for (Duration skew : List.of(Duration.ofMinutes(2), Duration.ofMinutes(-2))) {
            MutableClock clock = new MutableClock(NOW);
            DatasetBuilder d = steady(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(14)),
                    Duration.ofMillis(500));
            try (TestSim sim = TestSim.of(d.build(), PAGE, Clock.offset(clock, skew))) {
                RunIndex index = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
                List<Long> requests = refresh(index, clock, 20);
                assertThat(requests.subList(1, requests.size())).as("%s ahead: %s", skew, requests)
                        .allMatch(n -> n == 1);
                assertThat(updates(index, sim, clock.instant())).as("%s ahead", skew).hasSizeGreaterThan(20 * 60)
                        .isEqualTo(updates(sim.adf, sim, clock.instant()));
                assertThat(index.status().get(0).overlap().lateWrites()).isZero();
                index.close();
            }
        }
    }

    @Test
    void aBusyFactoryThatGoesQuietReachesBackNoFurtherThanTheConfiguredOverlapBeforeTheLastRead() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = steady(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(3)),
                Duration.ofMillis(500));
        try (TestSim sim = TestSim.of(d.build(), PAGE, clock)) {
            List<Instant> froms = new ArrayList<>();
            DataFactory recording = new com.adfops.adf.ForwardingDataFactory() {
                @Override
                protected DataFactory delegate() {
                    return sim.adf;
                }

                @Override
                public List<PipelineRun> queryPipelineRuns(com.adfops.adf.FactoryRef f, RunQuery q) {
                    froms.add(q.from());
                    return super.queryPipelineRuns(f, q);
                }
            };
            RunIndex index = new RunIndex(recording, sim.meter, clock, SETTINGS);
            index.refreshAll();
            froms.clear();
            List<Long> requests = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                clock.advance(INTERVAL);
                index.refreshAll();
                requests.add(index.status().get(0).lastRefreshRequests());
                // The read of the refresh at i intervals, against the configured overlap before the one before.
                assertThat(froms.get(froms.size() - 1)).as("refresh %d", i)
                        .isAfterOrEqualTo(NOW.plus(INTERVAL.multipliedBy(i - 1)).minus(OVERLAP));
            }
            // Quiet from NOW+3:00: once the last runs are past the overlap, one page again; the quiet factory's
            // overlap is the configured one again.
            assertThat(requests.subList(18, 30)).as("%s", requests).allMatch(n -> n == 1);
            assertThat(index.status().get(0).overlap().effective()).isEqualTo(OVERLAP);
            assertThat(updates(index, sim, clock.instant())).isEqualTo(updates(sim.adf, sim, clock.instant()));
            index.close();
        }
    }

    @Test
    void aQuietFactoryKeepsTheConfiguredOverlap() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = steady(NOW.minus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(11)),
                Duration.ofMinutes(2));
        try (TestSim sim = TestSim.of(d.build(), PAGE, clock)) {
            RunIndex index = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
            List<Long> requests = refresh(index, clock, 20);
            assertThat(requests).allMatch(n -> n == 1);
            assertThat(index.status().get(0).overlap().effective()).isEqualTo(OVERLAP);
            assertThat(updates(index, sim, clock.instant())).isEqualTo(updates(sim.adf, sim, clock.instant()));
            index.close();
        }
    }
}
