package com.adfops.alerts;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.runs.AdfTools;
import com.adfops.answers.AlertView;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.answers.Watchlist;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * digest card. A later success of an alerted pipeline updates its card to "Recovered". The watermark moves only after
 * a pass, so a restart or a failed read repeats the window and the claims keep it from alerting twice.
 *
 * <p>Running long comes after every factory's failures, and never holds them back: only watched pipelines' runs are
 * judged, against the baselines at hand; a baseline still being read back from Data Factory (in the background, at
 * most one read per pipeline) is used at a later pass.
 */
public final class AlertMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertMonitor.class);
    private static final int UNBOUNDED = 1_000_000;
    /**
     * A post that has not completed this long after it started is tried again (by any instance): longer than a post
     * can take (the connector transport retries a send for at most a minute, a channel post and its fallback are two
     * sends, and {@link #POST_TIMEOUT}), so a slow post is never taken over while it is still going.
     */
    static final Duration RETRY_POSTING_AFTER = Duration.ofMinutes(5);
    /** Alerts of runs older than this are not posted any more (the conversation was likely removed). */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** How long a post may take before it counts as failed. */
    static final Duration POST_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How far behind the watermark may stay while a conversation's alerts cannot be claimed; past it, the watermark
     * moves on (with a warning), so one failing conversation does not make every pass read an ever longer window.
     */
    static final Duration MAX_WATERMARK_LAG = Duration.ofHours(1);
    /**
     * The runs a pass reads from memory for "running long": the runs in progress, and the successes a pipeline's
     * baseline comes from when it runs often enough (a daily or weekly pipeline's is read back once and kept).
     */
    static final Duration BASELINE = Duration.ofDays(7);

    /**
     * @param every       how often detection runs
     * @param overlap     how far each pass reaches back before the watermark (late writes, index refresh lag)
     * @param groupWindow failures sharing a root cause within this window share one card
     * @param digestAfter more new alerts than this for one conversation in one pass become one digest card
     */
    public record Settings(Duration every, Duration overlap, Duration groupWindow, int digestAfter) {
    }

    private final DataFactory adf;
    private final AdfTools tools;
    private final Watches watches;
    private final AlertStore store;
    private final AlertService alerts;
    private final Clock clock;
    private final Settings settings;
    private volatile AlertPoster poster;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-monitor");
        t.setDaemon(true);
        return t;
    });

    public AlertMonitor(DataFactory adf, AdfTools tools, Watches watches, AlertStore store, AlertService alerts,
                        Clock clock, Settings settings) {
        this.adf = adf;
        this.tools = tools;
        this.watches = watches;
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
        this.settings = settings;
    }

    /** Who posts the cards (the Teams edge); detection waits for it. */
    public void postWith(AlertPoster p) {
        this.poster = p;
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
        if (poster == null) {
            return;
        }
        Instant now = clock.instant();
        retryStuck(now);
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
            List<PipelineRun> failed = runs.stream()
                    .filter(r -> r.status() == RunStatus.FAILED && r.parentRunId() == null && r.runEnd() != null
                            && !r.runEnd().isBefore(from))
                    .sorted(Comparator.comparing(PipelineRun::runEnd)).toList();
            // The watermark stays where it was when a conversation's alerts could not be claimed (storage failing):
            // the window is read again next pass, and claims keep what did go out from going out twice.
            boolean complete = true;
            if (!failed.isEmpty()) {
                Map<String, Diagnosis> diagnoses = new HashMap<>();
                Map<String, Set<String>> inside = failedInside(runs);
                for (String conversation : watchers) {
                    try {
                        alert(conversation, f, failed, inside, diagnoses, now);
                    } catch (RuntimeException e) {
                        complete = false;
                        log.warn("Alerts for conversation {} failed this pass; its window is read again next pass",
                                conversation, e);
                    }
                }
            }
            read.add(f);
            recover(f, runs.stream().filter(r -> r.status() == RunStatus.SUCCEEDED).toList(), now);
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
                runningLong(f, watchers, now);
            }
        }
    }

    /**
     * For each root run, the pipelines of its failed Execute Pipeline descendants: watching a child pipeline alerts
     * with its root run (a parent and its children failing together are one alert).
     */
    static Map<String, Set<String>> failedInside(List<PipelineRun> runs) {
        Map<String, PipelineRun> byId = new HashMap<>();
        runs.forEach(r -> byId.put(r.runId(), r));
        Map<String, Set<String>> out = new HashMap<>();
        for (PipelineRun r : runs) {
            if (r.status() != RunStatus.FAILED || r.parentRunId() == null) {
                continue;
            }
            PipelineRun top = r;
            for (int i = 0; i < 10 && top.parentRunId() != null && byId.containsKey(top.parentRunId()); i++) {
                top = byId.get(top.parentRunId());
            }
            out.computeIfAbsent(top.runId(), k -> new java.util.HashSet<>()).add(r.pipelineName());
        }
        return out;
    }

    /** What an Azure Monitor alert led to: the failed runs its window holds, and the alert cards it claimed. */
    public record Ingested(int failedRuns, List<String> alertIds) {
    }

    /**
     * An Azure Monitor alert said runs failed: alert for the failed root runs of {@code pipelines} (empty: any) that
     * ended in the window, through the same claims as detection (a run already alerted is not alerted again).
     */
    public Ingested ingest(FactoryRef f, Instant from, Instant to, Set<String> pipelines) {
        if (poster == null) {
            return new Ingested(0, List.of());
        }
        Instant now = clock.instant();
        List<PipelineRun> runs = adf.queryPipelineRuns(f, new RunQuery(from, to.plus(Duration.ofMinutes(1)), Set.of(),
                Set.of(RunStatus.FAILED), UNBOUNDED));
        Map<String, Set<String>> inside = failedInside(runs);
        List<PipelineRun> failed = runs.stream()
                .filter(r -> r.parentRunId() == null && r.runEnd() != null && !r.runEnd().isBefore(from))
                .filter(r -> pipelines.isEmpty() || pipelines.stream().anyMatch(p -> p.equalsIgnoreCase(r.pipelineName())
                        || inside.getOrDefault(r.runId(), Set.of()).stream().anyMatch(p::equalsIgnoreCase)))
                .sorted(Comparator.comparing(PipelineRun::runEnd)).toList();
        Map<String, Diagnosis> diagnoses = new HashMap<>();
        List<String> claimed = new ArrayList<>();
        for (String conversation : watches.watchers()) {
            try {
                claimed.addAll(alert(conversation, f, failed, inside, diagnoses, now));
            } catch (RuntimeException e) {
                log.warn("Alerts for conversation {} failed", conversation, e);
            }
        }
        return new Ingested(failed.size(), claimed);
    }

    /**
     * An Azure Monitor alert resolved: of the alert cards it posted ({@code alertIds}), those still open, of
     * {@code pipelines} (empty: any of them), say so. No other card changes.
     */
    public int resolved(FactoryRef f, java.util.Collection<String> alertIds, Set<String> pipelines, Instant at) {
        int n = 0;
        Set<String> mine = new java.util.HashSet<>(alertIds);
        for (String id : store.open()) {
            Optional<AlertRecord> found = mine.contains(id) ? store.find(id) : Optional.empty();
            if (found.isEmpty() || !found.get().factory().equalsIgnoreCase(f.factoryName())
                    || found.get().state() == AlertRecord.State.RECOVERED
                    || found.get().state() == AlertRecord.State.POSTING
                    || !(pipelines.isEmpty() || pipelines.stream().anyMatch(p -> p.equalsIgnoreCase(found.get().pipeline())))) {
                continue;
            }
            AlertRecord after = store.update(id, x -> x.recovered(null, at));
            n++;
            if (poster != null && after.activityId() != null && after.postedTo() != null) {
                poster.update(after.conversationId(), new AlertPoster.Posted(after.postedTo(), after.activityId()),
                        new AlertCard.Single(alerts.view(after))).exceptionally(e -> {
                            log.warn("Could not update the resolved alert {}", id, e);
                            return null;
                        });
            }
        }
        return n;
    }

    /** The last instant detection covered a factory (a stateful monitor alert looks back to it), if any. */
    public Optional<Instant> watermark(FactoryRef f) {
        return store.watermark(f.factoryName());
    }

    /**
     * Alerts a conversation of its watched failures among {@code failed}; returns the ids of their alerts, whoever
     * claimed them (this pass, an earlier one, another instance).
     */
    private List<String> alert(String conversation, FactoryRef f, List<PipelineRun> failed, Map<String, Set<String>> inside,
                               Map<String, Diagnosis> diagnoses, Instant now) {
        List<Watchlist.Watch> mine = watches.watching(conversation);
        List<PipelineRun> fresh = new ArrayList<>();
        for (PipelineRun r : failed) {
            // Watched since before the run ended (the root's pipeline, or a child pipeline that failed inside it).
            Optional<Instant> since = Watches.watchedSince(mine, f.factoryName(), r.pipelineName());
            for (String p : inside.getOrDefault(r.runId(), Set.of())) {
                Optional<Instant> child = Watches.watchedSince(mine, f.factoryName(), p);
                if (child.isPresent() && (since.isEmpty() || child.get().isBefore(since.get()))) {
                    since = child;
                }
            }
            boolean watched = since.isPresent() && !r.runEnd().isBefore(since.get());
            if (watched && store.snoozedUntil(conversation, r.pipelineName(), now).isEmpty()) {
                fresh.add(r);
            }
        }
        // Claims first: the alert's record is the claim; whoever creates it posts, everyone else (other instances,
        // later passes) skips it.
        List<PipelineRun> claimed = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (PipelineRun r : fresh) {
            AlertRecord a = posting(AlertStore.idOf(conversation, r.runId()), conversation, f, r, now);
            if (store.claim(a, r.runId(), now)) {
                claimed.add(r);
                ids.put(r.runId(), a.id());
            }
        }
        List<String> alertIds = fresh.stream().map(r -> AlertStore.idOf(conversation, r.runId())).toList();
        if (claimed.isEmpty()) {
            return alertIds;
        }
        if (claimed.size() > settings.digestAfter()) {
            PipelineRun first = claimed.get(0);
            List<String> others = claimed.stream().skip(1).map(AlertMonitor::label).toList();
            AlertRecord digest = store.update(ids.get(first.runId()), x -> x.grouping(others, null));
            for (PipelineRun r : claimed.subList(1, claimed.size())) {
                store.update(ids.get(r.runId()), x -> x.recovered(null, now));
            }
            List<AlertView> rows = claimed.stream().map(r -> new AlertView("", AlertView.Kind.FAILED, AlertView.State.OPEN, f.factoryName(), r.pipelineName(),
                    r.runId(), r.runEnd(), "", "", "", "", null, List.of(), "", null, null, "")).toList();
            post(digest, new AlertCard.Digest(f.factoryName(), rows));
            return alertIds;
        }
        // Shared root cause within the group window: one card (an open card of an earlier pass takes the run in).
        List<List<PipelineRun>> groups = new ArrayList<>();
        Map<String, List<PipelineRun>> openGroup = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<AlertRecord> earlier = openCards(conversation, f, now);
        for (PipelineRun r : claimed) {
            String key = rootKey(diagnoses.computeIfAbsent(r.runId(), k -> diagnose(r)));
            keys.put(r.runId(), key);
            Optional<AlertRecord> joins = key == null ? Optional.empty() : earlier.stream()
                    .filter(a -> key.equals(a.rootKey()) && !a.pipeline().equalsIgnoreCase(r.pipelineName())
                            && Duration.between(a.failedAt(), r.runEnd()).abs().compareTo(settings.groupWindow()) <= 0)
                    .findFirst();
            if (joins.isPresent()) {
                join(joins.get(), r, ids.get(r.runId()), now, key);
                continue;
            }
            List<PipelineRun> group = key == null ? null : openGroup.get(key);
            if (group != null && Duration.between(group.get(0).runEnd(), r.runEnd()).compareTo(settings.groupWindow()) <= 0) {
                group.add(r);
                continue;
            }
            group = new ArrayList<>(List.of(r));
            groups.add(group);
            if (key != null) {
                openGroup.put(key, group);
            }
        }
        for (List<PipelineRun> group : groups) {
            PipelineRun main = group.get(0);
            List<String> others = group.stream().skip(1).map(AlertMonitor::label).toList();
            AlertRecord a = store.update(ids.get(main.runId()), x -> x.grouping(others, keys.get(main.runId())));
            for (PipelineRun r : group.subList(1, group.size())) {
                // Grouped runs are on the main card; their own alert records are closed at once.
                store.update(ids.get(r.runId()), x -> x.recovered(null, now));
            }
            post(a, null);
        }
        return alertIds;
    }

    /** A claimed alert of a failed run, not posted yet: alone on its card until grouping says otherwise. */
    private AlertRecord posting(String id, String conversation, FactoryRef f, PipelineRun r, Instant now) {
        return new AlertRecord(id, conversation, f.factoryName(), r.pipelineName(), r.runId(), r.runEnd(), List.of(),
                AlertRecord.State.POSTING, UUID.randomUUID().toString(), now, null, null, null, null, null, null, null, null,
                null, false);
    }

    /**
     * Predictive: a watched pipeline's run still in progress past its usual duration (its last successful runs, however
     * far back: {@link com.adfops.runs.RunBaselines}) gets one "running long" alert per conversation (before it fails
     * or misses its window); the card recovers when that run succeeds. Only watched pipelines' baselines are asked for,
     * and none is waited for: one not read back yet is judged at a later pass.
     */
    private void runningLong(FactoryRef f, List<String> watchers, Instant now) {
        RunQuery week = new RunQuery(now.minus(BASELINE), now.plus(Duration.ofMinutes(1)), Set.of(), Set.of(), UNBOUNDED);
        // Every pass reads a week of runs: only from the run index's memory, never from Data Factory itself.
        if (!adf.freshness(f, week).fromMemory()) {
            return;
        }
        List<PipelineRun> runs;
        try {
            runs = adf.queryPipelineRuns(f, week);
        } catch (DataFactoryException e) {
            return;
        }
        Map<String, List<Watchlist.Watch>> watching = new LinkedHashMap<>();
        watchers.forEach(c -> watching.put(c, watches.watching(c)));
        Set<String> watched = new java.util.HashSet<>();
        for (PipelineRun r : com.adfops.runs.RunningLong.inProgress(runs)) {
            String name = r.pipelineName().toLowerCase(java.util.Locale.ROOT);
            if (r.parentRunId() == null && !watched.contains(name) && watching.values().stream()
                    .anyMatch(mine -> Watches.watchedSince(mine, f.factoryName(), r.pipelineName()).isPresent())) {
                watched.add(name);
            }
        }
        if (watched.isEmpty()) {
            return;
        }
        List<PipelineRun> known = runs.stream()
                .filter(r -> watched.contains(r.pipelineName().toLowerCase(java.util.Locale.ROOT))).toList();
        List<com.adfops.runs.RunningLong> longRuns = tools.baselines().runningLong(known, now, Duration.ZERO).stream()
                .filter(r -> r.run().parentRunId() == null).toList();
        for (com.adfops.runs.RunningLong r : longRuns) {
            PipelineRun run = r.run();
            for (String conversation : watchers) {
                List<Watchlist.Watch> mine = watching.get(conversation);
                Optional<Instant> since = Watches.watchedSince(mine, f.factoryName(), run.pipelineName());
                if (since.isEmpty() || store.snoozedUntil(conversation, run.pipelineName(), now).isPresent()) {
                    continue;
                }
                String key = "long:" + run.runId();
                AlertRecord a = new AlertRecord(AlertStore.idOf(conversation, key), conversation, f.factoryName(),
                        run.pipelineName(), run.runId(), run.runStart(), List.of(), AlertRecord.State.POSTING,
                        UUID.randomUUID().toString(), now, null, null, null, null, null, null, null, null, null, true);
                if (store.claim(a, key, now)) {
                    post(a, null, r);
                }
            }
        }
    }

    /** The conversation's posted, unrecovered alert cards of a factory. */
    private List<AlertRecord> openCards(String conversation, FactoryRef f, Instant now) {
        List<AlertRecord> out = new ArrayList<>();
        for (String id : store.open()) {
            store.find(id).filter(a -> a.conversationId().equals(conversation) && a.factory().equals(f.factoryName())
                    && a.activityId() != null && a.rootKey() != null && a.failedAt() != null
                    && (a.state() == AlertRecord.State.OPEN || a.state() == AlertRecord.State.ACKNOWLEDGED))
                    .ifPresent(out::add);
        }
        return out;
    }

    /** A failure with the same root cause as an open card: listed on that card (updated), not a card of its own. */
    private void join(AlertRecord card, PipelineRun r, String id, Instant now, String key) {
        store.update(id, x -> x.grouping(List.of(), key).recovered(null, now));
        AlertRecord after = store.update(card.id(), x -> x.withAlso(label(r)));
        poster.update(card.conversationId(), new AlertPoster.Posted(after.postedTo(), after.activityId()),
                new AlertCard.Single(alerts.view(after))).exceptionally(e -> {
                    log.warn("Could not add run {} to the alert card {}", r.runId(), card.id(), e);
                    return null;
                });
        log.info("Run {} of {} joins the alert card of {} (same root cause)", r.runId(), r.pipelineName(), card.pipeline());
    }

    private void post(AlertRecord a, AlertCard.Digest digestCard) {
        post(a, digestCard, null);
    }

    /**
     * Posts a claimed alert's card ({@code digest} instead, when given) and, once the connector took it, records where
     * it went; until then the alert stays POSTING, and {@link #retryStuck} posts it again.
     */
    private void post(AlertRecord a, AlertCard.Digest digestCard, com.adfops.runs.RunningLong longRun) {
        // The post's lease starts now (not when the pass began): no instance takes it over while it is going.
        Instant start = clock.instant();
        AlertRecord leased = store.update(a.id(), x -> x.state() == AlertRecord.State.POSTING
                && java.util.Objects.equals(x.owner(), a.owner()) ? x.retrying(a.owner(), start) : x);
        if (leased.state() != AlertRecord.State.POSTING || !java.util.Objects.equals(leased.owner(), a.owner())
                || !start.equals(leased.postedAt())) {
            return;
        }
        boolean digest = digestCard != null;
        AlertCard card = digest ? digestCard : new AlertCard.Single(alerts.view(a, longRun));
        try {
            AlertPoster.Posted where = poster.post(a.conversationId(), card).get(POST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Instant at = clock.instant();
            store.update(a.id(), x -> x.posted(where.conversationId(), digest ? null : where.activityId(), at));
            if (digest) {
                store.update(a.id(), x -> x.recovered(null, at));
            }
            log.info("Alert for {} run {} posted to {}", a.pipeline(), a.runId(), a.conversationId());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Posting the alert for run {} to {} failed; it is tried again in {}", a.runId(), a.conversationId(),
                    RETRY_POSTING_AFTER, e);
        }
    }

    /**
     * Posts that did not complete (a crash, a connector outage) are tried again by whichever instance takes them. An
     * open id without a record (a claim cut short between its two writes) is dropped once it is older than a retry
     * would wait: the claim is made again when its run is read again, from the watermark that did not move.
     */
    private void retryStuck(Instant now) {
        AlertStore.Open open = store.openList();
        for (String id : open.ids()) {
            Optional<AlertRecord> a = store.find(id);
            if (a.isEmpty()) {
                Instant since = open.added().get(id);
                if (since == null || !since.plus(RETRY_POSTING_AFTER).isAfter(now)) {
                    store.forget(id);
                }
                continue;
            }
            if (a.get().state() == AlertRecord.State.RECOVERED) {
                store.forget(id);
                continue;
            }
            if (a.get().state() != AlertRecord.State.POSTING || a.get().postedAt().plus(RETRY_POSTING_AFTER).isAfter(now)) {
                continue;
            }
            if (a.get().failedAt() != null && a.get().failedAt().plus(GIVE_UP_AFTER).isBefore(now)) {
                store.update(id, x -> x.recovered(null, now));
                continue;
            }
            String me = UUID.randomUUID().toString();
            AlertRecord taken = store.update(id, x -> x.state() == AlertRecord.State.POSTING
                    && !x.postedAt().plus(RETRY_POSTING_AFTER).isAfter(now) ? x.retrying(me, now) : x);
            if (me.equals(taken.owner())) {
                post(taken, null);
            }
        }
    }

    /** A later success of an alerted pipeline: its card says "Recovered at T" and loses its buttons. */
    private void recover(FactoryRef f, List<PipelineRun> succeeded, Instant now) {
        if (succeeded.isEmpty()) {
            return;
        }
        for (String id : store.open()) {
            Optional<AlertRecord> found = store.find(id);
            if (found.isEmpty() || !found.get().factory().equals(f.factoryName())
                    || found.get().state() == AlertRecord.State.POSTING || found.get().state() == AlertRecord.State.RECOVERED) {
                continue;
            }
            AlertRecord a = found.get();
            Optional<PipelineRun> ok = succeeded.stream()
                    .filter(r -> r.pipelineName().equalsIgnoreCase(a.pipeline()) && r.runStart() != null
                            && a.failedAt() != null && r.runStart().isAfter(a.failedAt().minusSeconds(1))
                            && (a.runningLong() || !r.runId().equals(a.runId())))
                    .min(Comparator.comparing(PipelineRun::runStart));
            if (ok.isEmpty()) {
                continue;
            }
            Instant at = ok.get().runEnd() != null ? ok.get().runEnd() : now;
            AlertRecord after = store.update(id, x -> x.recovered(ok.get().runId(), at));
            if (after.activityId() != null && after.postedTo() != null) {
                poster.update(a.conversationId(), new AlertPoster.Posted(after.postedTo(), after.activityId()),
                        new AlertCard.Single(alerts.view(after))).exceptionally(e -> {
                            log.warn("Could not update the recovered alert {}", id, e);
                            return null;
                        });
            }
        }
    }

    private Diagnosis diagnose(PipelineRun r) {
        try {
            return new Diagnoser(tools).diagnose(r);
        } catch (DataFactoryException e) {
            return null;
        }
    }

    /** Error code and linked service (or target) of the root cause; null when there is none to share. */
    static String rootKey(Diagnosis d) {
        if (d == null || !d.hasRootCause() || d.rootCause().activity().error().errorCode().isBlank()) {
            return null;
        }
        var a = d.rootCause().activity();
        String where = a.linkedService() != null && !a.linkedService().isBlank() ? a.linkedService() : a.error().target();
        return a.error().errorCode() + "|" + (where == null ? "" : where.toLowerCase(java.util.Locale.ROOT));
    }

    private static String label(PipelineRun r) {
        return r.pipelineName() + " · run " + r.runId();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
