package com.adfops.alerts;

import com.adfops.adf.FactoryRef;
import com.adfops.answers.AlertView;
import com.adfops.schedule.RunCheck.StartVerdict;
import java.time.Instant;
import java.util.List;

/**
 * A watched pipeline's expected run that did not start within the grace period (saying why when the data shows it: a
 * stopped trigger, a failed trigger run, a tumbling window waiting on a dependency or on concurrency): one alert per
 * conversation and expected run; recovered once the run starts after all.
 */
final class MissedRunAlerts implements AlertDetector {

    private final ScheduleAlerts schedule;

    MissedRunAlerts(ScheduleAlerts schedule) {
        this.schedule = schedule;
    }

    @Override
    public void detect(FactoryRef f, List<String> watchers, Instant now) {
        schedule.detect(AlertView.Kind.MISSED, c -> c.start() == StartVerdict.MISSED,
                c -> c.run() != null && c.run().runStart() != null, f, watchers, now);
    }
}
