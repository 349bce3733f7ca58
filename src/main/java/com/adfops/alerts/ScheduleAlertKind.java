package com.adfops.alerts;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.RunStatus;
import com.adfops.answers.AlertView;
import com.adfops.schedule.RunCheck;
import com.adfops.schedule.RunCheck.StartVerdict;
import com.adfops.schedule.SlaCheck.SlaVerdict;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * One kind of schedule alert over the shared check ({@link ScheduleAlerts}): when an expected run raises it, and when
 * its card says "Recovered". One alert per conversation and expected run.
 *
 * <ul>
 *   <li>{@link #missed}: an expected run that did not start within the grace period (saying why when the data shows
 *   it: a stopped trigger, a failed trigger run, a tumbling window waiting on a dependency or on concurrency);
 *   recovered once the run starts after all;</li>
 *   <li>{@link #late}: a run past its SLA (not finished, finished late, or failed and the deadline passed); recovered
 *   once the run succeeds;</li>
 *   <li>{@link #atRisk}: a run that will miss its SLA at its current pace; recovered when it finishes in time.</li>
 * </ul>
 */
record ScheduleAlertKind(ScheduleAlerts schedule, AlertView.Kind kind, Predicate<RunCheck> fires,
                         Predicate<RunCheck> recovered) implements AlertDetector {

    static ScheduleAlertKind missed(ScheduleAlerts schedule) {
        return new ScheduleAlertKind(schedule, AlertView.Kind.MISSED, c -> c.start() == StartVerdict.MISSED,
                c -> c.run() != null && c.run().runStart() != null);
    }

    static ScheduleAlertKind late(ScheduleAlerts schedule) {
        return new ScheduleAlertKind(schedule, AlertView.Kind.LATE, c -> sla(c, SlaVerdict.LATE),
                c -> c.run() != null && c.run().status() == RunStatus.SUCCEEDED);
    }

    static ScheduleAlertKind atRisk(ScheduleAlerts schedule) {
        return new ScheduleAlertKind(schedule, AlertView.Kind.AT_RISK, c -> sla(c, SlaVerdict.AT_RISK),
                c -> sla(c, SlaVerdict.MET));
    }

    private static boolean sla(RunCheck c, SlaVerdict verdict) {
        return c.sla() != null && c.sla().verdict() == verdict;
    }

    @Override
    public void detect(FactoryRef f, List<String> watchers, Instant now) {
        schedule.detect(kind, fires, recovered, f, watchers, now);
    }
}
