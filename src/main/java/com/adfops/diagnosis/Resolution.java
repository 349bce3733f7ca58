package com.adfops.diagnosis;

import java.util.ArrayList;
import java.util.List;

/** Numbered steps to resolve a diagnosed failure: look at the root cause, apply its class's fix, rerun, confirm. */
public final class Resolution {

    private Resolution() {
    }

    public static List<String> steps(Diagnosis d) {
        List<String> steps = new ArrayList<>();
        if (d.hasRootCause()) {
            Diagnosis.FailedActivity rc = d.rootCause();
            String code = rc.activity().error().errorCode();
            steps.add("Open the failed activity " + rc.path() + " (" + orUnknown(rc.activity().activityType()) + ")"
                    + (code.isBlank() ? "" : ", error " + code) + " in ADF Studio > Monitor and read its full error.");
        } else {
            steps.add("Open run " + d.run().runId() + " in ADF Studio > Monitor: ADF recorded no failed activity, so the "
                    + "run's own message is the lead.");
        }
        steps.add(d.errorClass().nextStep());
        steps.add("Check the guidance below for this error.");
        steps.add(d.hasRootCause() && d.rootCause().depth() > 0
                ? "Rerun " + d.run().pipelineName() + " from the failed activity (Monitor > Rerun from failed activity); "
                        + "its Execute Pipeline children run again."
                : "Rerun " + d.run().pipelineName() + " from the failed activity (Monitor > Rerun from failed activity).");
        steps.add("Ask me for the status of " + d.run().pipelineName() + " to confirm the rerun succeeded.");
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            numbered.add((i + 1) + ". " + steps.get(i));
        }
        return numbered;
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown type" : s;
    }
}
