package com.adfops.alerts;

import com.adfops.adf.FactoryRef;
import com.adfops.answers.AlertView;
import com.adfops.schedule.SlaCheck.SlaVerdict;
import java.time.Instant;
import java.util.List;

/**
 * Predictive: a watched pipeline's run that, at its usual pace, ends after its SLA (while it runs, or before it
 * starts): one alert per conversation and expected run; recovered when it finishes in time after all.
 */
final class AtRiskSlaAlerts implements AlertDetector {

    private final ScheduleAlerts schedule;

    AtRiskSlaAlerts(ScheduleAlerts schedule) {
        this.schedule = schedule;
    }

    @Override
    public void detect(FactoryRef f, List<String> watchers, Instant now) {
        schedule.detect(AlertView.Kind.AT_RISK, c -> c.sla() != null && c.sla().verdict() == SlaVerdict.AT_RISK,
                c -> c.sla() != null && c.sla().verdict() == SlaVerdict.MET, f, watchers, now);
    }
}
