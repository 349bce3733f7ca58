package com.adfops.alerts;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.impact.RunImpact;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.runs.AdfTools;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed runs, the first kind of alert: of the failed root runs a pass (or an Azure Monitor alert) found, those each
 * conversation watches (the root's pipeline, or a child pipeline that failed inside it) and has not snoozed are
 * claimed, then posted through {@link AlertDelivery}: failures sharing a root cause (error code and linked service or
 * target) within the group window share one card (an open card of an earlier pass takes the run in), and more than
 * the digest threshold at once become one digest card.
 */
final class FailedRunAlerts {

    private static final Logger log = LoggerFactory.getLogger(FailedRunAlerts.class);

    /**
     * The alerts of one lot of failures: their ids (whoever claimed them), and whether every conversation's claims
     * went through.
     */
    record Claimed(List<String> alertIds, boolean complete) {
    }

    private final DataFactory adf;
    private final AdfTools tools;
    private final Watches watches;
    private final AlertStore store;
    private final AlertDelivery delivery;
    private final AlertMonitor.Settings settings;

    FailedRunAlerts(DataFactory adf, AdfTools tools, Watches watches, AlertStore store, AlertDelivery delivery,
                    AlertMonitor.Settings settings) {
        this.adf = adf;
        this.tools = tools;
        this.watches = watches;
        this.store = store;
        this.delivery = delivery;
        this.settings = settings;
    }

    /** The failed root runs among a pass's {@code runs} that ended at or after {@code from}, oldest first. */
    static List<PipelineRun> failedRoots(List<PipelineRun> runs, Instant from) {
        return runs.stream()
                .filter(r -> r.status() == RunStatus.FAILED && r.parentRunId() == null && r.runEnd() != null
                        && !r.runEnd().isBefore(from))
                .sorted(Comparator.comparing(PipelineRun::runEnd)).toList();
    }

    /**
     * An Azure Monitor alert said runs failed: alerts every watching conversation of the failed root runs of
     * {@code pipelines} (empty: any; a child pipeline that failed inside counts) that ended in the window, read from
     * Data Factory.
     */
    AlertMonitor.Ingested ingest(FactoryRef f, Instant from, Instant to, Set<String> pipelines, Instant now) {
        List<PipelineRun> runs = adf.queryPipelineRuns(f, new RunQuery(from, to.plus(Duration.ofMinutes(1)), Set.of(),
                Set.of(RunStatus.FAILED), AlertMonitor.UNBOUNDED));
        Map<String, Set<String>> inside = failedInside(runs);
        List<PipelineRun> failed = runs.stream()
                .filter(r -> r.parentRunId() == null && r.runEnd() != null && !r.runEnd().isBefore(from))
                .filter(r -> pipelines.isEmpty() || pipelines.stream().anyMatch(p -> p.equalsIgnoreCase(r.pipelineName())
                        || inside.getOrDefault(r.runId(), Set.of()).stream().anyMatch(p::equalsIgnoreCase)))
                .sorted(Comparator.comparing(PipelineRun::runEnd)).toList();
        Claimed claimed = alertAll(watches.watchers(), f, failed, inside, now, "Alerts for conversation {} failed");
        return new AlertMonitor.Ingested(failed.size(), claimed.alertIds());
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
            out.computeIfAbsent(top.runId(), k -> new HashSet<>()).add(r.pipelineName());
        }
        return out;
    }

    /**
     * Alerts each of {@code watchers} of its watched failures among {@code failed}; a conversation whose alerts could
     * not be claimed is logged ({@code failure}) and makes the result incomplete, the others go on.
     */
    Claimed alertAll(List<String> watchers, FactoryRef f, List<PipelineRun> failed, Map<String, Set<String>> inside,
                     Instant now, String failure) {
        Map<String, Diagnosis> diagnoses = new HashMap<>();
        List<String> ids = new ArrayList<>();
        boolean complete = true;
        for (String conversation : watchers) {
            try {
                ids.addAll(alert(conversation, f, failed, inside, diagnoses, now));
            } catch (RuntimeException e) {
                complete = false;
                log.warn(failure, conversation, e);
            }
        }
        return new Claimed(ids, complete);
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
            digest(f, claimed, ids, now);
            return alertIds;
        }
        // Shared root cause within the group window: one card (an open card of an earlier pass takes the run in).
        List<List<PipelineRun>> groups = new ArrayList<>();
        Map<String, List<PipelineRun>> openGroup = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<AlertRecord> earlier = openCards(conversation, f);
        for (PipelineRun r : claimed) {
            String key = rootKey(diagnoses.computeIfAbsent(r.runId(), k -> diagnose(r)));
            keys.put(r.runId(), key);
            Optional<AlertRecord> joins = key == null ? Optional.empty() : earlier.stream()
                    .filter(a -> key.equals(a.grouping().rootKey()) && !a.pipeline().equalsIgnoreCase(r.pipelineName())
                            && Duration.between(a.subject().failedAt(), r.runEnd()).abs().compareTo(settings.groupWindow()) <= 0)
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
            AlertRecord a = onOneCard(group, ids, keys.get(main.runId()), now);
            delivery.post(a);
        }
        return alertIds;
    }

    /** Too many new failures at once: the first run's alert posts one digest card of them all. */
    private void digest(FactoryRef f, List<PipelineRun> claimed, Map<String, String> ids, Instant now) {
        AlertRecord digest = onOneCard(claimed, ids, null, now);
        List<AlertView> rows = claimed.stream().map(r -> new AlertView("", AlertView.Kind.FAILED, AlertView.State.OPEN,
                f.factoryName(), r.pipelineName(), r.runId(), r.runEnd(), AlertView.Cause.NONE, List.of(),
                AlertView.Response.NONE, "", RunImpact.NONE, null, null)).toList();
        AlertCard card = new AlertCard.Digest(f.factoryName(), rows);
        delivery.post(digest, () -> card);
    }

    /**
     * Runs shown on one card: the first run's alert lists the others (and the root cause they share, if any); their
     * own alert records are closed at once. Returns the first run's alert.
     */
    private AlertRecord onOneCard(List<PipelineRun> runs, Map<String, String> ids, String rootKey, Instant now) {
        PipelineRun main = runs.get(0);
        List<String> others = runs.stream().skip(1).map(FailedRunAlerts::label).toList();
        AlertRecord a = store.update(ids.get(main.runId()), x -> x.grouping(others, rootKey));
        for (PipelineRun r : runs.subList(1, runs.size())) {
            store.update(ids.get(r.runId()), x -> x.recovered(null, now));
        }
        return a;
    }

    /** A claimed alert of a failed run, not posted yet: alone on its card until grouping says otherwise. */
    private AlertRecord posting(String id, String conversation, FactoryRef f, PipelineRun r, Instant now) {
        return AlertRecord.claimed(id, new AlertRecord.Subject(conversation, f.factoryName(), r.pipelineName(), r.runId(),
                r.runEnd(), AlertView.Kind.FAILED, null), UUID.randomUUID().toString(), now);
    }

    /** The conversation's posted, unrecovered alert cards of a factory. */
    private List<AlertRecord> openCards(String conversation, FactoryRef f) {
        List<AlertRecord> out = new ArrayList<>();
        for (String id : store.open()) {
            store.find(id).filter(a -> a.conversationId().equals(conversation) && a.factory().equals(f.factoryName())
                    && a.delivery().activityId() != null && a.grouping().rootKey() != null && a.subject().failedAt() != null
                    && (a.state() == AlertRecord.State.OPEN || a.state() == AlertRecord.State.ACKNOWLEDGED))
                    .ifPresent(out::add);
        }
        return out;
    }

    /** A failure with the same root cause as an open card: listed on that card (updated), not a card of its own. */
    private void join(AlertRecord card, PipelineRun r, String id, Instant now, String key) {
        store.update(id, x -> x.grouping(List.of(), key).recovered(null, now));
        AlertRecord after = store.update(card.id(), x -> x.withAlso(label(r)));
        delivery.update(after, "Could not add run {} to the alert card {}", r.runId(), card.id());
        log.info("Run {} of {} joins the alert card of {} (same root cause)", r.runId(), r.pipelineName(), card.pipeline());
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
        return a.error().errorCode() + "|" + (where == null ? "" : where.toLowerCase(Locale.ROOT));
    }

    private static String label(PipelineRun r) {
        return r.pipelineName() + " · run " + r.runId();
    }
}
