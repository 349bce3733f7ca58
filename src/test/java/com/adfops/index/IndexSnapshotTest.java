package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.adfops.DatasetBuilder;
import com.adfops.LogCapture;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.bench.GeneratedFactory;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The index's durable snapshot: it reads back to the same runs, a restart publishes it and asks Data Factory only for
 * what changed since (and ends up equal to a load from zero), and a snapshot that cannot be used (corrupt, another
 * format, another factory, older than the horizon) is said in a WARN and the horizon is read as without one.
 */
class IndexSnapshotTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final FactoryRef G = GeneratedFactory.FACTORY;
    static final RunIndex.Settings SETTINGS = new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30),
            Duration.ofMinutes(5), 100, Duration.ofSeconds(15));

    /** Snapshots in memory, with versions as the state store keeps them. */
    static final class MemorySnapshots implements SnapshotStore {
        final Map<String, byte[]> docs = new ConcurrentHashMap<>();
        final Map<String, String> versions = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public Optional<byte[]> read(String key) {
            return Optional.ofNullable(docs.get(key));
        }

        @Override
        public Optional<String> version(String key) {
            return Optional.ofNullable(versions.get(key));
        }

        @Override
        public synchronized boolean write(String key, byte[] bytes, String expectedVersion) {
            if (!java.util.Objects.equals(versions.get(key), expectedVersion)) {
                return false;
            }
            docs.put(key, bytes.clone());
            versions.put(key, Integer.toString(writes.incrementAndGet()));
            return true;
        }
    }

    static RunQuery query(Instant from, Instant to) {
        return new RunQuery(from, to, Set.of(), Set.of(), Integer.MAX_VALUE);
    }

    /** Run id to status: what a second index must agree on with the first. */
    static Map<String, RunStatus> statuses(List<PipelineRun> runs) {
        Map<String, RunStatus> out = new TreeMap<>();
        runs.forEach(r -> out.put(r.runId(), r.status()));
        return out;
    }

    @Test
    void randomRunsReadBackWholeFromTheBinaryForm() throws Exception {
        FactoryRef f = G;
        // What columns must not lose (nulls, ids that are not GUIDs, times finer than 100 ns, another factory's run,
        // parameters, messages, reruns, children, runs in progress) and the generated big factory's runs.
        List<PipelineRun> runs = new ArrayList<>(RunColumnsTest.random(f, 4000, new Random(11)));
        runs.addAll(new GeneratedFactory(20_000, Duration.ofDays(7), NOW, 5, Duration.ZERO, null)
                .queryPipelineRuns(f, query(NOW.minus(Duration.ofDays(8)), NOW)));
        RunColumns c = RunColumns.of(f, new RunStrings(), runs);
        assertThat(runs).anyMatch(r -> r.parentRunId() != null).anyMatch(r -> r.rerunOf() != null)
                .anyMatch(r -> r.status() == RunStatus.IN_PROGRESS).anyMatch(r -> !r.parameters().isEmpty())
                .anyMatch(r -> !r.message().isEmpty());
        assertThat(c.whole).isNotEmpty();
        SnapshotFormat.Header header = new SnapshotFormat.Header(f, NOW, NOW.minus(Duration.ofDays(7)), false);

        byte[] bytes = SnapshotFormat.write(header, c);
        SnapshotFormat.Decoded back = SnapshotFormat.read(bytes);

        assertThat(back.header()).isEqualTo(header);
        assertThat(back.blocks()).hasSize(1);
        RunColumnsTest.assertSameRuns(back.blocks().get(0), runs);
        // The same answers from memory, window by window and per pipeline and status.
        Snapshot before = new Snapshot(List.of(c), Collections.singletonList(null), c.size, true, null, null);
        Snapshot after = new Snapshot(back.blocks(), Collections.singletonList(null), c.size, true, null, null);
        for (RunQuery q : List.of(query(NOW.minus(Duration.ofDays(8)), NOW.plusSeconds(60)),
                query(NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(1))),
                new RunQuery(NOW.minus(Duration.ofDays(3)), NOW, Set.of("pl_copy_7", "pl_3"), Set.of(RunStatus.FAILED,
                        RunStatus.IN_PROGRESS), 50))) {
            assertThat(MemoryQuery.runs(after, q)).isEqualTo(MemoryQuery.runs(before, q));
        }

        // Refreshes laid over it (runs in progress that ended, a new one): the rows they replaced are not written.
        Instant later = NOW.plus(Duration.ofHours(2));
        List<PipelineRun> changed = new ArrayList<>();
        for (PipelineRun r : runs) {
            if (r.status() == RunStatus.IN_PROGRESS && r.runStart() != null && r.runStart().isBefore(later)
                    && r.factory().equals(f)) {
                changed.add(new PipelineRun(f, r.runId(), r.pipelineName(), RunStatus.SUCCEEDED, "", r.runStart(), later,
                        later, Duration.between(r.runStart(), later).toMillis(), r.parameters(), r.invokedByType(),
                        r.invokedByName(), r.parentRunId(), r.parentPipeline(), r.rerunOf()));
            }
        }
        changed.add(new PipelineRun(f, java.util.UUID.randomUUID().toString(), "pl_new", RunStatus.QUEUED, "", later,
                null, later, null, Map.of("p", "v"), "Manual", "Manual", null, null, null));
        Snapshot layered = before.with(RunColumns.of(f, c.strings, changed));
        assertThat(layered.dead().get(1).cardinality()).isGreaterThan(10);
        SnapshotFormat.Decoded again = SnapshotFormat.read(
                SnapshotFormat.write(header, layered.blocks(), layered.dead(), c.strings));
        assertThat(again.runs()).isEqualTo(layered.runs());
        Snapshot restored = new Snapshot(again.blocks(), java.util.Arrays.asList(null, null), again.runs(), true, null,
                null);
        RunQuery all = query(NOW.minus(Duration.ofDays(8)), later.plusSeconds(60));
        assertThat(MemoryQuery.runs(restored, all)).isEqualTo(MemoryQuery.runs(layered, all));
        for (PipelineRun r : changed) {
            assertThat(MemoryQuery.run(restored, r.runId())).isEqualTo(r);
        }
    }

    @Test
    void aRestartPublishesTheSnapshotThenReadsOnlyWhatChangedAndEqualsALoadFromZero() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = new DatasetBuilder("df-restart");
        DatasetBuilder.Run failed = null;
        for (int h = 1; h < 7 * 24; h += 2) {
            DatasetBuilder.Run master = d.run("pl_master", NOW.minus(Duration.ofHours(h)), 600,
                    h % 9 == 0 ? "Failed" : "Succeeded").parameter("window", "h-" + h);
            if (h % 9 == 0) {
                master.message("Operation on target Copy failed: ErrorCode=SqlFailedToConnect " + h);
                failed = master;
            }
            d.run("pl_child", NOW.minus(Duration.ofHours(h)).plusSeconds(60), 300, "Succeeded", master);
        }
        d.run("pl_master", NOW.minus(Duration.ofMinutes(50)), 120, "Succeeded").rerunOf(failed);
        // In progress when the snapshot is written, over when the second instance starts; then one not there yet.
        DatasetBuilder.Run running = d.run("pl_long", NOW.minus(Duration.ofMinutes(10)), 20 * 60, "Succeeded");
        DatasetBuilder.Run later = d.run("pl_new", NOW.plus(Duration.ofMinutes(5)), 60, "Failed").message("boom");
        MemorySnapshots store = new MemorySnapshots();
        try (TestSim sim = TestSim.of(d.build(), 100, clock)) {
            RunIndex first = new RunIndex(sim.adf, sim.meter, clock, SETTINGS).keepingSnapshots(store, null);
            first.refreshAll();
            int backfill = sim.server.requestCount();
            clock.advance(Duration.ofSeconds(30));
            first.refreshAll();
            assertThat(first.getPipelineRun(sim.factory, running.id()).orElseThrow().status())
                    .isEqualTo(RunStatus.IN_PROGRESS);
            assertThat(first.writeSnapshots()).isEqualTo(1);
            FactoryStatus firstStatus = first.status().get(0);
            assertThat(firstStatus.start().restored()).isFalse();
            assertThat(firstStatus.lastSnapshot().runs()).isEqualTo(firstStatus.runs());
            assertThat(firstStatus.lastSnapshot().bytes()).isEqualTo(store.docs.values().iterator().next().length);
            first.close();

            clock.advance(Duration.ofMinutes(20));
            int before = sim.server.requestCount();
            RunIndex second = new RunIndex(sim.adf, sim.meter, clock, SETTINGS).keepingSnapshots(store, null);
            second.refreshAll();
            int restart = sim.server.requestCount() - before;

            FactoryStatus st = second.status().get(0);
            assertThat(st.start().restored()).isTrue();
            // The watermark is the newest update Data Factory listed (pl_long's start, 10 minutes before), or, as here
            // in a quiet factory, the overlap before the read that wrote the snapshot when that is later.
            assertThat(st.start().snapshotAt()).isEqualTo(NOW.plusSeconds(30).minus(SETTINGS.overlap()));
            assertThat(st.start().snapshotRuns()).isEqualTo(firstStatus.runs());
            assertThat(restart).as("one page of what changed, not the horizon (%s requests)", backfill).isEqualTo(1);
            assertThat(st.start().refreshRequests()).isEqualTo(restart);
            assertThat(st.start().refreshUpdates()).isGreaterThanOrEqualTo(2);
            assertThat(st.reach().percent()).isEqualTo(100);
            assertThat(st.reach().loading()).isFalse();
            assertThat(second.getPipelineRun(sim.factory, running.id()).orElseThrow().status())
                    .isEqualTo(RunStatus.SUCCEEDED);
            assertThat(second.getPipelineRun(sim.factory, later.id()).orElseThrow().message()).isEqualTo("boom");
            assertThat(sim.server.requestCount() - before).as("both answered from memory").isEqualTo(restart);

            RunIndex fromZero = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
            fromZero.refreshAll();
            RunQuery week = query(clock.instant().minus(Duration.ofDays(7)), clock.instant().plusSeconds(60));
            Map<String, RunStatus> expected = statuses(fromZero.queryPipelineRuns(sim.factory, week));
            assertThat(statuses(second.queryPipelineRuns(sim.factory, week))).isEqualTo(expected).hasSize(st.runs());
            assertThat(st.runs()).isEqualTo(fromZero.status().get(0).runs());
            second.close();
            fromZero.close();
        }
    }

    @Test
    void aSnapshotIsWrittenInTheBackgroundOnceLoadedThenEveryInterval() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        GeneratedFactory adf = new GeneratedFactory(3_000, Duration.ofDays(7), NOW, 3, Duration.ZERO, null);
        MemorySnapshots store = new MemorySnapshots();
        RunIndex index = new RunIndex(adf, new RequestMeter(), clock, SETTINGS)
                .keepingSnapshots(store, Duration.ofMinutes(15));
        index.refreshAll();
        awaitWrites(store, 1);
        assertThat(index.status().get(0).lastSnapshot().runs()).isEqualTo(3_000);
        clock.advance(Duration.ofMinutes(1));
        index.refreshAll();
        assertThat(store.writes.get()).as("not due yet").isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        // Due: written by the refresh that comes after the first write ended (each refresh looks again).
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.writes.get() < 2 && System.nanoTime() < until) {
            index.refreshAll();
            Thread.sleep(5);
        }
        awaitWrites(store, 2);
        index.close();
        assertThat(store.writes.get()).isEqualTo(2);
        // Nothing was updated since the generated history ends (30 s before NOW): the watermark follows time, the
        // overlap behind the last read.
        assertThat(SnapshotFormat.read(store.docs.get(DurableSnapshots.key(G))).header().watermark())
                .isEqualTo(NOW.plus(Duration.ofMinutes(16)).minus(SETTINGS.overlap()));
    }

    private static void awaitWrites(MemorySnapshots store, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.writes.get() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(store.writes.get()).isEqualTo(n);
    }

    @Test
    void aSnapshotThatCannotBeUsedIsSaidAndTheHorizonIsReadFromZero() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GeneratedFactory adf = new GeneratedFactory(5_000, Duration.ofDays(7), NOW, 4, Duration.ZERO, null);
        MemorySnapshots store = new MemorySnapshots();
        RunIndex first = new RunIndex(adf, new RequestMeter(), clock, SETTINGS).keepingSnapshots(store, null);
        first.refreshAll();
        long backfill = adf.pages.get();
        first.writeSnapshots();
        first.close();
        String key = DurableSnapshots.key(G);
        byte[] good = store.docs.get(key);

        // A good one first: published, and one page of what changed.
        assertThat(restart(adf, store, good, "").start().restored()).isTrue();

        FactoryRef other = new FactoryRef(G.subscriptionId(), G.resourceGroup(), "df-other");
        RunColumns runs = SnapshotFormat.read(good).blocks().get(0);
        // What was done to the snapshot, and what the WARN and /health say.
        List<Map.Entry<String, UnaryOperator<byte[]>>> cases = List.of(
                Map.entry("cannot be read: ", b -> {
                    byte[] c = b.clone();
                    for (int i = c.length / 2; i < c.length / 2 + 64; i++) {
                        c[i] ^= 0x5a;
                    }
                    return c;
                }),
                Map.entry("cannot be read: truncated", b -> java.util.Arrays.copyOf(b, b.length * 2 / 3)),
                Map.entry("cannot be read: not a run index snapshot", b -> "{\"runs\": []}".getBytes()),
                Map.entry("cannot be read: format version 2, this version reads 1",
                        b -> ByteBuffer.wrap(b.clone()).putInt(4, 2).array()),
                Map.entry("of another factory", b -> SnapshotFormat.write(new SnapshotFormat.Header(other, NOW,
                        NOW.minus(Duration.ofDays(7)), false), runs)),
                Map.entry("older than the horizon", b -> SnapshotFormat.write(new SnapshotFormat.Header(G,
                        NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(15)), false), runs)));
        for (Map.Entry<String, UnaryOperator<byte[]>> c : cases) {
            long before = adf.pages.get();
            FactoryStatus st = restart(adf, store, c.getValue().apply(good), c.getKey());
            assertThat(st.start().restored()).as(c.getKey()).isFalse();
            assertThat(st.start().reason()).as(c.getKey()).contains(c.getKey());
            assertThat(st.runs()).as(c.getKey()).isEqualTo(5_000);
            assertThat(adf.pages.get() - before).as(c.getKey()).isEqualTo(backfill);
        }
    }

    /** A second instance on {@code bytes}: its status; the WARN it logged contains {@code warn} ("" for none). */
    private static FactoryStatus restart(GeneratedFactory adf, MemorySnapshots store, byte[] bytes, String warn) {
        String key = DurableSnapshots.key(G);
        store.docs.put(key, bytes);
        store.versions.put(key, "v-" + bytes.length);
        try (LogCapture log = LogCapture.of(RunIndex.class)) {
            RunIndex index = new RunIndex(adf, new RequestMeter(), Clock.fixed(NOW, ZoneOffset.UTC), SETTINGS)
                    .keepingSnapshots(store, null);
            index.refreshAll();
            index.close();
            assertThat(log.errors()).isEmpty();
            List<String> warns = log.atLevel(Level.WARN);
            if (warn.isEmpty()) {
                assertThat(warns).isEmpty();
            } else {
                assertThat(warns).singleElement().asString().contains(warn).contains("loading the history from Data Factory")
                        .doesNotContain(G.subscriptionId());
            }
            return index.status().get(0);
        }
    }

    @Test
    void theKeyNamesTheFactoryButNotItsSubscription() {
        FactoryRef f = new FactoryRef("3f2c9a8e-1111-2222-3333-444455556666", "rg-data", "df-sales");
        String key = DurableSnapshots.key(f);
        assertThat(key).startsWith("runindex/df-sales-").doesNotContain("3f2c9a8e").doesNotContain("rg-data");
        assertThat(DurableSnapshots.key(new FactoryRef("other-sub", "rg-data", "df-sales"))).isNotEqualTo(key);
    }
}
