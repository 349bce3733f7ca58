package com.adfops.alerts;

import com.adfops.adf.DataFactoryException;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.runs.AdfTools;
import com.adfops.answers.AlertView;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.runs.ErrorText;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.Guidance;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.RunImpact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The alert card's buttons and the card's content. Acknowledge says who owns it (for everyone: the card is replaced);
 * Snooze silences the pipeline in that conversation until a time (1 hour, 4 hours, tomorrow 08:00 in the clicking
 * user's zone). The card shows the run's diagnosis, rebuilt from Data Factory (the run index remembers it).
 */
public final class AlertService {

    private final AlertStore store;
    private final AdfTools tools;
    private final GuidanceFinder guidance;
    private final Clock clock;
    private final FactoryImpact impact;

    public AlertService(AlertStore store, AdfTools tools, GuidanceFinder guidance, Clock clock) {
        this(store, tools, guidance, clock, null);
    }

    /** @param impact what a failure reaches downstream, for the card's "Affects:" line; null for none */
    public AlertService(AlertStore store, AdfTools tools, GuidanceFinder guidance, Clock clock, FactoryImpact impact) {
        this.store = store;
        this.tools = tools;
        this.guidance = guidance;
        this.clock = clock;
        this.impact = impact;
    }

    /** Acknowledge: the alert is someone's now. Already acknowledged: the card says by whom. */
    public AlertOutcome acknowledge(String alertId, String user) {
        Optional<AlertRecord> found = alertId == null ? Optional.empty() : store.find(alertId);
        if (found.isEmpty()) {
            return new AlertOutcome.OutOfDate();
        }
        Instant now = clock.instant();
        AlertRecord after = store.update(alertId, a -> a.state() == AlertRecord.State.OPEN ? a.acknowledged(user, now) : a);
        return new AlertOutcome.Shown(view(after));
    }

    /**
     * Snooze the alert's pipeline in its conversation: {@code span} is {@code 1h}, {@code 4h} or {@code tomorrow}
     * (08:00 in {@code zone}).
     */
    public AlertOutcome snooze(String alertId, String span, String user, ZoneId zone) {
        Optional<AlertRecord> found = alertId == null ? Optional.empty() : store.find(alertId);
        if (found.isEmpty()) {
            return new AlertOutcome.OutOfDate();
        }
        Instant now = clock.instant();
        Instant until = switch (span == null ? "" : span.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1h" -> now.plus(Duration.ofHours(1));
            case "4h" -> now.plus(Duration.ofHours(4));
            case "tomorrow" -> ZonedDateTime.ofInstant(now, zone).toLocalDate().plusDays(1).atTime(LocalTime.of(8, 0))
                    .atZone(zone).toInstant();
            default -> null;
        };
        if (until == null) {
            return new AlertOutcome.UnknownSpan();
        }
        AlertRecord a = found.get();
        store.snooze(a.conversationId(), a.pipeline(), until);
        AlertRecord after = store.update(alertId, x -> x.snoozed(user, until));
        return new AlertOutcome.Shown(view(after));
    }

    /** The card of an alert as it stands now. */
    AlertView view(AlertRecord a) {
        return view(a, null);
    }

    /** The card of an alert; for a new "running long" alert, how long it has run against its usual. */
    AlertView view(AlertRecord a, com.adfops.runs.RunningLong longRun) {
        AlertView.State state = switch (a.state()) {
            case RECOVERED -> AlertView.State.RECOVERED;
            case ACKNOWLEDGED -> AlertView.State.ACKNOWLEDGED;
            default -> a.snoozed() != null && a.snoozed().until() != null && a.snoozed().until().isAfter(clock.instant()) ? AlertView.State.SNOOZED
                    : AlertView.State.OPEN;
        };
        AlertView.Kind kind = a.kind();
        // Guidance stays "unavailable" unless a diagnosis looked it up (the card says so).
        Guidance g = Guidance.unavailable("");
        AlertView.Cause cause = null;
        RunImpact reach = RunImpact.NONE;
        try {
            // A schedule or runtime alert's card is its facts (the face words them); no run to diagnose.
            Optional<AdfTools.Located> run = kind.aboutARun() ? tools.findRun(a.runId(), a.factory()) : Optional.empty();
            if (run.isPresent()) {
                Diagnosis d = new Diagnoser(tools).diagnose(run.get().run());
                g = guidance.forDiagnosis(d);
                cause = d.hasRootCause()
                        ? new AlertView.Cause(AlertView.Cause.Source.DIAGNOSED, d.rootCause().path() + ": "
                                + ErrorText.summary(d.rootCause().activity().error().message(), 300),
                                d.rootCause().activity().error().errorCode(), d.errorClass().label(),
                                d.errorClass().nextStep(), g)
                        : new AlertView.Cause(AlertView.Cause.Source.RUN_MESSAGE,
                                ErrorText.summary(run.get().run().message(), 300), "", d.errorClass().label(),
                                d.errorClass().nextStep(), g);
                reach = impact == null || kind != AlertView.Kind.FAILED || state == AlertView.State.RECOVERED
                        ? RunImpact.NONE : impact.failure(d);
            } else if (kind.aboutARun()) {
                cause = new AlertView.Cause(AlertView.Cause.Source.RUN_GONE, "", "", "", "", g);
            }
        } catch (DataFactoryException e) {
            cause = new AlertView.Cause(AlertView.Cause.Source.UNAVAILABLE, e.getMessage(), "", "", "", g);
        }
        if (kind == AlertView.Kind.RUNNING_LONG && state != AlertView.State.RECOVERED) {
            cause = new AlertView.Cause(AlertView.Cause.Source.RUNNING_LONG, longRun == null ? "" : longRun.comparison(),
                    "", "", "", g);
        }
        if (cause == null) {
            cause = new AlertView.Cause(AlertView.Cause.Source.NONE, "", "", "", "", g);
        }
        String by = switch (state) {
            case ACKNOWLEDGED -> a.acknowledged() == null ? "" : a.acknowledged().by();
            case SNOOZED -> a.snoozed().by();
            default -> "";
        };
        Instant at = state == AlertView.State.ACKNOWLEDGED && a.acknowledged() != null ? a.acknowledged().at()
                : state == AlertView.State.RECOVERED && a.recovered() != null ? a.recovered().at() : null;
        String runUrl = a.runId() == null || a.runId().isEmpty() ? "" : tools.factories().stream().filter(f -> f.factoryName().equalsIgnoreCase(a.factory())).findFirst()
                .map(f -> f.studioRunUrl(a.runId())).orElse("");
        return new AlertView(a.id(), kind, state, a.factory(), a.pipeline(), a.runId(), a.subject().failedAt(), cause,
                a.grouping().others(), new AlertView.Response(by, at,
                        state == AlertView.State.SNOOZED ? a.snoozed().until() : null,
                        a.recovered() == null ? null : a.recovered().run()), runUrl, reach, a.subject().schedule(),
                a.subject().runtime());
    }
}
