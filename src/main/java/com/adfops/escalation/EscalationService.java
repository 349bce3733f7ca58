package com.adfops.escalation;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.runs.AdfTools;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.GuidanceFinder;
import java.util.Optional;

/**
 * Escalating a run: find it, diagnose it, record the escalation once per run (the first of any number of users and
 * instances wins) and describe it. Posting to the incident channel is the Teams edge's part
 * ({@code teams.EscalationFlow}); this class knows nothing of Teams.
 */
public final class EscalationService {

    private final AdfTools tools;
    private final GuidanceFinder guidance;
    private final Escalations escalations;

    public EscalationService(AdfTools tools, GuidanceFinder guidance, Escalations escalations) {
        this.tools = tools;
        this.guidance = guidance;
        this.escalations = escalations;
    }

    /**
     * Escalates {@code runId} for {@code user}, once per run: the outcome says whether this click escalated it or
     * someone did before (then theirs), or why nothing was escalated.
     */
    public EscalationOutcome escalate(String runId, String factory, String user) {
        if (runId == null || runId.isBlank()) {
            return new EscalationOutcome.NoRun();
        }
        try {
            Optional<AdfTools.Located> located = tools.findRun(runId, factory);
            if (located.isEmpty()) {
                return new EscalationOutcome.RunGone(runId);
            }
            PipelineRun run = located.get().run();
            Escalations.Result result = escalations.escalate(new Escalations.Escalation(run.factory().factoryName(),
                    run.runId(), run.pipelineName(), user, tools.now(), null));
            Diagnosis d = new Diagnoser(tools).diagnose(run);
            return new EscalationOutcome.Escalated(run, d, result.escalation(), result.created(), guidance.forDiagnosis(d));
        } catch (DataFactoryException e) {
            return new EscalationOutcome.Failed(e);
        }
    }

    /** Marks the escalation of a run resolved (if it was escalated); true when it was. */
    public boolean resolved(String factory, String runId, String by, java.time.Instant at, String note) {
        return escalations.resolved(factory, runId, by, at, note);
    }

    /** Records where the escalation of a run was posted. */
    public void postedTo(String factory, String runId, String where) {
        escalations.postedTo(factory, runId, where);
    }
}
