package com.adfops.index;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.ForwardingDataFactory;
import com.adfops.adf.RequestMeter;
import java.time.Duration;
import java.time.Instant;
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
public final class DefinitionsCache extends ForwardingDataFactory implements AutoCloseable {

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
    protected DataFactory delegate() {
        return source;
    }

    @Override
    public FactoryDefinitions readDefinitions(FactoryRef factory) {
        FactoryDefinitions copy = copies.get(factory);
        return copy != null ? copy : FactoryDefinitions.empty(factory, null);
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
