package com.adfops.actions;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the runs that actions started (and the runs they cancelled) until they end, then hands the outcome to the
 * listener (the Teams edge posts it in the action's thread and updates its card). The list of followed actions is in
 * the state store, so a restart, or another instance, carries on; each outcome is reported once.
 */
public final class RunFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunFollower.class);

    private final ActionService actions;
    private final Duration every;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-follower");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<ActionService.Finished> listener = f -> { };

    public RunFollower(ActionService actions, Duration every) {
        this.actions = actions;
        this.every = every;
    }

    /** Who hears about finished runs (set once, by the Teams edge). */
    public void onFinished(Consumer<ActionService.Finished> l) {
        this.listener = l;
    }

    public RunFollower start() {
        long ms = Math.max(100, every.toMillis());
        scheduler.scheduleWithFixedDelay(this::checkAll, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass over the followed actions, on the calling thread. */
    public void checkAll() {
        java.util.List<String> ids;
        try {
            ids = actions.following();
        } catch (RuntimeException e) {
            log.warn("Could not read the followed runs; trying again later", e);
            return;
        }
        for (String id : ids) {
            try {
                Optional<ActionService.Finished> done = actions.check(id);
                done.ifPresent(f -> {
                    log.info("Run {} of action {} ended: {}", f.run().runId(), id, f.run().status());
                    listener.accept(f);
                });
            } catch (RuntimeException e) {
                // A failing factory or store: keep following; the next pass tries again.
                log.warn("Could not check the run of action {}", id, e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
