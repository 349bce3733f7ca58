package com.adfops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.answers.AlertView;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.answers.Watchlist;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Detection against a live simulated factory (runs appear as the clock moves): one alert per failed root run and
 * watching conversation, never twice (again, after a restart, with two instances), grouped, digested, snoozed,
 * acknowledged, recovered, and posted again when a post failed.
 */
class AlertMonitorTest {

    static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    final MutableClock clock = new MutableClock(T);
    TestSim sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Records posts and updates; can fail the next posts. */
    static final class FakePoster implements AlertPoster {
        final List<AlertCard> posts = Collections.synchronizedList(new ArrayList<>());
        final List<String> postedIn = Collections.synchronizedList(new ArrayList<>());
        final List<AlertCard> updates = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failNext = new AtomicInteger();
        final AtomicInteger ids = new AtomicInteger();

        @Override
        public CompletableFuture<Posted> post(String conversation, AlertCard card) {
            if (failNext.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("connector down"));
            }
            posts.add(card);
            postedIn.add(conversation);
            return CompletableFuture.completedFuture(new Posted(conversation + ";messageid=" + ids.incrementAndGet(),
                    "act-" + ids.get()));
        }

        @Override
        public CompletableFuture<Void> update(String conversation, Posted where, AlertCard card) {
            updates.add(card);
            return CompletableFuture.completedFuture(null);
        }

