package com.adfops.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.FakeFactory;
import com.adfops.MutableClock;
import com.adfops.RecordingQueries;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.index.RunIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cost ledger's listing after a refresh asks only for the runs updated since the last listing (and the whole memory
 * every few minutes), and its backlog, hence what it reads and the totals, is the same as when every listing read the
 * whole memory.
 */
class RunsToReadTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Duration HORIZON = Duration.ofHours(3);

    final MutableClock clock = new MutableClock(NOW);
    final FakeFactory adf = new FakeFactory("df-ledger");
    RunIndex index;

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void listingOnlyWhatChangedKeepsTheSameBacklogAndReadsTheSameRunsAsListingEverything() {
        // A run every 5 minutes over the horizon, then one finishing every 2 minutes while the horizon slides.
        int n = 0;
        for (Instant t = NOW.minus(HORIZON); t.isBefore(NOW.minusSeconds(300)); t = t.plusSeconds(300)) {
            adf.run("run-" + n++, "pl_" + n % 3, t, 200, n % 7 == 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED, 1);
        }
        index = loaded(HORIZON);
        RecordingQueries listed = new RecordingQueries(index);
        HeldSummaries changedSummary = new HeldSummaries(clock, HORIZON, null);
        RunsToRead changed = new RunsToRead(listed, changedSummary);
        HeldSummaries everySummary = new HeldSummaries(clock, HORIZON, null);
        RunsToRead everything = new RunsToRead(index, everySummary);
        FactoryRef f = adf.factory;
        int steps = 60;
        java.util.Set<Instant> listingEnds = new java.util.HashSet<>();
        for (int step = 0; step < steps; step++) {
            clock.advance(Duration.ofMinutes(2));
            Instant now = clock.instant();
            listingEnds.add(now.plusSeconds(60));
            adf.run("run-" + n++, "pl_" + n % 3, now.minusSeconds(200), 150, RunStatus.SUCCEEDED, 1);
            if (step % 5 == 2) {
                // Written late: updated four minutes ago, listed by Data Factory only now (inside the index's overlap).
                adf.run("late-" + step, "pl_late", now.minusSeconds(400), 160, RunStatus.CANCELLED, 1);
            }
            index.refreshAll();
            changed.relist(now, false);
            everything.relist(now, true);
            assertThat(ids(changed.backlogOf(f))).as("step %d", step).containsExactlyElementsOf(ids(everything.backlogOf(f)))
                    .isNotEmpty();
            // Each reads its two next runs: the same ones.
            for (int i = 0; i < 2; i++) {
                PipelineRun a = changed.next();
                PipelineRun b = everything.next();
                if (a == null || b == null) {
                    assertThat(a).isEqualTo(b);
                    break;
                }
                assertThat(a.runId()).isEqualTo(b.runId());
                read(changed, changedSummary, a);
                read(everything, everySummary, b);
            }
        }
        // Listings after the first asked for the last hour and some minutes, but every 10 minutes for the whole memory
        // (from its newest runs back, a window at a time: a listing's first query ends at its "now").
        List<RunQuery> listings = listed.asked.stream().filter(q -> listingEnds.contains(q.to())).toList();
        long narrow = listings.stream()
                .filter(q -> Duration.between(q.from(), q.to()).compareTo(RunsToRead.OVERLAP.plusMinutes(5)) < 0).count();
        assertThat(listings).hasSize(steps);
        assertThat(narrow).isBetween(steps * 3L / 4, steps - steps / 6L);
        assertThat(changedSummary.size()).isEqualTo(everySummary.size()).isGreaterThan(steps);
    }

    @Test
    void aBigMemoryIsListedFromItsNewestRunsAWindowAtATimeAndTheBacklogHeldIsBounded() {
        // Three days of a run a minute: 4,320 runs to read, a backlog of at most 100.
        Duration horizon = Duration.ofDays(3);
        int n = 0;
        for (Instant t = NOW.minus(horizon).plusSeconds(600); t.isBefore(NOW.minusSeconds(120)); t = t.plusSeconds(60)) {
            adf.run("run-" + n++, "pl_" + n % 5, t, 30, n % 9 == 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED, 1);
        }
        index = loaded(horizon);
        RecordingQueries listed = new RecordingQueries(index);
        HeldSummaries summaries = new HeldSummaries(clock, horizon, null);
        RunsToRead work = new RunsToRead(listed, summaries, 100);
        FactoryRef f = adf.factory;

        work.relist(NOW, true);
        List<PipelineRun> first = work.backlogOf(f);
        List<PipelineRun> newest = index.queryPipelineRuns(f, new RunQuery(NOW.minus(horizon), NOW.plusSeconds(60),
                java.util.Set.of(), java.util.Set.of(), Integer.MAX_VALUE)).stream().sorted(RunsToRead.NEWEST_FIRST).toList();
        assertThat(ids(first)).as("the 100 newest runs not read").containsExactlyElementsOf(ids(newest.subList(0, 100)));
        assertThat(listed.returned).as("one window of 2 hours was enough: 120 runs built, not 4,320").hasSize(1)
                .allSatisfy(built -> assertThat(built).isBetween(100, 120));

        // Read to the end of each backlog; the next listing (same refresh of the index) goes on with older runs.
        List<String> readOrder = new ArrayList<>();
        for (int listing = 0; listing < 100 && readOrder.size() < n; listing++) {
            PipelineRun r;
            while ((r = work.next()) != null) {
                readOrder.add(r.runId());
                read(work, summaries, r);
            }
            work.relist(NOW, false);
            assertThat(work.backlogOf(f).size()).isLessThanOrEqualTo(100);
        }
        assertThat(readOrder).as("every run read once, newest first").hasSize(n)
                .containsExactlyElementsOf(ids(newest));
        assertThat(listed.returned).as("no listing built more than 8 hours of runs at once")
                .allSatisfy(built -> assertThat(built).isLessThanOrEqualTo(8 * 60 + 1));
        assertThat(work.next()).isNull();
    }

    /** The run index over the factory's runs, loaded, keeping {@code horizon}. */
    private RunIndex loaded(Duration horizon) {
        RunIndex i = new RunIndex(adf, new RequestMeter(), clock, new RunIndex.Settings(horizon, Duration.ofSeconds(30),
                Duration.ofMinutes(5), 100, Duration.ofSeconds(15)));
        i.refreshAll();
        return i;
    }

    private static void read(RunsToRead work, HeldSummaries summaries, PipelineRun r) {
        summaries.keep(r, BilledRun.of(BillingLedger.updated(r), List.of()));
        work.done(r);
    }

    private static List<String> ids(List<PipelineRun> runs) {
        List<String> out = new ArrayList<>();
        runs.forEach(r -> out.add(r.runId()));
        return out;
    }

}
