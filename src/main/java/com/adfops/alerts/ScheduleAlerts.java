package com.adfops.alerts;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.schedule.RunCheck;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRule;
import com.adfops.schedule.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the schedule alerts share (each {@link ScheduleAlertKind}): one check
 * of a factory's last day per pass (the three detectors ask it in turn), each alert raised once per conversation and
 * expected run through {@link AlertDelivery#raise}, and its card recovered when its expected run started (MISSED) or
 * finished (LATE, AT_RISK: in time) after all.
 */
final class ScheduleAlerts {

    private static final Logger log = LoggerFactory.getLogger(ScheduleAlerts.class);
    /** How far back expected runs are judged: older ones are not alerted any more. */
    static final Duration LOOK_BACK = AlertDelivery.GIVE_UP_AFTER;

    private final Schedules schedules;
    private final Watches watches;
    private final AlertStore store;
    private final AlertService alerts;
    private final AlertDelivery delivery;
    /** This pass's check of each factory (a pass asks all three detectors at the same now). */
    private final java.util.Map<String, Pass> passes = new java.util.concurrent.ConcurrentHashMap<>();

    private record Pass(Instant now, Schedules.Checked checked) {
    }

    ScheduleAlerts(Schedules schedules, Watches watches, AlertStore store, AlertService alerts, AlertDelivery delivery) {
        this.schedules = schedules;
        this.watches = watches;
        this.store = store;
        this.alerts = alerts;
        this.delivery = delivery;
    }

    /** Raises the alerts of {@code kind} for the expected runs {@code fires}, and recovers those of {@code kind} that {@code recovered}. */
    void detect(AlertView.Kind kind, Predicate<RunCheck> fires, Predicate<RunCheck> recovered, FactoryRef f,
                List<String> watchers, Instant now) {
        Optional<Schedules.Checked> checked = checked(f, now);
        if (checked.isEmpty()) {
            return;
        }
        recover(kind, recovered, checked.get(), now);
        for (RunCheck c : checked.get().report().checks()) {
            if (!fires.test(c)) {
                continue;
            }
            String pipeline = c.expected().pipeline();
            for (String conversation : watchers) {
                List<Watchlist.Watch> mine = watches.watching(conversation);
                Optional<Instant> since = Watches.watchedSince(mine, f.factoryName(), pipeline);
                if (since.isEmpty() || since.get().isAfter(c.expected().expectedStart())
                        || store.snoozedUntil(conversation, pipeline, now).isPresent()) {
                    continue;
                }
                String key = key(kind, c);
                AlertRecord a = AlertRecord.claimed(AlertStore.idOf(conversation, key),
                        new AlertRecord.Subject(conversation, f.factoryName(), pipeline,
                                c.run() == null ? "" : c.run().runId(), c.expected().expectedStart(), kind,
                                facts(c, checked.get().defs())),
                        UUID.randomUUID().toString(), now);
                delivery.raise(a, key, now, () -> new AlertCard.Single(alerts.view(a)));
            }
        }
    }

    /** The open alerts of {@code kind} in this factory whose expected run now {@code recovered}: "Recovered". */
    private void recover(AlertView.Kind kind, Predicate<RunCheck> recovered, Schedules.Checked checked, Instant now) {
        for (String id : store.open()) {
            Optional<AlertRecord> found = store.find(id);
            if (found.isEmpty() || found.get().kind() != kind || found.get().subject().schedule() == null
                    || !found.get().factory().equalsIgnoreCase(checked.factory().factoryName())
                    || found.get().state() == AlertRecord.State.POSTING
                    || found.get().state() == AlertRecord.State.RECOVERED) {
                continue;
            }
            AlertRecord a = found.get();
            Optional<RunCheck> later = checked.report().checks().stream()
                    .filter(c -> c.expected().pipeline().equalsIgnoreCase(a.pipeline())
                            && c.expected().trigger().equalsIgnoreCase(a.subject().schedule().trigger())
                            && c.expected().expectedStart().equals(a.subject().schedule().expectedStart()))
                    .filter(recovered).findFirst();
            if (later.isEmpty() || later.get().run() == null) {
                continue;
            }
            var run = later.get().run();
            Instant at = run.runEnd() != null ? run.runEnd() : run.runStart() != null ? run.runStart() : now;
            AlertRecord after = store.update(id, x -> x.recovered(run.runId(), at));
            if (after.delivery().activityId() != null && after.delivery().postedTo() != null) {
                delivery.update(after, "Could not update the recovered schedule alert {}", id);
            }
        }
    }

    /** This pass's check of the factory's last day, once for the three detectors; empty when it cannot be read. */
    private Optional<Schedules.Checked> checked(FactoryRef f, Instant now) {
        Pass p = passes.get(f.factoryName());
        if (p != null && p.now().equals(now)) {
            return Optional.of(p.checked());
        }
        try {
            Schedules.Checked c = schedules.check(f, now.minus(LOOK_BACK), null);
            passes.put(f.factoryName(), new Pass(now, c));
            return Optional.of(c);
        } catch (DataFactoryException e) {
            log.warn("Schedule alerts: could not read {} ({}); judged again next pass", f.factoryName(), e.kind());
            return Optional.empty();
        }
    }

    /** One alert per kind and expected run (pipeline, trigger, expected start). */
    static String key(AlertView.Kind kind, RunCheck c) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + c.expected().pipeline() + ":"
                + c.expected().trigger() + ":" + c.expected().expectedStart();
    }

    /** The facts the card words, as data. */
    static AlertView.Schedule facts(RunCheck c, FactoryDefinitions defs) {
        String zone = defs.trigger(c.expected().trigger()).map(FactoryDefinitions.Trigger::recurrence)
                .map(r -> TimeZones.resolve(r.timeZone()).zone().getId()).orElse(null);
        SlaRule rule = c.sla() == null ? null : c.sla().rule();
        String sla = rule == null ? null : rule.written();
        return new AlertView.Schedule(c.expected().trigger(), c.expected().expectedStart(), zone,
                c.cause() == null ? null : c.cause().kind().name(), c.cause() == null ? null : detail(c, defs),
                sla, c.sla() == null ? null : c.sla().deadline(), c.sla() == null ? null : c.sla().expectedEnd(),
                c.run() == null ? null : c.run().runStart());
    }

    /** The cause's data: ADF's message, the stopped trigger's state ("Stopped"), the dependency window. */
    private static String detail(RunCheck c, FactoryDefinitions defs) {
        switch (c.cause().kind()) {
            case TRIGGER_STOPPED:
                return defs.trigger(c.expected().trigger()).map(t -> t.state().name().charAt(0)
                        + t.state().name().substring(1).toLowerCase(java.util.Locale.ROOT)).orElse("deleted");
            case WAITING_ON_DEPENDENCY:
                RunCheck.DependencyWindow w = c.cause().dependency();
                return w == null ? null : w.trigger() + " " + w.start() + " – " + w.end() + " ("
                        + w.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
            default:
                return c.cause().message();
        }
    }
}