        List<AlertView> alertsIn(String conversation) {
            List<AlertView> out = new ArrayList<>();
            for (int i = 0; i < posts.size(); i++) {
                if (postedIn.get(i).equals(conversation) && posts.get(i) instanceof AlertCard.Single a) {
                    out.add(a.view());
                }
            }
            return out;
        }
    }

    /** One bot instance over a store. */
    final class Bot {
        final Watches watches;
        final AlertStore store;
        final AlertService alerts;
        final AlertMonitor monitor;
        final AdfTools tools;
        final FakePoster poster = new FakePoster();

        Bot(StateStore state, int digestAfter) {
            this(state, digestAfter, sim.adf);
        }

        Bot(StateStore state, int digestAfter, com.adfops.adf.DataFactory adf) {
            JsonDocuments docs = new JsonDocuments(state, TestSim.JSON);
            tools = new AdfTools(adf, clock);
            watches = new Watches(docs);
            store = new AlertStore(docs);
            alerts = new AlertService(store, tools, new GuidanceFinder(TestDocs.builtInOnly()), clock);
            monitor = new AlertMonitor(adf, tools, watches, store, alerts, clock,
                    new AlertMonitor.Settings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5), digestAfter));
            monitor.postWith(poster);
        }

        void watch(String conversation, String pattern) {
            watches.watch(conversation, new Watchlist.Watch(pattern, null, "Ana", clock.instant()));
        }
    }

    /** One instance over the factory below whose conversation "conv-all" watched everything before the failures. */
    Bot watchingAllAfterTheFailures() {
        factory();
        Bot bot = new Bot(new InMemoryStateStore(), 5);
        bot.monitor.pass();
        bot.watch("conv-all", "*");
        clock.advance(Duration.ofMinutes(10));
        bot.monitor.pass();
        return bot;
    }

    /** Failures between T+5m and T+8m; a success of pl_sales at T+20m. */
    void factory() {
        DatasetBuilder b = new DatasetBuilder("df-alerts");
        b.run("pl_sales", T.plus(Duration.ofMinutes(5)), 60, "Failed")
                .activity("Load sales", "Copy", 0, 55, "Failed", "2011", "The integration runtime is offline.");
        DatasetBuilder.Run parent = b.run("pl_parent", T.plus(Duration.ofMinutes(5)), 120, "Failed");
        DatasetBuilder.Run child = b.run("pl_child", T.plus(Duration.ofMinutes(5)).plusSeconds(10), 90, "Failed", parent);
        child.activity("Copy rows", "Copy", 0, 80, "Failed", "2200", "Failure happened on 'Sink' side.");
        parent.executePipeline("Run child", 5, 110, child, "Failed");
        b.run("pl_a", T.plus(Duration.ofMinutes(6)), 30, "Failed")
                .activity("Copy to lake", "Copy", 0, 25, "Failed", "2200", "Lake is read-only.");
        b.run("pl_b", T.plus(Duration.ofMinutes(7)), 30, "Failed")
                .activity("Copy to lake", "Copy", 0, 25, "Failed", "2200", "Lake is read-only.");
        b.run("pl_hr", T.plus(Duration.ofMinutes(6)), 30, "Succeeded");
        b.run("pl_sales", T.plus(Duration.ofMinutes(20)), 60, "Succeeded");
        sim = TestSim.of(b.build(), 50, clock);
    }

    @Test
    void oneAlertPerFailedRootRunInEachWatchingConversationNeverTwiceAndRecovered() {
        factory();
        StateStore state = new InMemoryStateStore();
        Bot bot = new Bot(state, 5);
        bot.monitor.pass();                       // first pass: from now on
        bot.watch("conv-all", "*");
        bot.watch("conv-child", "pl_child");
        bot.watch("conv-hr", "pl_hr");
        bot.watch("conv-finance", "fin*");
        // Watching now does not alert for what failed before (a failure that ended before the watch is history).
        clock.advance(Duration.ofMinutes(6).plusSeconds(30));
        bot.watch("conv-late", "pl_sales");
        bot.watch("conv-late", "pl_b");
        clock.advance(Duration.ofMinutes(3).plusSeconds(30));

        bot.monitor.pass();

        List<AlertView> all = bot.poster.alertsIn("conv-all");
        assertThat(all).extracting(AlertView::pipeline).containsExactlyInAnyOrder("pl_sales", "pl_parent", "pl_a");
        AlertView group = all.stream().filter(a -> a.pipeline().equals("pl_a")).findFirst().orElseThrow();
        assertThat(group.others()).singleElement().asString().startsWith("pl_b · run ");
        AlertView sales = all.stream().filter(a -> a.pipeline().equals("pl_sales")).findFirst().orElseThrow();
        assertThat(sales.state()).isEqualTo(AlertView.State.OPEN);
        assertThat(sales.cause().errorCode()).isEqualTo("2011");
        assertThat(sales.cause().text()).contains("Load sales").contains("integration runtime is offline");
        assertThat(sales.cause().nextStep()).isNotBlank();
        // The child pipeline is watched: its root run's alert, once.
        assertThat(bot.poster.alertsIn("conv-child")).extracting(AlertView::pipeline).containsExactly("pl_parent");
        assertThat(bot.poster.alertsIn("conv-hr")).isEmpty();
        assertThat(bot.poster.alertsIn("conv-finance")).isEmpty();
        assertThat(bot.poster.alertsIn("conv-late")).extracting(AlertView::pipeline).containsExactly("pl_b");
        int posted = bot.poster.posts.size();

        // Again, and after a restart (a new instance on the same store): nothing more.
        bot.monitor.pass();
        Bot restarted = new Bot(state, 5);
        restarted.monitor.pass();
        assertThat(bot.poster.posts).hasSize(posted);
        assertThat(restarted.poster.posts).isEmpty();

        // pl_sales succeeds later: its card says so and loses its buttons.
        clock.advance(Duration.ofMinutes(15));
        restarted.monitor.pass();
        assertThat(restarted.poster.updates).singleElement().satisfies(u -> {
            AlertView v = ((AlertCard.Single) u).view();
            assertThat(v.pipeline()).isEqualTo("pl_sales");
            assertThat(v.state()).isEqualTo(AlertView.State.RECOVERED);
            assertThat(v.response().recoveredRun()).isNotBlank();
        });
    }

    @Test
    void twoInstancesOnOneStorePostEachAlertOnce() throws Exception {
        StateStore shared = new InMemoryStateStore();
        twoInstancesPostOnce(shared, shared);
    }

    /** Two instances on one store (given as two clients of it) post each alert once. */
    void twoInstancesPostOnce(StateStore first, StateStore second) throws Exception {
        factory();
        Bot one = new Bot(first, 5);
        Bot two = new Bot(second, 5);
        one.monitor.pass();
        one.watch("conv-all", "*");
        clock.advance(Duration.ofMinutes(10));
        Thread a = new Thread(one.monitor::pass);
        Thread b = new Thread(two.monitor::pass);
        a.start();
        b.start();
        a.join();
        b.join();
        List<AlertView> posted = new ArrayList<>(one.poster.alertsIn("conv-all"));
        posted.addAll(two.poster.alertsIn("conv-all"));
        // Every failed root run is on exactly one card: its own, or listed on a card with the same root cause, when
        // posted or by a later update that joins it to a card the other instance posted first (which happens depends
        // on which instance claimed which run first); and none is on two cards.
        java.util.Map<String, java.util.Set<String>> onCards = new java.util.HashMap<>();
        for (AlertView card : posted) {
            onCards.computeIfAbsent(card.pipeline(), k -> new java.util.HashSet<>()).add(card.runId());
            card.others().forEach(o -> onCards.computeIfAbsent(o.substring(0, o.indexOf(" · ")),
                    k -> new java.util.HashSet<>()).add(card.runId()));
        }
        List<AlertCard> updates = new ArrayList<>(one.poster.updates);
        updates.addAll(two.poster.updates);
        for (AlertCard u : updates) {
            if (u instanceof AlertCard.Single updated) {
                updated.view().others().forEach(o -> onCards.computeIfAbsent(o.substring(0, o.indexOf(" · ")),
                        k -> new java.util.HashSet<>()).add(updated.view().runId()));
            }
        }
        assertThat(onCards.keySet()).containsExactlyInAnyOrder("pl_sales", "pl_parent", "pl_a", "pl_b");
        assertThat(onCards.values()).as("cards each run is on").allMatch(cards -> cards.size() == 1);
        assertThat(posted.stream().map(AlertView::pipeline)).as("own cards").doesNotHaveDuplicates();
    }

    @Test
    void aLaterFailureWithTheSameRootCauseJoinsTheOpenCardInsteadOfANewOne() {
        factory();
        Bot bot = new Bot(new InMemoryStateStore(), 5);
        bot.monitor.pass();
        bot.watch("conv-all", "*");
        clock.advance(Duration.ofMinutes(6).plusSeconds(40));   // pl_a has failed, pl_b not yet
        bot.monitor.pass();
        assertThat(bot.poster.alertsIn("conv-all")).extracting(AlertView::pipeline).contains("pl_a").doesNotContain("pl_b");

        clock.advance(Duration.ofMinutes(1).plusSeconds(20));   // pl_b failed the same way, 1 minute later
        bot.monitor.pass();

        // pl_parent (another cause) gets its own card; pl_b none: it is listed on pl_a's.
        assertThat(bot.poster.alertsIn("conv-all")).extracting(AlertView::pipeline)
                .containsExactlyInAnyOrder("pl_sales", "pl_a", "pl_parent");
        assertThat(bot.poster.updates).singleElement().satisfies(u -> {
            AlertView v = ((AlertCard.Single) u).view();
            assertThat(v.pipeline()).isEqualTo("pl_a");
            assertThat(v.others()).singleElement().asString().startsWith("pl_b · run ");
        });
    }

    @Test
    void acknowledgeAndSnoozeChangeTheCardAndSnoozeSilencesThePipelineHere() {
        Bot bot = watchingAllAfterTheFailures();
        AlertView sales = bot.poster.alertsIn("conv-all").stream().filter(a -> a.pipeline().equals("pl_sales"))
                .findFirst().orElseThrow();

        AlertView acked = ((AlertOutcome.Shown) bot.alerts.acknowledge(sales.alertId(), "Bo")).view();
        assertThat(acked.state()).isEqualTo(AlertView.State.ACKNOWLEDGED);
        assertThat(acked.response().by()).isEqualTo("Bo");
        assertThat(acked.response().at()).isEqualTo(clock.instant());
        AlertView again = ((AlertOutcome.Shown) bot.alerts.acknowledge(sales.alertId(), "Cy")).view();
        assertThat(again.response().by()).as("the first to acknowledge owns it").isEqualTo("Bo");

        AlertView parent = bot.poster.alertsIn("conv-all").stream().filter(a -> a.pipeline().equals("pl_parent"))
                .findFirst().orElseThrow();
        AlertView snoozed = ((AlertOutcome.Shown) bot.alerts.snooze(parent.alertId(), "tomorrow", "Ana",
                ZoneId.of("Europe/Oslo"))).view();
        assertThat(snoozed.state()).isEqualTo(AlertView.State.SNOOZED);
        assertThat(snoozed.response().until()).isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
        assertThat(bot.store.snoozedUntil("conv-all", "PL_PARENT", clock.instant())).isPresent();
        assertThat(bot.store.snoozedUntil("conv-other", "pl_parent", clock.instant())).isEmpty();
        assertThat(bot.alerts.snooze(parent.alertId(), "forever", "Ana", ZoneId.of("UTC")))
                .isInstanceOf(AlertOutcome.UnknownSpan.class);
        assertThat(bot.alerts.acknowledge("no-such-alert", "Bo")).isInstanceOf(AlertOutcome.OutOfDate.class);
    }

    @Test
    void manyFailuresAtOnceBecomeOneDigestAndASnoozedPipelineStaysQuiet() {
        DatasetBuilder b = new DatasetBuilder("df-alerts");
        for (int i = 0; i < 7; i++) {
            b.run("pl_batch_" + i, T.plus(Duration.ofMinutes(2 + i)), 30, "Failed")
                    .activity("Step " + i, "Copy", 0, 25, "Failed", "21" + i, "Failure " + i);
        }
        b.run("pl_quiet", T.plus(Duration.ofMinutes(3)), 30, "Failed")
                .activity("Quiet", "Copy", 0, 25, "Failed", "2200", "quiet");
        sim = TestSim.of(b.build(), 50, clock);
        Bot bot = new Bot(new InMemoryStateStore(), 5);
        bot.monitor.pass();
        bot.watch("conv-all", "pl_batch_*");
        bot.watch("conv-quiet", "pl_quiet");
        bot.store.snooze("conv-quiet", "pl_quiet", T.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(12));
        bot.monitor.pass();

        assertThat(bot.poster.posts).singleElement().satisfies(p -> {
            assertThat(p).isInstanceOf(AlertCard.Digest.class);
            assertThat(((AlertCard.Digest) p).alerts()).hasSize(7);
        });
        assertThat(bot.poster.postedIn).containsExactly("conv-all");
    }

    @Test
    void aPostThatFailedIsTriedAgainAndPostedOnce() {
        factory();
        Bot bot = new Bot(new InMemoryStateStore(), 5);
        bot.monitor.pass();
        bot.watch("conv-sales", "pl_sales");
        bot.poster.failNext.set(1);
        clock.advance(Duration.ofMinutes(10));
        bot.monitor.pass();
        assertThat(bot.poster.posts).isEmpty();

        bot.monitor.pass();
        assertThat(bot.poster.posts).as("not before the retry delay").isEmpty();
        clock.advance(AlertDelivery.RETRY_POSTING_AFTER.plusSeconds(1));
        bot.monitor.pass();
        bot.monitor.pass();
        assertThat(bot.poster.alertsIn("conv-sales")).extracting(AlertView::pipeline).containsExactly("pl_sales");
    }

    /**
     * Azure Monitor's Resolved recovers the cards its Fired covered, even when detection had posted them first, and no
     * other card: nothing for an alert that covered none, nothing twice.
     */
    @Test
    void aResolvedRecoversOnlyTheCardsItsFiredCoveredEvenWhenDetectionPostedThemFirst() {
        Bot bot = watchingAllAfterTheFailures();
        int posted = bot.poster.posts.size();
        com.adfops.adf.FactoryRef f = sim.adf.factories().get(0);

        AlertMonitor.Ingested fired = bot.monitor.ingest(f, T, clock.instant(), java.util.Set.of("pl_sales"));

        assertThat(bot.poster.posts).as("no second card").hasSize(posted);
        assertThat(fired.alertIds()).hasSize(1);
        assertThat(bot.monitor.resolved(f, List.of(), java.util.Set.of(), clock.instant())).isZero();
        assertThat(bot.monitor.resolved(f, fired.alertIds(), java.util.Set.of("pl_other"), clock.instant())).isZero();
        assertThat(bot.monitor.resolved(f, fired.alertIds(), java.util.Set.of("pl_sales"), clock.instant())).isEqualTo(1);
        assertThat(bot.monitor.resolved(f, fired.alertIds(), java.util.Set.of(), clock.instant()))
                .as("a recovered card is not recovered again").isZero();
        assertThat(bot.poster.updates).hasSize(1);
    }

    /** The process dying: an Error no catch in the monitor takes. */
    static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }

    /** A store that dies just before its n-th write (counted once armed). */
    static class DyingStore implements StateStore {
        final StateStore inner;
        final AtomicInteger left = new AtomicInteger(-1);

        DyingStore(StateStore inner) {
            this.inner = inner;
        }

        @Override
        public java.util.Optional<Versioned> read(String key) {
            return inner.read(key);
        }

        @Override
        public String write(String key, String json, String expectedVersion) {
            if (left.get() > 0 && left.decrementAndGet() == 0) {
                throw new Killed();
            }
            return inner.write(key, json, expectedVersion);
        }

        @Override
        public void delete(String key) {
            inner.delete(key);
        }

        @Override
        public java.util.List<String> keys(String folder) {
            return inner.keys(folder);
        }
    }

    /**
     * The process is killed before each write of a detection pass in turn (the claim's two writes, grouping, the
     * posted record, the watermark): a restarted instance on the same store posts the alert, exactly once when the
     * kill came before the connector took the card (the one window after it is the test below).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "killed before write {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void anAlertCutShortBetweenAnyTwoStepsArrivesExactlyOnceAfterARestart(int killBefore) {
        factory();
        InMemoryStateStore disk = new InMemoryStateStore();
        DyingStore dying = new DyingStore(disk);
        Bot first = new Bot(dying, 5);
        first.monitor.pass();
        first.watch("conv-sales", "pl_sales");
        clock.advance(Duration.ofMinutes(10));
        dying.left.set(killBefore);
        boolean killed = false;
        try {
            first.monitor.pass();
        } catch (Killed e) {
            killed = true;
        }
        AlertStore onDisk = new AlertStore(new JsonDocuments(disk, TestSim.JSON));
        boolean tookButUnrecorded = killed && !first.poster.posts.isEmpty() && onDisk.open().stream()
                .anyMatch(id -> onDisk.find(id).map(a -> a.state() == AlertRecord.State.POSTING).orElse(false));
        Bot restarted = new Bot(disk, 5);
        for (int i = 0; i < 4; i++) {
            restarted.monitor.pass();
            clock.advance(AlertDelivery.RETRY_POSTING_AFTER.plusSeconds(1));
        }
        List<AlertView> posted = new ArrayList<>(first.poster.alertsIn("conv-sales"));
        posted.addAll(restarted.poster.alertsIn("conv-sales"));
        if (tookButUnrecorded) {
            // Killed after the connector took the card, before it was recorded: see the test below.
            assertThat(posted).extracting(AlertView::pipeline).containsExactly("pl_sales", "pl_sales");
        } else {
            assertThat(posted).as(killed ? "killed before write " + killBefore : "not killed")
                    .extracting(AlertView::pipeline).containsExactly("pl_sales");
        }
        assertThat(onDisk.open()).as("alerts still to be posted")
                .noneMatch(id -> onDisk.find(id).map(a -> a.state() == AlertRecord.State.POSTING).orElse(true));
    }

    /**
     * Killed after the Bot Connector took the card and before it was recorded: the restarted instance cannot know it
     * went out (the connector has no idempotency key), so it posts it again: at least once, at most twice, never lost.
     */
    @Test
    void anAlertCutShortAfterTheConnectorTookItIsPostedAgainNeverLost() {
        factory();
        InMemoryStateStore disk = new InMemoryStateStore();
        Bot first = new Bot(disk, 5);
        first.monitor.pass();
        first.watch("conv-sales", "pl_sales");
        AlertPoster dies = new AlertPoster() {
            @Override
            public CompletableFuture<Posted> post(String conversation, AlertCard card) {
                first.poster.post(conversation, card);
                throw new Killed();
            }

            @Override
            public CompletableFuture<Void> update(String conversation, Posted where, AlertCard card) {
                return first.poster.update(conversation, where, card);
            }
        };
        first.monitor.postWith(dies);
        clock.advance(Duration.ofMinutes(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(first.monitor::pass).isInstanceOf(Killed.class);
        Bot restarted = new Bot(disk, 5);
        for (int i = 0; i < 3; i++) {
            restarted.monitor.pass();
            clock.advance(AlertDelivery.RETRY_POSTING_AFTER.plusSeconds(1));
        }
        assertThat(first.poster.alertsIn("conv-sales")).hasSize(1);
        assertThat(restarted.poster.alertsIn("conv-sales")).hasSize(1);
    }

    /** A store that cannot be written while an alert is claimed keeps the window to be read again: nothing is lost. */
    @Test
    void aStoreFailureWhileClaimingKeepsTheWatermarkSoTheAlertComesNextPass() {
        factory();
        InMemoryStateStore disk = new InMemoryStateStore();
        AtomicInteger failWrites = new AtomicInteger();
        StateStore flaky = new DyingStore(disk) {
            @Override
            public String write(String key, String json, String expectedVersion) {
                // New documents fail (claims); updates of existing ones (the watermark) go through.
                if (failWrites.get() > 0 && expectedVersion == null) {
                    failWrites.decrementAndGet();
                    throw new StoreException("storage unreachable", null);
                }
                return inner.write(key, json, expectedVersion);
            }
        };
        Bot bot = new Bot(flaky, 5);
        bot.monitor.pass();
        bot.watch("conv-sales", "pl_sales");
        clock.advance(Duration.ofMinutes(10));
        failWrites.set(1_000);
        bot.monitor.pass();
        assertThat(bot.poster.posts).isEmpty();
        failWrites.set(0);
        clock.advance(Duration.ofMinutes(30));
        bot.monitor.pass();
        assertThat(bot.poster.alertsIn("conv-sales")).extracting(AlertView::pipeline).containsExactly("pl_sales");
    }

    @Test
    void aWatchedRunPastItsUsualDurationGetsOneRunningLongAlertThatRecoversWhenItSucceeds() {
        DatasetBuilder b = new DatasetBuilder("df-alerts");
        for (int i = 1; i <= 10; i++) {
            b.run("pl_nightly", T.minus(Duration.ofHours(6L * i)), 600, "Succeeded");
        }
        // Starts at T, usually 10 minutes; this one takes 40.
        b.run("pl_nightly", T.plusSeconds(10), 2400, "Succeeded");
        sim = TestSim.of(b.build(), 50, clock);
        // Running long reads a week of runs each pass: only from the run index's memory.
        com.adfops.index.RunIndex index = new com.adfops.index.RunIndex(sim.adf, new com.adfops.adf.RequestMeter(), clock,
                new com.adfops.index.RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5),
                        100, Duration.ofSeconds(15)));
        Bot direct = new Bot(new InMemoryStateStore(), 5);
        Bot bot = new Bot(new InMemoryStateStore(), 5, index);
        index.refreshAll();
        bot.monitor.pass();
        direct.monitor.pass();
        bot.watch("conv-all", "*");
        direct.watch("conv-all", "*");

        clock.advance(Duration.ofMinutes(10));
        index.refreshAll();
        bot.monitor.pass();
        assertThat(bot.poster.posts).as("within its usual time").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        index.refreshAll();
        bot.monitor.pass();
        bot.monitor.pass();
        direct.monitor.pass();
        assertThat(direct.poster.posts).as("without the run index, no week is read from Data Factory every pass").isEmpty();
        assertThat(bot.poster.alertsIn("conv-all")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertView.Kind.RUNNING_LONG);
            assertThat(a.cause().source()).isEqualTo(AlertView.Cause.Source.RUNNING_LONG);
            assertThat(a.cause().text()).isEqualTo("usually 10m 0s–10m 0s, p95 10m 0s (its last 10 successful "
                    + "runs, over 2 days); running 19m 50s, 2.0x the p95");
        });

        clock.advance(Duration.ofMinutes(25));   // the run ends, successfully
        index.refreshAll();
        bot.monitor.pass();
        assertThat(bot.poster.updates).singleElement()
                .satisfies(u -> assertThat(((AlertCard.Single) u).view().state()).isEqualTo(AlertView.State.RECOVERED));
    }

    @Test
    void aWatchedNightlyRunFourTimesItsUsualIsAlertedThoughItsHistoryIsOlderThanTheMemory() {
        DatasetBuilder b = new DatasetBuilder("df-alerts");
        for (int d = 1; d <= 12; d++) {
            // A run every night at T - d days, 20 minutes: the week's memory holds 7 of them, too few on its own.
            b.run("pl_nightly", T.minus(Duration.ofDays(d)), 1200, "Succeeded");
        }
        // Tonight's starts at T and takes 80 minutes.
        b.run("pl_nightly", T.plusSeconds(10), 4800, "Succeeded");
        sim = TestSim.of(b.build(), 50, clock);
        com.adfops.index.RunIndex index = new com.adfops.index.RunIndex(sim.adf, new com.adfops.adf.RequestMeter(), clock,
                new com.adfops.index.RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5),
                        100, Duration.ofSeconds(15)));
        Bot bot = new Bot(new InMemoryStateStore(), 5, index);
        index.refreshAll();
        bot.monitor.pass();
        bot.watch("conv-all", "*");

        clock.advance(Duration.ofMinutes(20));
        index.refreshAll();
        bot.monitor.pass();
        assertThat(bot.poster.posts).as("within its usual 20 minutes (x 1.25)").isEmpty();
        // The pass asked for its baseline and did not wait for it: it is read back meanwhile.
        bot.tools.baselines().pending().join();

        clock.advance(Duration.ofMinutes(20));
        index.refreshAll();
        bot.monitor.pass();
        assertThat(bot.poster.alertsIn("conv-all")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertView.Kind.RUNNING_LONG);
            assertThat(a.cause().text()).isEqualTo("usually 20m 0s–20m 0s, p95 20m 0s (its last 12 successful "
                    + "runs, over 12 days); running 39m 50s, 2.0x the p95");
        });
        index.close();
    }

    /**
     * Two factories in memory: {@code df-long} (listed first) with runs in progress whose baselines must be read back
     * (their successes are older than the week a pass reads), and {@code df-fail} with a failure. A read back (a query
     * for named pipelines reaching past the week) is recorded and blocks until {@link #release} opens.
     */
    static final class TwoFactories implements com.adfops.adf.DataFactory {
        final com.adfops.adf.FactoryRef longRuns = new com.adfops.adf.FactoryRef("sub-1", "rg-1", "df-long");
        final com.adfops.adf.FactoryRef failing = new com.adfops.adf.FactoryRef("sub-1", "rg-1", "df-fail");
        final List<com.adfops.adf.PipelineRun> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> baselineReads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        void run(com.adfops.adf.FactoryRef f, String id, String pipeline, com.adfops.adf.RunStatus status, Instant start,
                 Instant end) {
            Long ms = end == null ? null : Duration.between(start, end).toMillis();
            runs.add(new com.adfops.adf.PipelineRun(f, id, pipeline, status, "", start, end, end == null ? start : end, ms,
                    java.util.Map.of(), "ScheduleTrigger", "tr", null, null, null));
        }

        @Override
        public List<com.adfops.adf.FactoryRef> factories() {
            return List.of(longRuns, failing);
        }

        @Override
        public List<String> listPipelineNames(com.adfops.adf.FactoryRef f) {
            return runs.stream().filter(r -> r.factory().equals(f)).map(com.adfops.adf.PipelineRun::pipelineName).distinct()
                    .toList();
        }

        @Override
        public List<com.adfops.adf.PipelineRun> queryPipelineRuns(com.adfops.adf.FactoryRef f, com.adfops.adf.RunQuery q) {
            // A read back reaches past the week a pass reads (the pass's own week of the watched pipelines does not).
            if (!q.pipelineNames().isEmpty() && Duration.between(q.from(), q.to()).compareTo(Duration.ofDays(8)) > 0) {
                baselineReads.addAll(q.pipelineNames());
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return runs.stream().filter(r -> r.factory().equals(f))
                    .filter(r -> !r.lastUpdated().isBefore(q.from()) && r.lastUpdated().isBefore(q.to()))
                    .filter(r -> q.pipelineNames().isEmpty() || q.pipelineNames().contains(r.pipelineName()))
                    .filter(r -> q.statuses().isEmpty() || q.statuses().contains(r.status())).toList();
        }

        @Override
        public List<com.adfops.adf.ActivityRun> queryActivityRuns(com.adfops.adf.FactoryRef f, com.adfops.adf.PipelineRun run) {
            return List.of();
        }

        @Override
        public java.util.Optional<com.adfops.adf.PipelineRun> getPipelineRun(com.adfops.adf.FactoryRef f, String runId) {
            return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
        }

        @Override
        public com.adfops.adf.Freshness freshness(com.adfops.adf.FactoryRef f, com.adfops.adf.RunQuery query) {
            return new com.adfops.adf.Freshness(Instant.now(), true, null);
        }
    }

    @Test
    void aFailureAlertIsNotHeldBackByABaselineReadThatBlocksAndOnlyWatchedPipelinesBaselinesAreRead() {
        TwoFactories adf = new TwoFactories();
        for (int d = 8; d <= 17; d++) {
            // Ten successes of 10 minutes, older than the week a pass reads: a baseline must be read back.
            adf.run(adf.longRuns, "long-ok-" + d, "pl_long", com.adfops.adf.RunStatus.SUCCEEDED,
                    T.minus(Duration.ofDays(d)), T.minus(Duration.ofDays(d)).plus(Duration.ofMinutes(10)));
            adf.run(adf.longRuns, "other-ok-" + d, "pl_other", com.adfops.adf.RunStatus.SUCCEEDED,
                    T.minus(Duration.ofDays(d)), T.minus(Duration.ofDays(d)).plus(Duration.ofMinutes(10)));
        }
        // Both in progress since an hour before T; only pl_long is watched.
        adf.run(adf.longRuns, "long-now", "pl_long", com.adfops.adf.RunStatus.IN_PROGRESS, T.minus(Duration.ofHours(1)), null);
        adf.run(adf.longRuns, "other-now", "pl_other", com.adfops.adf.RunStatus.IN_PROGRESS, T.minus(Duration.ofHours(1)), null);
        // pl_fail fails in the other factory, listed after the first.
        adf.run(adf.failing, "fail-1", "pl_fail", com.adfops.adf.RunStatus.FAILED, T.plus(Duration.ofMinutes(1)),
                T.plus(Duration.ofMinutes(2)));
        Bot bot = new Bot(new InMemoryStateStore(), 5, adf);
        List<Integer> readsWhenPosted = new java.util.concurrent.CopyOnWriteArrayList<>();
        bot.monitor.postWith(new AlertPoster() {
            @Override
            public CompletableFuture<Posted> post(String conversation, AlertCard card) {
                readsWhenPosted.add(adf.baselineReads.size());
                return bot.poster.post(conversation, card);
            }

            @Override
            public CompletableFuture<Void> update(String conversation, Posted where, AlertCard card) {
                return bot.poster.update(conversation, where, card);
            }
        });
        try {
            bot.monitor.pass();                   // first pass: from now on
            bot.watch("conv", "pl_long");
            bot.watch("conv", "pl_fail");
            clock.advance(Duration.ofMinutes(5));
            bot.monitor.pass();
            // The pass returned while pl_long's baseline read is still blocked, with the failure alert posted, before
            // any baseline was asked for.
            assertThat(adf.release.getCount()).isEqualTo(1);
            assertThat(bot.poster.alertsIn("conv")).singleElement().satisfies(a -> {
                assertThat(a.pipeline()).isEqualTo("pl_fail");
                assertThat(a.state()).isNotEqualTo("runninglong");
            });
            assertThat(readsWhenPosted).containsExactly(0);
        } finally {
            adf.release.countDown();
        }
        bot.tools.baselines().pending().join();
        assertThat(adf.baselineReads).as("only the watched pipeline's baseline").containsExactly("pl_long");
        // The next pass judges pl_long on the baseline read meanwhile: 65 minutes against its usual 10.
        clock.advance(Duration.ofMinutes(1));
        bot.monitor.pass();
        assertThat(bot.poster.alertsIn("conv")).extracting(AlertView::kind).hasSize(2).contains(AlertView.Kind.RUNNING_LONG);
        assertThat(adf.baselineReads).containsExactly("pl_long");
    }

    @Test
    void patternsMatchCaseInsensitivelyWithStars() {
        assertThat(Watches.matches("*", "anything")).isTrue();
        assertThat(Watches.matches("Finance-*", "finance-gl_export")).isTrue();
        assertThat(Watches.matches("Finance-*", "hr-finance-x")).isFalse();
        assertThat(Watches.matches("*_load", "pl_gl_load")).isTrue();
        assertThat(Watches.matches("pl_*_load", "pl_gl_load")).isTrue();
        assertThat(Watches.matches("pl_*_load", "pl_gl_load_v2")).isFalse();
        assertThat(Watches.matches("pl_sales", "PL_SALES")).isTrue();
        assertThat(Watches.matches("pl_sales", "pl_sales_2")).isFalse();
    }
}
