package com.adfops.alerts;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an alert ends without anyone clicking: a later success of its pipeline (a pass reads it), or the Azure Monitor
 * alert that posted it resolving. Its record becomes RECOVERED and its posted card is replaced ("Recovered at T", no
 * buttons), through {@link AlertDelivery}.
 */
final class AlertRecovery {

    private final AlertStore store;
    private final AlertDelivery delivery;

    AlertRecovery(AlertStore store, AlertDelivery delivery) {
        this.store = store;
        this.delivery = delivery;
    }

    /** A later success of an alerted pipeline: its card says "Recovered at T" and loses its buttons. */
    void recover(FactoryRef f, List<PipelineRun> succeeded, Instant now) {
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
            if (!a.kind().aboutARun()) {
                // A schedule alert recovers when its expected run starts or finishes in time (ScheduleAlerts); a
                // runtime alert when its nodes are online again (RuntimeAlerts).
                continue;
            }
            Optional<PipelineRun> ok = succeeded.stream()
                    .filter(r -> r.pipelineName().equalsIgnoreCase(a.pipeline()) && r.runStart() != null
                            && a.subject().failedAt() != null && r.runStart().isAfter(a.subject().failedAt().minusSeconds(1))
                            && (a.kind() == com.adfops.answers.AlertView.Kind.RUNNING_LONG || !r.runId().equals(a.runId())))
                    .min(Comparator.comparing(PipelineRun::runStart));
            if (ok.isEmpty()) {
                continue;
            }
            Instant at = ok.get().runEnd() != null ? ok.get().runEnd() : now;
            AlertRecord after = store.update(id, x -> x.recovered(ok.get().runId(), at));
            if (after.delivery().activityId() != null && after.delivery().postedTo() != null) {
                delivery.update(after, "Could not update the recovered alert {}", id);
            }
        }
    }

    /**
     * An Azure Monitor alert resolved: of the alert cards it posted ({@code alertIds}), those still open, of
     * {@code pipelines} (empty: any of them), say so. No other card changes.
     */
    int resolved(FactoryRef f, Collection<String> alertIds, Set<String> pipelines, Instant at) {
        int n = 0;
        Set<String> mine = new HashSet<>(alertIds);
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
            if (delivery.ready() && after.delivery().activityId() != null && after.delivery().postedTo() != null) {
                delivery.update(after, "Could not update the resolved alert {}", id);
            }
        }
        return n;
    }
}
