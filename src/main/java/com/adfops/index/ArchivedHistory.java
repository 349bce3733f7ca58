package com.adfops.index;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunArchive;
import com.adfops.adf.RunQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Long windows from Data Factory's own logs. In front of the run index (or of Data Factory itself): the part of a
 * window the index holds (or, without one, that ADF still keeps) is read as before; the part older than that comes
 * from the {@link RunArchive} (a Log Analytics workspace), so "the last 90 days" costs one archive query, not a
 * page-through of ADF, and reaches past ADF's 45 days. Runs and their activity runs older than ADF keeps are read
 * from the archive; a run id ADF no longer knows is looked up there.
 */
public final class ArchivedHistory extends com.adfops.adf.ForwardingDataFactory implements AutoCloseable {

    /** Runs this close to ADF's retention may already be gone from it: read them from the archive. */
    private static final Duration RETENTION_MARGIN = Duration.ofHours(6);

    private final DataFactory inner;
    private final RunArchive archive;
    private final Clock clock;

    @Override
    protected DataFactory delegate() {
        return inner;
    }

    public ArchivedHistory(DataFactory inner, RunArchive archive, Clock clock) {
        this.inner = inner;
        this.archive = archive;
        this.clock = clock;
    }

    /** Before this instant, runs of {@code factory} are read from the archive. */
    private Instant boundary(FactoryRef factory) {
        Instant held = inner.heldSince(factory);
        return held != null ? held : adfKeepsSince();
    }

    private Instant adfKeepsSince() {
        return clock.instant().minus(ADF_RETENTION).plus(RETENTION_MARGIN);
    }

    @Override
    public Duration retention() {
        return archive.retention().compareTo(inner.retention()) > 0 ? archive.retention() : inner.retention();
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        return queryPipelineRuns(List.of(factory), query);
    }

    /**
     * Each factory's recent part from the memory (or Data Factory), the older part of all of them in one read of the
     * archive (a question across fifty factories is one query there, not fifty). A run in both (it ended near the
     * boundary) is taken from the newer read.
     */
    @Override
    public List<PipelineRun> queryPipelineRuns(List<FactoryRef> factories, RunQuery query) {
        Map<FactoryRef, Instant> boundaries = new LinkedHashMap<>();
        Instant latest = null;
        for (FactoryRef f : factories) {
            Instant b = boundary(f);
            boundaries.put(f, b);
            if (query.from().isBefore(b) && (latest == null || b.isAfter(latest))) {
                latest = b;
            }
        }
        if (latest == null) {
            return inner.queryPipelineRuns(factories, query);
        }
        List<FactoryRef> old = boundaries.entrySet().stream().filter(e -> query.from().isBefore(e.getValue()))
                .map(Map.Entry::getKey).toList();
        Instant olderTo = query.to().isBefore(latest) ? query.to() : latest;
        Map<String, PipelineRun> byId = new LinkedHashMap<>();
        for (PipelineRun r : archive.pipelineRuns(old, part(query, query.from(), olderTo))) {
            Instant b = boundaries.get(r.factory());
            if (b != null && updated(r).isBefore(b)) {
                byId.put(r.factory().factoryName() + "/" + r.runId(), r);
            }
        }
        for (FactoryRef f : factories) {
            Instant b = boundaries.get(f);
            Instant from = query.from().isBefore(b) ? b : query.from();
            if (query.to().isAfter(from)) {
                for (PipelineRun r : inner.queryPipelineRuns(f, part(query, from, query.to()))) {
                    byId.put(f.factoryName() + "/" + r.runId(), r);
                }
            }
        }
        List<PipelineRun> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        int cap = query.maxRuns() * factories.size();
        return out.size() > cap ? List.copyOf(out.subList(0, cap)) : List.copyOf(out);
    }

    private static Instant updated(PipelineRun r) {
        return r.lastUpdated() != null ? r.lastUpdated() : r.sortTime();
    }

    private static RunQuery part(RunQuery q, Instant from, Instant to) {
        return new RunQuery(from, to, q.pipelineNames(), q.statuses(), q.maxRuns());
    }

