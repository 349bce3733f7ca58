package com.adfops.index;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's snapshots in the durable store ({@link SnapshotStore}, in {@link SnapshotFormat}): on start, a factory's
 * snapshot is published at once if it is of this factory, of a format this version reads and its watermark is inside
 * the horizon (the refresher then asks Data Factory only for what changed since); anything else is said in a WARN and
 * the horizon is read from Data Factory as without one. A snapshot is written once the backfill ended and then every
 * interval, on a thread of its own from the immutable memory (a question never waits for it); a write that loses the
 * race to another instance leaves that instance's snapshot.
 */
final class DurableSnapshots {

    private static final Logger log = LoggerFactory.getLogger(RunIndex.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(20);

    private final SnapshotStore store;
    /** How often a snapshot is written after the first; null: only when asked ({@link #writeNow}). */
    private final Duration every;
    private final Clock clock;
    private final RunIndex.Settings settings;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "run-index-snapshot");
        t.setDaemon(true);
        return t;
    });

    DurableSnapshots(SnapshotStore store, Duration every, Clock clock, RunIndex.Settings settings) {
        this.store = store;
        this.every = every == null || every.isZero() || every.isNegative() ? null : every;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The store's key of a factory's snapshot: its name and a hash of its whole identity (no subscription id in the
     * key, which may end up in a log or a storage listing).
     */
    static String key(FactoryRef f) {
        String identity = (f.subscriptionId() + "/" + f.resourceGroup() + "/" + f.factoryName())
                .toLowerCase(Locale.ROOT);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            String name = f.factoryName().replaceAll("[^A-Za-z0-9-]", "_");
            return "runindex/" + name + "-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes the factory's snapshot when it can be used (its watermark becomes the refresher's), else says why.
     *
     * @return whether it was published
     */
    boolean restore(FactoryIndex fi, Instant now) {
        String name = fi.factory.factoryName();
        Optional<byte[]> bytes;
        try {
            bytes = store.read(key(fi.factory));
        } catch (RuntimeException e) {
            return notRestored(fi, "the snapshot could not be read (" + e.getMessage() + ")");
        }
        if (bytes.isEmpty()) {
            fi.start = FactoryStatus.Start.backfill("");
            return false;
        }
        SnapshotFormat.Decoded d;
        try {
            d = SnapshotFormat.read(bytes.get());
        } catch (SnapshotFormat.Unreadable e) {
            return notRestored(fi, "the snapshot cannot be read: " + e.getMessage());
        }
        SnapshotFormat.Header h = d.header();
        Instant horizonStart = now.minus(settings.horizon());
        if (!h.factory().equals(fi.factory)) {
            return notRestored(fi, "the snapshot is of another factory");
        }
        if (h.watermark().isBefore(horizonStart)) {
            return notRestored(fi, "the snapshot (up to " + h.watermark() + ") is older than the horizon");
        }
        if (h.watermark().isAfter(now.plus(settings.horizon()))) {
            return notRestored(fi, "the snapshot's watermark " + h.watermark() + " is in the future");
        }
        // Held since the snapshot's start: a snapshot that does not reach back to today's horizon start (a budget's
        // cut, a longer horizon now) says so as a cut (older windows are read from Data Factory).
        Instant capped = h.capped() || h.heldSince().isAfter(horizonStart.plus(RunIndex.SLACK)) ? h.heldSince() : null;
        int runs = d.runs();
        fi.strings = d.strings();
        fi.snapshot = new Snapshot(d.blocks(), Collections.nCopies(d.blocks().size(), null), runs, true, null, capped);
        fi.watermark = h.watermark();
        fi.asOf = h.watermark();
        fi.state = FactoryStatus.State.LIVE;
        fi.start = new FactoryStatus.Start(true, h.watermark(), runs, 0, 0, "");
        fi.nextSnapshot = every == null ? null : now.plus(every);
        log.info("Run index of {}: {} runs restored from the snapshot up to {}; reading what changed since", name,
                runs, h.watermark());
        return true;
    }

    private static boolean notRestored(FactoryIndex fi, String reason) {
        log.warn("Run index of {}: {}; loading the history from Data Factory", fi.factory.factoryName(), reason);
        fi.start = FactoryStatus.Start.backfill(reason);
        return false;
    }

    /** After a refresh (on the refresher thread): a snapshot in the background when one is due. */
    void afterRefresh(FactoryIndex fi, Instant now) {
        Snapshot snap = fi.snapshot;
        if (every == null || snap == null || !snap.complete() || fi.writing
                || (fi.nextSnapshot != null && now.isBefore(fi.nextSnapshot))) {
            return;
        }
        fi.nextSnapshot = now.plus(every);
        fi.writing = true;
        Instant watermark = fi.watermark;
        try {
            writer.execute(() -> {
                try {
                    write(fi, snap, watermark, now);
                } finally {
                    fi.writing = false;
                }
            });
        } catch (RejectedExecutionException closed) {
            fi.writing = false;
        }
    }

    /** Writes the factory's snapshot now, on the calling thread (tests, benchmarks); false when there is none. */
    boolean writeNow(FactoryIndex fi) {
        Snapshot snap = fi.snapshot;
        return snap != null && snap.complete() && write(fi, snap, fi.watermark, clock.instant());
    }

    private boolean write(FactoryIndex fi, Snapshot snap, Instant watermark, Instant now) {
        String name = fi.factory.factoryName();
        try {
            Instant capped = snap.cappedSince();
            SnapshotFormat.Header header = new SnapshotFormat.Header(fi.factory, watermark,
                    capped != null ? capped : now.minus(settings.horizon()), capped != null);
            RunStrings shared = snap.blocks().isEmpty() ? new RunStrings() : snap.blocks().get(0).strings;
            byte[] bytes;
            if (snap.blocks().stream().allMatch(b -> b.strings == shared)) {
                // The usual case: the blocks share the factory's dictionary; written as they are.
                bytes = SnapshotFormat.write(header, snap.blocks(), snap.dead(), shared);
            } else {
                RunColumns one = ColumnMerge.merge(fi.factory, new RunStrings(), snap.blocks(), snap.dead(),
                        Long.MIN_VALUE);
                bytes = SnapshotFormat.write(header, one);
            }
            int runs = snap.runs();
            String key = key(fi.factory);
            if (!store.write(key, bytes, store.version(key).orElse(null))) {
                log.info("Run index of {}: another instance wrote its snapshot first; it stays", name);
                return false;
            }
            fi.lastSnapshot = new FactoryStatus.SnapshotWritten(clock.instant(), bytes.length, runs);
            log.info("Run index of {}: snapshot written ({} runs, {} KB)", name, runs, bytes.length / 1024);
            return true;
        } catch (RuntimeException e) {
            log.warn("Run index of {}: the snapshot could not be written ({}); next try in {}", name, e.getMessage(),
                    every);
            return false;
        }
    }

    void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
