package com.adfops.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.adfops.FakeFactory;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.BillableDuration;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunStatus;
import com.adfops.index.RunIndex;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The background reader of finished runs' billing: each run read once, newest first (a run that just finished before
 * the rest of the backfill), within its budget (counted on a clock the test moves: no timing), questions' reads
 * charged without waiting, summaries leaving with their runs, and kept in the state store across a restart.
 */
class BillingLedgerTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    MutableClock clock;
    FakeFactory adf;
    RunIndex index;
    List<PipelineRun> runs = new ArrayList<>();

    @BeforeEach
    void factory() {
        clock = new MutableClock(NOW);
        adf = new FakeFactory("df-ledger");
        // 40 runs, one an hour (run-39 the newest), each a copy of 0.5 DIU-hours and one activity run without billing.
        for (int i = 0; i < 40; i++) {
            runs.add(run("run-" + i, NOW.minus(Duration.ofHours(40 - i))));
        }
        index = new RunIndex(adf, new RequestMeter(), clock, new RunIndex.Settings(Duration.ofDays(14),
                Duration.ofSeconds(30), Duration.ofMinutes(5), 5000, Duration.ofSeconds(15)));
        index.refreshAll();
    }

    private PipelineRun run(String id, Instant start) {
        return adf.run(id, "pl_hourly", start, 600, RunStatus.SUCCEEDED, 1,
                new BillableDuration("DataMovement", "AzureIR", 0.5, "DIUHours"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    BillingLedger ledger(double perSecond, BillingStore store) {
        return new BillingLedger(index, clock, new BillingLedger.Settings(perSecond, 2, Duration.ofDays(14)), store);
    }

    @Test
    void readsEachFinishedRunOnceNewestFirstWithinItsRate() {
        BillingLedger ledger = ledger(4, null);
        // Four a second: a second's worth at once, then four more for each second that passes.
        assertThat(ledger.drain()).isEqualTo(4);
        assertThat(adf.readOrder).containsExactly("run-39", "run-38", "run-37", "run-36");
        assertThat(ledger.drain()).isZero();
        clock.advance(Duration.ofMillis(500));
        assertThat(ledger.drain()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.drain()).isEqualTo(4);
        assertThat(adf.readOrder).containsExactly("run-39", "run-38", "run-37", "run-36", "run-35", "run-34", "run-33",
                "run-32", "run-31", "run-30");

        // A run finishes: after the index's refresh it is read before the backfill goes on.
        run("run-new", NOW.minus(Duration.ofMinutes(12)));
        clock.advance(Duration.ofSeconds(30));
        index.refreshAll();
        assertThat(ledger.drain()).isEqualTo(4);
        assertThat(adf.readOrder.subList(10, 14)).containsExactly("run-new", "run-29", "run-28", "run-27");

        // The rest at the rate (30 in 7.5 s), then nothing more: every run read exactly once.
        for (int s = 0; s < 10; s++) {
            clock.advance(Duration.ofSeconds(1));
            ledger.drain();
        }
        assertThat(adf.reads()).isEqualTo(41);
        assertThat(adf.readsOf.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(ledger.drain()).isZero();
        assertThat(ledger.backgroundReads()).isEqualTo(41);
        // Each summary: 0.5 DIU-hours and two activity runs on Azure IR.
        BilledRun b = ledger.get(runs.get(0));
        assertThat(b.activityRuns()).containsEntry("AzureIR", 2);
        assertThat(b.billed()).singleElement().satisfies(x -> assertThat(x.duration()).isCloseTo(0.5, within(1e-12)));
    }

    @Test
    void afterARefreshOnlyTheRunsUpdatedSinceTheLastListingAreListedUntilTheNextFullListing() {
        BillingLedger ledger = ledger(4, null);
        ledger.drain();
        assertThat(ledger.lastListed()).isEqualTo(40);
        // A run finishes and the index refreshes: the listing builds only the runs updated since the last one (less
        // its overlap), not the 41 the memory holds, and the new run is still read before the rest of the backlog.
        run("run-new", NOW.minus(Duration.ofMinutes(12)));
        clock.advance(Duration.ofSeconds(30));
        index.refreshAll();
        assertThat(ledger.drain()).isEqualTo(4);
        assertThat(ledger.lastListed()).isEqualTo(1);
        assertThat(adf.readOrder).containsExactly("run-39", "run-38", "run-37", "run-36", "run-new", "run-35", "run-34",
                "run-33");
        // Ten minutes on, the listing looks at every run of the memory again; the backlog goes on where it was.
        clock.advance(RunsToRead.FULL_LISTING_EVERY);
        index.refreshAll();
        assertThat(ledger.drain()).isEqualTo(4);
        assertThat(ledger.lastListed()).isEqualTo(41);
        assertThat(adf.readOrder.subList(8, 12)).containsExactly("run-32", "run-31", "run-30", "run-29");
    }

    @Test
    void questionsReadsAreChargedWithoutWaitingAndTheBackfillPaysForThem() {
        BillingLedger ledger = ledger(4, null);
        assertThat(ledger.drain()).isEqualTo(4);
        // A question reads four runs itself while the budget is spent: it does not wait (the clock never moves here).
        for (int i = 0; i < 4; i++) {
            ledger.record(runs.get(i), adf.queryActivityRuns(adf.factory, runs.get(i)));
        }
        assertThat(ledger.get(runs.get(0))).isNotNull();
        // The background reader then waits until those four are paid for.
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.drain()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.drain()).isEqualTo(4);
        // Nothing is read twice: the question's runs are not read again by the backfill.
        for (int s = 0; s < 10; s++) {
            clock.advance(Duration.ofSeconds(1));
            ledger.drain();
        }
        assertThat(adf.readsOf.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    }

    @Test
    void anUnexpectedFailurePausesTheReaderLikeADataFactoryError() {
        BillingLedger ledger = ledger(4, null);
        // The newest run's read fails with something that is no DataFactoryException (a bug, an SDK surprise).
        adf.failReadsOf("run-39", new IllegalStateException("unexpected"));
        // One try, then a pause of 30 s: the rest of the second's budget is not spent on more failures.
        assertThat(ledger.drain()).isEqualTo(1);
        assertThat(adf.readOrder).containsExactly("run-39");
        clock.advance(Duration.ofSeconds(29));
        assertThat(ledger.drain()).isZero();
        // After the pause the reader goes on, the failed run first again (it is still the newest not read).
        adf.failReadsOf("run-39", null);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.drain()).isEqualTo(4);
        assertThat(adf.readOrder).containsExactly("run-39", "run-39", "run-38", "run-37", "run-36");
        assertThat(ledger.get(runs.get(39))).isNotNull();
    }

    @Test
    void summariesLeaveWithTheirRuns() {
        BillingLedger ledger = ledger(1000, null);
        assertThat(ledger.drain()).isEqualTo(40);
        assertThat(ledger.size()).isEqualTo(40);
        // Later, the 14 days start 30 h 20 min before NOW: the oldest 10 runs (ended 39 h 50 min to 30 h 50 min
        // before NOW) are no longer held, the 11th (ended 29 h 50 min before) is.
        clock.advance(Duration.ofDays(14).minusHours(30).minusMinutes(20));
        index.refreshAll();
        assertThat(ledger.drain()).isZero();
        assertThat(ledger.size()).isEqualTo(30);
        assertThat(ledger.get(runs.get(9))).isNull();
        assertThat(ledger.get(runs.get(10))).isNotNull();
    }

    @Test
    void theStoreKeepsTheSummariesAcrossARestart() {
        JsonDocuments docs = new JsonDocuments(new InMemoryStateStore(), TestSim.JSON);
        BillingLedger first = ledger(1000, new BillingStore(docs));
        assertThat(first.drain()).isEqualTo(40);
        first.close();
        assertThat(adf.reads()).isEqualTo(40);

        // The next process (or another instance) reads the store, not Data Factory.
        BillingLedger second = ledger(1000, new BillingStore(docs));
        assertThat(second.drain()).isZero();
        assertThat(adf.reads()).isEqualTo(40);
        assertThat(second.get(runs.get(7))).isEqualTo(first.get(runs.get(7)));
        // One document per factory and hour the runs ended in (40 runs an hour apart: 40 hours).
        String folder = com.adfops.state.StateKeys.of("billing", "sub-1/rg-1/df-ledger");
        assertThat(docs.keys(folder)).hasSize(40).contains(folder + "/2026-11-26T11", folder + "/2026-11-24T20");

        // When the oldest ten runs have left the horizon (it starts at 05:39 on Nov 25 then), so have their documents,
        // by whole hours: run 9's (it ended at 05:10) stays with the hour the horizon starts in.
        clock.advance(Duration.ofDays(14).minusHours(30).minusMinutes(20));
        index.refreshAll();
        BillingLedger third = ledger(1000, new BillingStore(docs));
        assertThat(third.drain()).isZero();
        assertThat(third.size()).isEqualTo(30);
        assertThat(docs.keys(folder)).hasSize(31).doesNotContain(folder + "/2026-11-25T04")
                .contains(folder + "/2026-11-25T05");
        assertThat(adf.reads()).isEqualTo(40);
    }

    @Test
    void closingLetsTheReadsInFlightEndAndStopsTheWorker() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        adf.onRead(() -> {
            started.countDown();
            // A read in flight (the Azure SDK logs an interrupted one as an error).
            while (!release.get()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    return;
                }
            }
        });
        java.util.Set<Thread> before = workers();
        BillingLedger ledger = ledger(1000, null).start();
        java.util.Set<Thread> mine = workers();
        mine.removeAll(before);
        assertThat(mine).hasSize(1);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(ledger::close, "closer");
        closer.start();
        // Closing waits (for the worker, then for the reads in flight) instead of interrupting them.
        while (closer.isAlive() && closer.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        release.set(true);
        closer.join();
        assertThat(interrupted).as("a read in flight was interrupted").isFalse();
        assertThat(ledger.get(runs.get(39))).as("the read in flight was kept").isNotNull();
        assertThat(mine).allSatisfy(t -> assertThat(t.isAlive()).as("the worker has ended").isFalse());
    }

    private static java.util.Set<Thread> workers() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("billing-ledger")).forEach(out::add);
        return out;
    }

    @Test
    void theBackgroundReaderKeepsAtMostItsReadsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(40);
        adf.onRead(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            two.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            all.countDown();
        });
        java.util.Set<Thread> before = workers();
        // The clock stands still: the budget of a 1,000-a-second reader is enough for all 40 at once.
        try (BillingLedger ledger = ledger(1000, null).start()) {
            java.util.Set<Thread> mine = workers();
            mine.removeAll(before);
            assertThat(mine).hasSize(1);
            Thread worker = mine.iterator().next();
            assertThat(two.await(30, TimeUnit.SECONDS)).isTrue();
            // Two reads in flight (held): the worker waits for one to end with the next run claimed, and no more (it
            // does not queue the other 37 behind them). Three runs at 1,000 a second: 3 ms to go.
            while (worker.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            assertThat(ledger.timeForWanted()).isEqualTo(Duration.ofMillis(3));
            assertThat(inFlight).hasValue(2);
            release.countDown();
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(most).hasValue(2);
        }
        assertThat(adf.readsOf.values()).hasSize(40).allSatisfy(n -> assertThat(n).hasValue(1));
    }
}
