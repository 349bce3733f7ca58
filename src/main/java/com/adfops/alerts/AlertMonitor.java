package com.adfops.alerts;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.impact.FactoryImpact;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection: every interval, the runs that ended since the last pass (per factory, from the watermark minus an
 * overlap; read through the run index, so from memory) are matched against each watching conversation. A failed root
 * run (a parent and its Execute Pipeline children are one alert) gives one alert per conversation, claimed in the
 * state store before it is posted (two instances post it once); failures sharing a root cause (error code and linked
 * service or target) within the group window share one card; more than the digest threshold at once become one
 * digest card ({@link FailedRunAlerts}). A later success of an alerted pipeline updates its card to "Recovered"
 * ({@link AlertRecovery}). The watermark moves only after a pass, so a restart or a failed read repeats the window
 * and the claims keep it from alerting twice.
 *
 * <p>The other kinds of alert come after every factory's failures, and never hold them back: each is an
 * {@link AlertDetector} (running long: {@link RunningLongAlerts}; a missed expected run, an SLA passed or at risk:
 * {@link ScheduleAlertKind}: missed, late, at risk; a self-hosted integration runtime unhealthy, with the pipelines
 * at risk: {@link RuntimeAlerts}). Every kind is claimed and posted the same way
 * ({@link AlertDelivery}, which also tries again the posts that did not complete).
 */
