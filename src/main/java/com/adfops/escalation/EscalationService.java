package com.adfops.escalation;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.runs.AdfTools;
import com.adfops.agent.AgentReply;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.runs.ErrorText;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.agent.Reply;
import java.util.List;
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
     * Escalates {@code runId} for {@code user}. The reply holds a {@link Reply.Escalation} (with {@code created} false
     * when someone escalated it first, then theirs), or a suggestion when the run cannot be found, or a problem
     * when Data Factory cannot answer.
     */
    public AgentReply escalate(String runId, String factory, String user) {
        if (runId == null || runId.isBlank()) {
            return outOfDate("That button did not say which run to escalate.");
        }
        try {
            Optional<AdfTools.Located> located = tools.findRun(runId, factory);
            if (located.isEmpty()) {
                return outOfDate("I can't find run " + runId.replaceAll("[^A-Za-z0-9-]", "") + ", so I did not escalate it.");
            }
            PipelineRun run = located.get().run();
            Escalations.Result result = escalations.escalate(new Escalations.Escalation(run.factory().factoryName(),
                    run.runId(), run.pipelineName(), user, tools.now(), null));
            Escalations.Escalation e = result.escalation();
            Diagnosis d = new Diagnoser(tools).diagnose(run);
            String root = d.hasRootCause()
                    ? d.rootCause().path() + ": " + ErrorText.summary(d.rootCause().activity().error().message(), 300)
                    : ErrorText.summary(run.message(), 300);
            return AgentReply.of(new Reply.Escalation(run, root, d.errorClass().label(), d.errorClass().nextStep(),
                    e.escalatedBy(), e.at(), guidance.forDiagnosis(d), result.created(), ""));
        } catch (DataFactoryException e) {
            return AgentReply.of(new Reply.Problem(e.kind(), e.getMessage(), e.factory()));
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

    private static AgentReply outOfDate(String why) {
        return AgentReply.of(new Reply.Suggestions("That card is out of date", why
                + " Ask me again and I'll build a fresh card.", List.of("What pipelines are failing?", "Help")));
    }
}
