package com.adfops.escalation;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.docs.Guidance;

/** What an Escalate click came to, for a face to render. No sentence is built here. */
public sealed interface EscalationOutcome {

    /**
     * The run is escalated: by this click ({@code created}) or by someone before (then {@code escalation} is theirs).
     */
    record Escalated(PipelineRun run, Diagnosis diagnosis, Escalations.Escalation escalation, boolean created,
                     Guidance guidance) implements EscalationOutcome {
    }

    /** The button carried no run id. */
    record NoRun() implements EscalationOutcome {
    }

    /** Data Factory no longer has the run: nothing was escalated. */
    record RunGone(String runId) implements EscalationOutcome {
    }

    /** Data Factory could not be read. */
    record Failed(DataFactoryException error) implements EscalationOutcome {
    }
}
