package com.adfops.index;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DataFactory} in front of another that keeps each factory's definitions (pipelines, datasets, linked
 * services, triggers, integration runtimes with their status) in memory: read in the background on {@link #start()}
 * and every refresh interval ({@code ADFOPS_DEFINITIONS_REFRESH}), since they change rarely. A question gets the
 * latest copy at once and never waits for a read: before the first read lands it gets
 * {@link FactoryDefinitions#empty} with a null {@code readAt}. A failed read keeps the last good copy (its
 * {@code readAt} says how old it is) and is tried again at the next interval; {@link #readAt} and {@link #failure}
 * say when a factory was last read and why its latest read failed. Everything else, trigger runs included, goes to
 * the factory behind it.
 */
public final class DefinitionsCache implements DataFactory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DefinitionsCache.class);

    private final DataFactory source;
    private final Duration refresh;
    private final Map<FactoryRef, FactoryDefinitions> copies = new ConcurrentHashMap<>();
    private final Map<FactoryRef, DataFactoryException> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "definitions");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param source  the factories, read through
     * @param refresh how often each factory's definitions are read again
     */
    public DefinitionsCache(DataFactory source, Duration refresh) {
        this.source = source;
        this.refresh = refresh == null || refresh.isNegative() || refresh.isZero() ? Duration.ofMinutes(5) : refresh;
    }

    /** Reads every factory's definitions in the background now, then every refresh interval. */
    public DefinitionsCache start() {
        scheduler.scheduleWithFixedDelay(this::refreshAll, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads every factory's definitions once, on the calling thread (the scheduler's or a test's). */
    public void refreshAll() {
        for (FactoryRef f : source.factories()) {
            refresh(f);
        }
    }

    /** Reads one factory's definitions; on failure the last good copy stays. True when the read succeeded. */
    public boolean refresh(FactoryRef factory) {
        try {
            FactoryDefinitions read = RequestMeter.as(RequestMeter.Purpose.REFRESH, () -> source.readDefinitions(factory));
            copies.put(factory, read);
            failures.remove(factory);
            return true;
        } catch (DataFactoryException e) {
            failures.put(factory, e);
            log.warn("Definitions of {} could not be read ({}); keeping the copy read at {}", factory.factoryName(),
                    e.kind(), readAt(factory).map(Instant::toString).orElse("(none yet)"));
        } catch (RuntimeException e) {
            failures.put(factory, new DataFactoryException(DataFactoryException.Kind.SERVICE, factory.factoryName(),
                    "Reading the definitions of factory " + factory.factoryName() + " failed unexpectedly.", e));
            log.error("Definitions of {} could not be read unexpectedly", factory.factoryName(), e);
        }
        return false;
    }

    /** When the copy served for {@code factory} was read; empty before the first read succeeded. */
    public Optional<Instant> readAt(FactoryRef factory) {
        FactoryDefinitions copy = copies.get(factory);
        return copy == null ? Optional.empty() : Optional.ofNullable(copy.readAt());
    }

    /** Why the latest read of {@code factory} failed (its message is safe to show); empty when it succeeded. */
    public Optional<DataFactoryException> failure(FactoryRef factory) {
        return Optional.ofNullable(failures.get(factory));
    }

    // ---- DataFactory ------------------------------------------------------------------------------------------

    @Override
    public FactoryDefinitions readDefinitions(FactoryRef factory) {
        FactoryDefinitions copy = copies.get(factory);
        return copy != null ? copy : FactoryDefinitions.empty(factory, null);
    }

    @Override
    public List<FactoryDefinitions.TriggerRun> queryTriggerRuns(FactoryRef factory, Instant from, Instant to) {
        return source.queryTriggerRuns(factory, from, to);
    }

    @Override
    public List<FactoryRef> factories() {
        return source.factories();
    }

    @Override
    public List<String> listPipelineNames(FactoryRef factory) {
        return source.listPipelineNames(factory);
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        return source.queryPipelineRuns(factory, query);
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(List<FactoryRef> factories, RunQuery query) {
        return source.queryPipelineRuns(factories, query);
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
        return source.queryActivityRuns(factory, run);
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        return source.getPipelineRun(factory, runId);
    }

    @Override
    public Duration retention() {
        return source.retention();
    }

    @Override
    public Instant heldSince(FactoryRef factory) {
        return source.heldSince(factory);
    }

    @Override
    public Freshness freshness(FactoryRef factory, RunQuery query) {
        return source.freshness(factory, query);
    }

    @Override
    public String createRun(FactoryRef factory, RunRequest request) {
        return source.createRun(factory, request);
    }

    @Override
    public void cancelRun(FactoryRef factory, String runId, boolean recursive) {
        source.cancelRun(factory, runId, recursive);
    }

    @Override
    public Optional<FactoryStatus> historyStatus() {
        return source.historyStatus();
    }

    @Override
    public Optional<FactoryStatus> checkHistory() {
        return source.checkHistory();
    }

    @Override
    public List<FactoryStatus> status() {
        return source.status();
    }

    /** Stops the refreshes, then what is behind (the run index's). */
    @Override
    public void close() throws Exception {
        // Let a read in flight end (interrupting it makes the Azure SDK log it as an error), then stop.
        scheduler.shutdown();
        if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
            scheduler.shutdownNow();
        }
        if (source instanceof AutoCloseable c) {
            c.close();
        }
    }
}
