package com.adfops.alerts;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.runs.AdfTools;
import com.adfops.runs.RunningLong;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Predictive: a watched pipeline's run still in progress past its usual duration (its last successful runs, however
 * far back: {@link com.adfops.runs.RunBaselines}) gets one "running long" alert per conversation (before it fails or
 * misses its window); the card recovers when that run succeeds ({@link AlertRecovery}). Only watched pipelines' runs
 * are judged, against the baselines at hand; a baseline still being read back from Data Factory (in the background,
 * at most one read per pipeline) is used at a later pass.
 */
final class RunningLongAlerts implements AlertDetector {

    /**
     * The runs a pass reads from memory for "running long": the runs in progress, then the week of only the watched
     * pipelines among them (the successes a pipeline's baseline comes from when it runs often enough; a daily or
     * weekly pipeline's is read back once and kept). A pipeline's runs carry its one spelling of the name, so the
     * names of its runs in progress select them all.
     */
    static final Duration BASELINE = Duration.ofDays(7);

    private final DataFactory adf;
    private final AdfTools tools;
    private final Watches watches;
    private final AlertStore store;
    private final AlertService alerts;
    private final AlertDelivery delivery;

    RunningLongAlerts(DataFactory adf, AdfTools tools, Watches watches, AlertStore store, AlertService alerts,
                      AlertDelivery delivery) {
        this.adf = adf;
        this.tools = tools;
        this.watches = watches;
        this.store = store;
        this.alerts = alerts;
        this.delivery = delivery;
    }

    @Override
    public void detect(FactoryRef f, List<String> watchers, Instant now) {
        Instant from = now.minus(BASELINE);
        Instant to = now.plus(Duration.ofMinutes(1));
        // Every pass reads the week: only from the run index's memory, never from Data Factory itself.
        if (!adf.freshness(f, new RunQuery(from, to, Set.of(), Set.of(), AlertMonitor.UNBOUNDED)).fromMemory()) {
            return;
        }
        List<PipelineRun> going;
        try {
            // The runs in progress first (a handful, not the week's million records of a big factory) ...
            going = adf.queryPipelineRuns(f, new RunQuery(from, to, Set.of(), Set.of(RunStatus.IN_PROGRESS),
                    AlertMonitor.UNBOUNDED));
        } catch (DataFactoryException e) {
            return;
        }
        Map<String, List<Watchlist.Watch>> watching = new LinkedHashMap<>();
        watchers.forEach(c -> watching.put(c, watches.watching(c)));
        Set<String> watched = new HashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (PipelineRun r : RunningLong.inProgress(going)) {
            String name = r.pipelineName().toLowerCase(Locale.ROOT);
            if (r.parentRunId() == null && !watched.contains(name) && watching.values().stream()
                    .anyMatch(mine -> Watches.watchedSince(mine, f.factoryName(), r.pipelineName()).isPresent())) {
                watched.add(name);
            }
            if (watched.contains(name)) {
                names.add(r.pipelineName());
            }
        }
        if (watched.isEmpty()) {
            return;
        }
        List<PipelineRun> known;
        try {
            // ... then the week of the watched pipelines among them: their successes are the baselines.
            known = adf.queryPipelineRuns(f, new RunQuery(from, to, names, Set.of(), AlertMonitor.UNBOUNDED)).stream()
                    .filter(r -> watched.contains(r.pipelineName().toLowerCase(Locale.ROOT))).toList();
        } catch (DataFactoryException e) {
            return;
        }
        List<RunningLong> longRuns = tools.baselines().runningLong(known, now, Duration.ZERO).stream()
                .filter(r -> r.run().parentRunId() == null).toList();
        for (RunningLong r : longRuns) {
            PipelineRun run = r.run();
            for (String conversation : watchers) {
                List<Watchlist.Watch> mine = watching.get(conversation);
                Optional<Instant> since = Watches.watchedSince(mine, f.factoryName(), run.pipelineName());
                if (since.isEmpty() || store.snoozedUntil(conversation, run.pipelineName(), now).isPresent()) {
                    continue;
                }
                String key = "long:" + run.runId();
                AlertRecord a = AlertRecord.claimed(AlertStore.idOf(conversation, key),
                        new AlertRecord.Subject(conversation, f.factoryName(), run.pipelineName(), run.runId(),
                                run.runStart(), AlertView.Kind.RUNNING_LONG, null),
                        UUID.randomUUID().toString(), now);
                delivery.raise(a, key, now, () -> new AlertCard.Single(alerts.view(a, r)));
            }
        }
    }
}
