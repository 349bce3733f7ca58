package com.adfops.alerts;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.impact.DependencyGraph;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.NextRuns;
import com.adfops.impact.NodeState;
import com.adfops.impact.RuntimeHealth;
import com.adfops.impact.RuntimeReport;
import com.adfops.impact.RuntimeUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts of a watched factory's self-hosted integration runtimes, before their pipelines fail: when a runtime becomes
 * unhealthy (a node offline or limited, no node running jobs, its version expired or expiring within
 * {@link FactoryImpact#EXPIRY_WARNING}), each conversation that watches the factory (a {@code *} watch) or a pipeline
 * that uses the runtime gets one card: the runtime, its nodes not online and since when, and the pipelines that use it
 * and run within the look-ahead, the most imminent first. The card is updated while the outage lasts when a node's
 * condition or the version's changes, and says "Recovered" once every node is online and the version current.
 *
 * <p>One alert per outage: the outages of a runtime in a conversation are numbered ({@code runtime:factory:name},
 * then {@code #1}, {@code #2}, ...), and outage n+1 is claimed only when the record of outage n has recovered. The
 * record is the claim ({@link AlertDelivery#raise}: created if absent), so a node that stays offline is alerted once
 * across passes, restarts and instances, and a new outage after a recovery is a new alert. A hint in the store
 * ({@link AlertStore#latestOutage}) saves walking the recovered ones.
 */
final class RuntimeAlerts implements AlertDetector {

    private static final Logger log = LoggerFactory.getLogger(RuntimeAlerts.class);

    private final FactoryImpact impact;
    private final NextRuns nextRuns;
    private final Watches watches;
    private final AlertStore store;
    private final AlertService alerts;
    private final AlertDelivery delivery;
    private final Duration lookahead;

    /**
     * @param impact    the factories' dependency graphs (the definitions and the runtimes' states as last read)
     * @param nextRuns  the pipelines' next expected runs (the schedule's)
     * @param lookahead a pipeline that uses the runtime and runs within this is at risk
     */
    RuntimeAlerts(FactoryImpact impact, NextRuns nextRuns, Watches watches, AlertStore store, AlertService alerts,
                  AlertDelivery delivery, Duration lookahead) {
        this.impact = impact;
        this.nextRuns = nextRuns;
        this.watches = watches;
        this.store = store;
        this.alerts = alerts;
        this.delivery = delivery;
        this.lookahead = lookahead;
    }

    @Override
    public void detect(FactoryRef f, List<String> watchers, Instant now) {
        List<RuntimeReport> reports;
        try {
            DependencyGraph g = impact.graph(f);
            RuntimeHealth health = new RuntimeHealth(g);
            // The runtimes' states first; the pipelines' next runs (the triggers' schedules) only when one is unhealthy.
            List<RuntimeReport> states = health.selfHosted(now, FactoryImpact.EXPIRY_WARNING, lookahead,
                    p -> Optional.empty());
            recover(f, states, now);
            if (states.stream().noneMatch(RuntimeAlerts::unhealthy)) {
                return;
            }
            reports = health.selfHosted(now, FactoryImpact.EXPIRY_WARNING, lookahead, nextRuns.of(g.definitions(), now));
        } catch (DataFactoryException e) {
            log.warn("Runtime alerts: could not read the definitions of {} ({}); judged again next pass",
                    f.factoryName(), e.kind());
            return;
        }
        for (RuntimeReport r : reports) {
            if (!unhealthy(r)) {
                continue;
            }
            AlertView.Runtime facts = facts(r, lookahead);
            List<String> users = r.users().stream().map(RuntimeUser::pipeline).toList();
            for (String conversation : watchers) {
                if (watches(watches.watching(conversation), f.factoryName(), users)) {
                    raise(conversation, f, r, facts, now);
                }
            }
        }
    }

    /** Raises the runtime's current outage in a conversation, unless it was (then its card follows the facts). */
    private void raise(String conversation, FactoryRef f, RuntimeReport r, AlertView.Runtime facts, Instant now) {
        String base = key(f, r.runtime());
        int hint = store.latestOutage(conversation, base);
        AlertRecord before = null;
        for (int n = hint; ; n++) {
            String key = n == 0 ? base : base + "#" + n;
            String id = AlertStore.idOf(conversation, key);
            Optional<AlertRecord> found = store.find(id);
            if (found.isPresent() && found.get().state() == AlertRecord.State.RECOVERED) {
                before = found.get();
                continue;
            }
            if (found.isPresent()) {
                follow(found.get(), facts);
                return;
            }
            if (before != null && before.recovered() != null && before.recovered().at() != null
                    && facts.readAt() != null && !facts.readAt().isAfter(before.recovered().at())) {
                // Read before the last outage was seen over (another instance's definitions are newer): not a new one.
                return;
            }
            if (n > hint) {
                store.latestOutage(conversation, base, n);
            }
            AlertRecord a = AlertRecord.claimed(id, new AlertRecord.Subject(conversation, f.factoryName(), r.runtime(), "",
                    now, AlertView.Kind.RUNTIME, null, facts), UUID.randomUUID().toString(), now);
            if (delivery.raise(a, key, now, () -> new AlertCard.Single(alerts.view(a)))) {
                log.info("Runtime alert: {} in {} is {} ({} pipelines at risk), posted to {}", r.runtime(),
                        f.factoryName(), r.state(), facts.atRisk().size() + facts.moreAtRisk(), conversation);
            }
            return;
        }
    }

    /** An open card of this outage: updated when a node's condition or the version changed since it was drawn. */
    private void follow(AlertRecord a, AlertView.Runtime facts) {
        if (a.state() == AlertRecord.State.POSTING || Objects.equals(shape(a.subject().runtime()), shape(facts))) {
            return;
        }
        AlertRecord after = store.update(a.id(), x -> x.state() == AlertRecord.State.OPEN
                || x.state() == AlertRecord.State.ACKNOWLEDGED ? x.withRuntime(facts) : x);
        if (after.delivery().activityId() != null && after.delivery().postedTo() != null
                && after.state() != AlertRecord.State.RECOVERED) {
            delivery.update(after, "Could not update the runtime alert {}", a.id());
        }
    }

    /** The open runtime alerts of this factory whose runtime is healthy again: "Recovered", with what was read. */
    private void recover(FactoryRef f, List<RuntimeReport> reports, Instant now) {
        for (String id : store.open()) {
            Optional<AlertRecord> found = store.find(id);
            if (found.isEmpty() || found.get().kind() != AlertView.Kind.RUNTIME
                    || !found.get().factory().equalsIgnoreCase(f.factoryName())
                    || found.get().state() == AlertRecord.State.POSTING
                    || found.get().state() == AlertRecord.State.RECOVERED) {
                continue;
            }
            AlertRecord a = found.get();
            Optional<RuntimeReport> health = reports.stream().filter(r -> r.runtime().equalsIgnoreCase(a.pipeline()))
                    .findFirst();
            if (health.isEmpty() || health.get().state() != RuntimeReport.State.HEALTHY) {
                continue;
            }
            AlertView.Runtime facts = facts(health.get(), lookahead);
            Instant at = health.get().readAt() != null && !health.get().readAt().isAfter(now) ? health.get().readAt() : now;
            AlertRecord after = store.update(id, x -> x.state() == AlertRecord.State.OPEN
                    || x.state() == AlertRecord.State.ACKNOWLEDGED ? x.withRuntime(facts).recovered(null, at) : x);
            if (after.state() == AlertRecord.State.RECOVERED && after.delivery().activityId() != null
                    && after.delivery().postedTo() != null) {
                delivery.update(after, "Could not update the recovered runtime alert {}", id);
            }
        }
    }

    /**
     * Whether a runtime is alerted: a node offline or limited, no node running jobs, or its version expired or
     * expiring. (A node upgrading alone is not: self-hosted runtimes update themselves.)
     */
    static boolean unhealthy(RuntimeReport r) {
        return r.nodes().stream().anyMatch(n -> n.condition() == NodeState.Condition.OFFLINE
                || n.condition() == NodeState.Condition.LIMITED)
                || r.availability() == RuntimeReport.Availability.DOWN
                || r.version() != RuntimeReport.Version.CURRENT;
    }

    /** Whether a conversation's watches cover a runtime: its factory ({@code *}), or a pipeline that uses it. */
    static boolean watches(List<Watchlist.Watch> mine, String factory, List<String> users) {
        for (Watchlist.Watch w : mine) {
            if (w.factory() != null && !w.factory().equalsIgnoreCase(factory)) {
                continue;
            }
            if (w.pattern().equals("*") || users.stream().anyMatch(p -> Watches.matches(w.pattern(), p))) {
                return true;
            }
        }
        return false;
    }

    /** The outages of a runtime of a factory: whatever the names, any case (as ADF). */
    static String key(FactoryRef f, String runtime) {
        return "runtime:" + f.factoryName().toLowerCase(Locale.ROOT) + ":" + runtime.toLowerCase(Locale.ROOT);
    }

    /** The card's facts: the nodes not online, the version, the pipelines at risk (the most imminent first). */
    static AlertView.Runtime facts(RuntimeReport r, Duration lookahead) {
        List<AlertView.Runtime.Node> nodes = r.nodesNotOnline().stream()
                .map(n -> new AlertView.Runtime.Node(n.node(), n.condition().name(), n.status(), n.lastConnect()))
                .toList();
        List<RuntimeUser> risk = r.atRisk();
        List<AlertView.Runtime.Pipeline> listed = risk.stream().limit(AlertView.Runtime.MAX_AT_RISK)
                .map(u -> new AlertView.Runtime.Pipeline(u.pipeline(), u.nextRun(), u.through())).toList();
        return new AlertView.Runtime(r.runtime(), r.state().name(), nodes, r.nodes().size(), r.version().name(),
                r.expiry(), lookahead, listed, risk.size() - listed.size(), r.readAt());
    }

    /** What makes a card out of date: the state, the version, each node's condition (not the times). */
    private static String shape(AlertView.Runtime facts) {
        if (facts == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(facts.state()).append('|').append(facts.version());
        facts.nodes().forEach(n -> s.append('|').append(n.node()).append('=').append(n.condition()));
        return s.toString();
    }
}