    @Override
    public Freshness freshness(FactoryRef factory, RunQuery query) {
        Instant boundary = boundary(factory);
        if (!query.from().isBefore(boundary)) {
            return inner.freshness(factory, query);
        }
        if (!query.to().isAfter(boundary)) {
            // Wholly from the archive: everything before the read.
            Instant now = clock.instant();
            return Freshness.direct(now).withArchiveBefore(now);
        }
        return inner.freshness(factory, part(query, boundary, query.to())).withArchiveBefore(boundary);
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
        if (run.sortTime().isBefore(adfKeepsSince())) {
            return archive.activityRuns(factory, run);
        }
        return inner.queryActivityRuns(factory, run);
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        Optional<PipelineRun> run = inner.getPipelineRun(factory, runId);
        if (run.isPresent()) {
            return run;
        }
        Instant now = clock.instant();
        return archive.pipelineRun(factory, runId, now.minus(archive.retention()), now);
    }

    /** Stops what is in front of Data Factory behind it (the run index's refreshes). */
    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable c) {
            c.close();
        }
    }

    /** Name of the long history in statuses. */
    public static final String HISTORY = "Long history (Log Analytics)";
    /** How long a probe of the archive answers (a health check every minute must not query it every minute). */
    private static final Duration PROBE_TTL = Duration.ofMinutes(5);
    private record Probe(Instant at, FactoryStatus status) {
    }

    private volatile Probe lastProbe;
    private final java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The last probe's answer at once (never a wait on the workspace: {@code /health} must stay fast); a probe older
     * than a few minutes is renewed in the background. Before the first probe has answered: LOADING.
     */
    @Override
    public java.util.Optional<FactoryStatus> historyStatus() {
        Probe p = lastProbe;
        if ((p == null || !p.at().plus(PROBE_TTL).isAfter(clock.instant())) && probing.compareAndSet(false, true)) {
            Thread t = new Thread(this::probe, "history-probe");
            t.setDaemon(true);
            t.start();
        }
        return java.util.Optional.of(p != null ? p.status()
                : new FactoryStatus(HISTORY, FactoryStatus.State.LOADING, "", "", null, 0, 0, 0, 0));
    }

    /** Someone asked (*are you connected?*): probed now. */
    @Override
    public java.util.Optional<FactoryStatus> checkHistory() {
        return java.util.Optional.of(probe());
    }

    /** Probes the archive now and keeps the answer (also what {@link #historyStatus()} renews in the background). */
    FactoryStatus probe() {
        Instant now = clock.instant();
        FactoryStatus s;
        try {
            archive.probe();
            s = new FactoryStatus(HISTORY, FactoryStatus.State.LIVE, "", "", now, 0, 0, 0, 0);
        } catch (com.adfops.adf.DataFactoryException e) {
            s = new FactoryStatus(HISTORY, FactoryStatus.State.FAILING, e.getMessage(), historyFix(e), null, 0, 0, 0, 0);
        } catch (RuntimeException e) {
            s = new FactoryStatus(HISTORY, FactoryStatus.State.FAILING, "The workspace could not be checked.", "", null, 0, 0, 0, 0);
        } finally {
            // Also after an Error: a stuck flag would stop the background renewal for good.
            probing.set(false);
        }
        lastProbe = new Probe(now, s);
        return s;
    }

    private static String historyFix(com.adfops.adf.DataFactoryException e) {
        return switch (e.kind()) {
            case PERMISSION -> "Ask an owner of the Log Analytics workspace to give the bot's identity the Log Analytics "
                    + "Reader role on it.";
            case NOT_FOUND -> "Check ADFOPS_HISTORY_WORKSPACEID: the workspace ID (a GUID, on the workspace's Overview "
                    + "page), not its resource id.";
            case AUTHENTICATION -> "Check the bot's Azure identity (AZURE_CLIENT_ID for a managed identity).";
            default -> "Questions within the last 45 days still work from Data Factory; longer ones will fail until "
                    + "the workspace answers.";
        };
    }
}
