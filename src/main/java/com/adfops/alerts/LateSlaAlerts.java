package com.adfops.alerts;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.RunStatus;
import com.adfops.answers.AlertView;
import com.adfops.schedule.SlaCheck.SlaVerdict;
import java.time.Instant;
import java.util.List;

/**
 * A watched pipeline's run past its SLA (not finished, or finished late, or failed and the deadline passed): one
 * alert per conversation and expected run; its card says "Recovered" once the run succeeds.
 */
final class LateSlaAlerts implements AlertDetector {

    private final ScheduleAlerts schedule;

    LateSlaAlerts(ScheduleAlerts schedule) {
        this.schedule = schedule;
    }

    @Override
    public void detect(FactoryRef f, List<String> watchers, Instant now) {
        schedule.detect(AlertView.Kind.LATE, c -> c.sla() != null && c.sla().verdict() == SlaVerdict.LATE,
                c -> c.run() != null && c.run().status() == RunStatus.SUCCEEDED, f, watchers, now);
    }
}