public final class AlertMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertMonitor.class);
    static final int UNBOUNDED = 1_000_000;
    /**
     * How far behind the watermark may stay while a conversation's alerts cannot be claimed; past it, the watermark
     * moves on (with a warning), so one failing conversation does not make every pass read an ever longer window.
     */
    static final Duration MAX_WATERMARK_LAG = Duration.ofHours(1);

    /**
     * @param every       how often detection runs
     * @param overlap     how far each pass reaches back before the watermark (late writes, index refresh lag)
     * @param groupWindow failures sharing a root cause within this window share one card
     * @param digestAfter more new alerts than this for one conversation in one pass become one digest card
     * @param runtimeLookahead an unhealthy self-hosted runtime's alert lists the pipelines that use it and run within
     *                         this
     */
    public record Settings(Duration every, Duration overlap, Duration groupWindow, int digestAfter,
                           Duration runtimeLookahead) {

        /** The settings with the default runtime look-ahead ({@link FactoryImpact#AT_RISK}). */
        public Settings(Duration every, Duration overlap, Duration groupWindow, int digestAfter) {
            this(every, overlap, groupWindow, digestAfter, FactoryImpact.AT_RISK);
        }

        public Settings {
            runtimeLookahead = runtimeLookahead == null ? FactoryImpact.AT_RISK : runtimeLookahead;
        }
    }

    private final DataFactory adf;
    private final Watches watches;
    private final AlertStore store;
    private final Clock clock;
    private final Settings settings;
    private final AlertDelivery delivery;
    private final FailedRunAlerts failures;
    private final AlertRecovery recovery;
    /** The kinds of alert beside failed runs, in the order a pass asks them. */
    private final List<AlertDetector> detectors;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-monitor");
        t.setDaemon(true);
        return t;
    });

    public AlertMonitor(DataFactory adf, AdfTools tools, Watches watches, AlertStore store, AlertService alerts,
                        Clock clock, Settings settings) {
        this(adf, tools, watches, store, alerts, clock, settings,
                new Schedules(tools, SlaRules.none(), Schedules.DEFAULT_GRACE));
    }

    /** @param schedules the schedule check of the missed-run and SLA alerts (with the configured SLAs and grace) */
    public AlertMonitor(DataFactory adf, AdfTools tools, Watches watches, AlertStore store, AlertService alerts,
                        Clock clock, Settings settings, Schedules schedules) {
        this.adf = adf;
        this.watches = watches;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.delivery = new AlertDelivery(store, alerts, clock);
        this.failures = new FailedRunAlerts(adf, tools, watches, store, delivery, settings);
        this.recovery = new AlertRecovery(store, delivery);
        ScheduleAlerts schedule = new ScheduleAlerts(schedules, watches, store, alerts, delivery);
        RuntimeAlerts runtimes = new RuntimeAlerts(new FactoryImpact(adf, schedules, clock), schedules, watches, store,
                alerts, delivery, settings.runtimeLookahead());
        this.detectors = List.of(new RunningLongAlerts(adf, tools, watches, store, alerts, delivery),
                ScheduleAlertKind.missed(schedule), ScheduleAlertKind.late(schedule), ScheduleAlertKind.atRisk(schedule),
                runtimes);
    }

    /** Who posts the cards (the Teams edge); detection waits for it. */
    public void postWith(AlertPoster p) {
        delivery.postWith(p);
    }

    public AlertMonitor start() {
        long ms = Math.max(200, settings.every().toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                pass();
            } catch (RuntimeException e) {
                log.error("Alert detection failed; trying again at the next pass", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One detection pass over every factory, on the calling thread. */
    public void pass() {
        if (!delivery.ready()) {
            return;
        }
        Instant now = clock.instant();
        delivery.retryStuck(now);
        List<String> watchers = watches.watchers();
        List<FactoryRef> read = new ArrayList<>();
        for (FactoryRef f : adf.factories()) {
            Optional<Instant> wm = store.watermark(f.factoryName());
            if (wm.isEmpty()) {
                // The first pass ever: alerts start from now (no flood of history).
                store.watermark(f.factoryName(), now);
                continue;
            }
            Instant from = wm.get().minus(settings.overlap());
            List<PipelineRun> runs;
            try {
                runs = adf.queryPipelineRuns(f, new RunQuery(from, now.plus(Duration.ofMinutes(1)), Set.of(),
                        Set.of(RunStatus.FAILED, RunStatus.SUCCEEDED), UNBOUNDED));
            } catch (DataFactoryException e) {
                log.warn("Alerts: could not read runs of {} ({}); the window is read again next pass", f.factoryName(),
                        e.kind());
                continue;
            }
            List<PipelineRun> failed = FailedRunAlerts.failedRoots(runs, from);
            // The watermark stays where it was when a conversation's alerts could not be claimed (storage failing):
            // the window is read again next pass, and claims keep what did go out from going out twice.
            boolean complete = true;
            if (!failed.isEmpty()) {
                Map<String, Set<String>> inside = FailedRunAlerts.failedInside(runs);
                complete = failures.alertAll(watchers, f, failed, inside, now,
                        "Alerts for conversation {} failed this pass; its window is read again next pass").complete();
            }
            read.add(f);
            recovery.recover(f, runs.stream().filter(r -> r.status() == RunStatus.SUCCEEDED).toList(), now);
            if (complete) {
                store.watermark(f.factoryName(), now);
            } else if (wm.get().isBefore(now.minus(MAX_WATERMARK_LAG))) {
                log.warn("Alerts of {} could not be claimed for {}; detection moves on from now", f.factoryName(),
                        MAX_WATERMARK_LAG);
                store.watermark(f.factoryName(), now);
            }
        }
        if (!watchers.isEmpty()) {
            for (FactoryRef f : read) {
                for (AlertDetector d : detectors) {
                    d.detect(f, watchers, now);
                }
            }
        }
    }

    /** What an Azure Monitor alert led to: the failed runs its window holds, and the alert cards it claimed. */
    public record Ingested(int failedRuns, List<String> alertIds) {
    }

    /**
     * An Azure Monitor alert said runs failed: alert for the failed root runs of {@code pipelines} (empty: any) that
     * ended in the window, through the same claims as detection (a run already alerted is not alerted again).
     */
    public Ingested ingest(FactoryRef f, Instant from, Instant to, Set<String> pipelines) {
        if (!delivery.ready()) {
            return new Ingested(0, List.of());
        }
        return failures.ingest(f, from, to, pipelines, clock.instant());
    }

    /**
     * An Azure Monitor alert resolved: of the alert cards it posted ({@code alertIds}), those still open, of
     * {@code pipelines} (empty: any of them), say so. No other card changes.
     */
    public int resolved(FactoryRef f, Collection<String> alertIds, Set<String> pipelines, Instant at) {
        return recovery.resolved(f, alertIds, pipelines, at);
    }

    /** The last instant detection covered a factory (a stateful monitor alert looks back to it), if any. */
    public Optional<Instant> watermark(FactoryRef f) {
        return store.watermark(f.factoryName());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
