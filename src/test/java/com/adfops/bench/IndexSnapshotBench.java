package com.adfops.bench;

import com.adfops.adf.FactoryStatus;
import com.adfops.adf.RequestMeter;
import com.adfops.index.RunIndex;
import com.adfops.index.SnapshotStore;
import com.adfops.state.FileStateStore;
import com.adfops.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The run index's durable snapshot (not a test): a generated factory of N runs a week ({@link GeneratedFactory}, as
 * a metadata-driven framework looks) loaded into the index, then its snapshot written (encoded and gzipped from the
 * columns, then stored) and restored by a second index (read, checked, decoded, published, then the refresh since
 * its watermark). In memory (the format's cost) and in the file store (plus the disk). Best of three each. Run:
 * {@code bench/index-memory.sh --snapshot RUNS}.
 */
public final class IndexSnapshotBench {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** Snapshots in memory. */
    static final class Memory implements SnapshotStore {
        byte[] bytes;
        int version;

        @Override
        public Optional<byte[]> read(String key) {
            return Optional.ofNullable(bytes);
        }

        @Override
        public Optional<String> version(String key) {
            return bytes == null ? Optional.empty() : Optional.of(Integer.toString(version));
        }

        @Override
        public boolean write(String key, byte[] b, String expectedVersion) {
            bytes = b;
            version++;
            return true;
        }
    }

    /** The state store's binary documents, as the wiring adapts them. */
    static SnapshotStore files(StateStore store) {
        return new SnapshotStore() {
            @Override
            public Optional<byte[]> read(String key) {
                return store.readBytes(key).map(StateStore.Binary::bytes);
            }

            @Override
            public Optional<String> version(String key) {
                return store.bytesVersion(key);
            }

            @Override
            public boolean write(String key, byte[] bytes, String expectedVersion) {
                store.writeBytes(key, bytes, expectedVersion);
                return true;
            }
        };
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RequestMeter meter = new RequestMeter();
        GeneratedFactory adf = new GeneratedFactory(n, Duration.ofDays(7), NOW, 1, Duration.ZERO, meter);
        RunIndex.Settings settings = new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30),
                Duration.ofMinutes(5), 100, Duration.ofSeconds(15), Integer.MAX_VALUE, 3);
        Path dir = Files.createTempDirectory("adfops-snapshot-bench");
        for (String where : new String[] {"memory", "file"}) {
            SnapshotStore store = where.equals("memory") ? new Memory() : files(new FileStateStore(dir));
            RunIndex index = new RunIndex(adf, meter, clock, settings).keepingSnapshots(store, null);
            long pages = adf.pages.get();
            long t = System.nanoTime();
            index.refreshAll();
            long backfillMs = (System.nanoTime() - t) / 1_000_000;
            long backfillPages = adf.pages.get() - pages;
            long writeMs = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                t = System.nanoTime();
                index.writeSnapshots();
                writeMs = Math.min(writeMs, (System.nanoTime() - t) / 1_000_000);
            }
            FactoryStatus.SnapshotWritten written = index.status().get(0).lastSnapshot();
            index.close();
            index = null;
            long restoreMs = Long.MAX_VALUE;
            FactoryStatus.Start start = null;
            for (int i = 0; i < 3; i++) {
                System.gc();
                RunIndex second = new RunIndex(adf, meter, clock, settings).keepingSnapshots(store, null);
                t = System.nanoTime();
                second.refreshAll();
                restoreMs = Math.min(restoreMs, (System.nanoTime() - t) / 1_000_000);
                start = second.status().get(0).start();
                second.close();
            }
            System.out.printf("index snapshot (%s store): %,d runs, %.1f MB (%d bytes a run); write %d ms; restore %d ms "
                            + "(restored %s, %,d runs, refresh since the watermark %d updates, %d ADF pages); "
                            + "backfill from zero %d ms, %d ADF pages%n", where, written.runs(), written.bytes() / 1e6,
                    written.bytes() / Math.max(1, written.runs()), writeMs, restoreMs, start.restored(),
                    start.snapshotRuns(), start.refreshUpdates(), start.refreshRequests(), backfillMs, backfillPages);
        }
    }
}
