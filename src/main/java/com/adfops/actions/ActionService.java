package com.adfops.actions;

import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionRefusal;
import com.adfops.answers.StatusWords;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunRequest;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.answers.ActionView;
import com.adfops.runs.AdfTools;
import com.adfops.answers.AuditRecord;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.runs.ErrorText;
import com.adfops.escalation.EscalationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rerun from the failed activity, rerun, cancel: proposed on a confirmation card that says exactly what will happen,
 * started only when a person allowed to act clicks Confirm within the confirmation's life, exactly once (the claim),
 * audited, and then followed ({@link RunFollower}). Resolution notes close an incident. Nothing here is reachable from
 * the model: there is no tool for it.
 */
public final class ActionService {

    private static final Logger log = LoggerFactory.getLogger(ActionService.class);
    /** How far up Execute Pipeline parents are followed to find the top-level run. */
    private static final int MAX_DEPTH = 10;
    /** Longest resolution note kept. */
    static final int MAX_NOTE = 1000;

    private final AdfTools tools;
    private final DataFactory adf;
    private final PendingActions pending;
    private final AuditLog audit;
    private final ActionPolicy policy;
    private final EscalationService escalations;
    private final Clock clock;
    private final Duration confirmFor;

    public ActionService(AdfTools tools, DataFactory adf, PendingActions pending, AuditLog audit, ActionPolicy policy,
                         EscalationService escalations, Clock clock, Duration confirmFor) {
        this.tools = tools;
        this.adf = adf;
        this.pending = pending;
        this.audit = audit;
        this.policy = policy;
        this.escalations = escalations;
        this.clock = clock;
        this.confirmFor = confirmFor;
    }

    /**
     * A confirmation card for {@code kind} on {@code runId} (a rerun acts on the top-level run of the failure), or why
     * not: the user may not act, the run is gone, or the action does not apply to the run's status.
     */
    public ActionOutcome propose(ActionKind kind, String runId, String factory, Actor who, String conversationId) {
        return propose(kind, runId, factory, who, conversationId, null);
    }

    /**
     * @param sourceCardId the Teams message id of the diagnosis card clicked, settled with the outcome when the run
     *                     ends; null for none
     */
    public ActionOutcome propose(ActionKind kind, String runId, String factory, Actor who, String conversationId,
                              String sourceCardId) {
        if (runId == null || runId.isBlank()) {
            return new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.NO_RUN, "");
        }
        try {
            Optional<AdfTools.Located> located = tools.findRun(runId, factory);
            if (located.isEmpty()) {
                return new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.RUN_GONE, runId);
            }
            FactoryRef f = located.get().factory();
            PipelineRun clicked = located.get().run();
            ActionPolicy.Decision decision = policy.check(f.factoryName(), who);
            if (!decision.allowed()) {
                return new ActionOutcome.Shown(refusal(kind, f.factoryName(), clicked, who, decision.refusal()));
            }
            PipelineRun target = kind == ActionKind.CANCEL ? clicked : topLevel(f, clicked);
            Optional<ActionOutcome.NotApplicable.Why> notApplicable = notApplicable(kind, target);
            if (notApplicable.isPresent()) {
                return new ActionOutcome.NotApplicable(kind, target, notApplicable.get());
            }
            String startsAt = kind == ActionKind.RERUN_FROM_FAILURE ? startsAt(f, target) : "";
            Instant now = clock.instant();
            boolean child = !target.runId().equals(clicked.runId());
            PendingAction a = PendingAction.proposed(new PendingAction.Proposal(UUID.randomUUID().toString(), kind,
                    f.factoryName(), target.pipelineName(), target.runId(), child ? clicked.runId() : null,
                    child ? clicked.pipelineName() : null, startsAt, target.parameters(), who.name(), conversationId,
                    now, now.plus(confirmFor)), sourceCardId);
            pending.create(a);
            log.info("{} of run {} ({}) proposed by {}", kind, target.runId(), f.factoryName(), who.name());
            return new ActionOutcome.Shown(view(a));
        } catch (DataFactoryException e) {
            return new ActionOutcome.Failed(e);
        }
    }

    /**
     * Confirm: the clicking user must be allowed, the confirmation unexpired and unclaimed; then Data Factory is called
     * once. The reply is the confirmation card as it now stands (to replace the clicked one).
     *
     * @param cardId the Teams message id of the confirmation card (updated again when the run ends); may be null
     */
    public ActionOutcome confirm(String id, Actor who, String cardId) {
        Optional<PendingAction> found = id == null ? Optional.empty() : pending.find(id);
        if (found.isEmpty()) {
            return new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.UNKNOWN_CONFIRMATION, "");
        }
        PendingAction action = found.get();
        PendingAction.Proposal a = action.proposal();
        Instant now = clock.instant();
        if (action.state() != ActionView.State.PENDING) {
            return new ActionOutcome.Shown(view(action));
        }
        if (now.isAfter(a.expiresAt())) {
            PendingAction expired = pending.update(id, x -> x.state() == ActionView.State.PENDING
                    ? x.expired() : x);
            return new ActionOutcome.Shown(view(expired));
        }
        Optional<ActionOutcome> refused = refused(a.factory(), who, a.kind().wire(), a.pipeline(), a.runId(),
                "refused: not allowed", now);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!pending.claim(id, who, now)) {
            // Someone else confirmed first (another click, another instance, a retry): show how it stands; until the
            // winner records it, that it is being started by them.
            PendingAction current = pending.find(id).orElse(action);
            if (current.state() == ActionView.State.PENDING) {
                Optional<PendingActions.Claim> claim = pending.claimOf(id);
                current = current.claimed(
                        new Actor(claim.map(PendingActions.Claim::by).orElse(null), claim.map(PendingActions.Claim::byId).orElse(null)),
                        claim.map(PendingActions.Claim::at).orElse(now));
            }
            return new ActionOutcome.Shown(view(current));
        }
        pending.update(id, x -> x.claimed(who, now).onCard(cardId));
        FactoryRef f = factory(a.factory());
        PendingAction result;
        try {
            if (a.kind() == ActionKind.CANCEL) {
                PipelineRun run = adf.getPipelineRun(f, a.runId()).orElse(null);
                if (run == null || !run.status().isActive()) {
                    String status = run == null ? "gone" : StatusWords.perfect(run.status());
                    ActionEnding nothing = new ActionEnding(ActionEnding.How.NOTHING_TO_CANCEL, a.runId(),
                            run == null ? null : run.status(), run == null ? null : run.duration().orElse(null));
                    result = pending.update(id, x -> x.finished(nothing));
                    audit.append(record(result, who, "not cancelled: already " + status));
                    return new ActionOutcome.Shown(view(result));
                }
                adf.cancelRun(f, a.runId(), true);
                result = pending.update(id, x -> x.started(null));
                audit.append(record(result, who, "cancel requested"));
            } else {
                RunRequest request = a.kind() == ActionKind.RERUN_FROM_FAILURE
                        ? RunRequest.fromFailure(a.pipeline(), a.runId()) : RunRequest.whole(a.pipeline(), a.runId());
                String newRun = adf.createRun(f, request);
                result = pending.update(id, x -> x.started(newRun));
                audit.append(record(result, who, "started run " + newRun));
            }
            pending.follow(id);
            log.info("{} of run {} ({}) confirmed by {}", a.kind(), a.runId(), a.factory(), who.name());
        } catch (DataFactoryException e) {
            log.warn("{} of run {} ({}) failed: {}", a.kind(), a.runId(), a.factory(), e.getMessage());
            result = pending.update(id, x -> x.failed(e.getMessage(),
                    e.missingAction() != null ? e.missingAction()
                            : e.kind() == DataFactoryException.Kind.PERMISSION ? requiredAction(a.kind()) : null));
            audit.append(record(result, who, "failed: " + e.getMessage()));
        }
        return new ActionOutcome.Shown(view(result));
    }

    /** Cancel on the confirmation: nothing runs. */
    public ActionOutcome dismiss(String id, Actor who) {
        Optional<PendingAction> found = id == null ? Optional.empty() : pending.find(id);
        if (found.isEmpty()) {
            return new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.UNKNOWN_TO_DISMISS, "");
        }
        Instant now = clock.instant();
        PendingAction.Proposal p = found.get().proposal();
        Optional<ActionOutcome> refused = refused(p.factory(), who, p.kind().wire(), p.pipeline(), p.runId(),
                "refused to dismiss: not allowed", now);
        if (refused.isPresent()) {
            return refused.get();
        }
        PendingAction after = pending.update(id, x -> x.state() == ActionView.State.PENDING
                ? x.dismissed(who, now) : x);
        return new ActionOutcome.Shown(view(after));
    }

    /**
     * Records how a run's incident was resolved: appended to the audit log, the run's escalation (if any) marked
     * resolved. The reply replaces the clicked card.
     */
    public ActionOutcome resolve(String runId, String factory, String note, Actor who) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            return new ActionOutcome.NoteMissing();
        }
        if (text.length() > MAX_NOTE) {
            text = text.substring(0, MAX_NOTE);
        }
        try {
            Optional<AdfTools.Located> located = runId == null ? Optional.empty() : tools.findRun(runId, factory);
            if (located.isEmpty()) {
                return new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.RUN_GONE_NOT_RESOLVED, runId);
            }
            PipelineRun run = located.get().run();
            String f = located.get().factory().factoryName();
            Instant now = clock.instant();
            Optional<ActionOutcome> refused = refused(f, who, "resolve", run.pipelineName(), run.runId(),
                    "refused to resolve: not allowed", now);
            if (refused.isPresent()) {
                return refused.get();
            }
            boolean escalated = escalations.resolved(f, run.runId(), who.name(), now, text);
            audit.append(new AuditRecord(now, who.name(), who.objectId(), "resolve", f, run.pipelineName(), run.runId(),
                    null, escalated ? "resolved; escalation closed" : "resolved", text));
            return new ActionOutcome.Shown(new ActionView("", ActionKind.RESOLVE, ActionView.State.RESOLVED,
                    ActionView.Target.run(f, run.pipelineName(), run.runId(), who.name()), new ActionView.Acted(who.name(), now),
                    new ActionView.Result(null, text, null, null, null), run.factory()));
        } catch (DataFactoryException e) {
            return new ActionOutcome.Failed(e);
        }
    }

    /**
     * Empty when {@code who} may act on the factory's runs (Confirm, Cancel on a confirmation and Resolved follow one
     * policy); otherwise the refusal is audited and the reply says why: a message, not a card update, so someone who
     * may act can still click.
     */
    private Optional<ActionOutcome> refused(String factory, Actor who, String kind, String pipeline, String runId,
                                         String outcome, Instant now) {
        ActionPolicy.Decision decision = policy.check(factory, who);
        if (decision.allowed()) {
            return Optional.empty();
        }
        audit.append(new AuditRecord(now, who.name(), who.objectId(), kind, factory, pipeline, runId, null, outcome, null));
        return Optional.of(new ActionOutcome.Refused(decision.refusal()));
    }

    // ---- the run being followed -------------------------------------------------------------------------

    /** The actions whose runs are being followed. */
    List<String> following() {
        return pending.following();
    }

    /**
     * Checks one followed action's run. Returns the finished action (once, across instances) when its run reached a
     * final status; empty while it runs, or when another instance reported it.
     */
    Optional<Finished> check(String id) {
        Optional<PendingAction> found = pending.find(id);
        if (found.isEmpty() || found.get().state() != ActionView.State.STARTED) {
            pending.unfollow(id);
            return Optional.empty();
        }
        PendingAction.Proposal a = found.get().proposal();
        PendingAction.Decision acted = found.get().decision();
        String newRunId = found.get().result().newRunId();
        String runId = a.kind() == ActionKind.CANCEL ? a.runId() : newRunId;
        PipelineRun run = adf.getPipelineRun(factory(a.factory()), runId).orElse(null);
        if (run == null || !run.status().isTerminal()) {
            return Optional.empty();
        }
        if (!pending.claimOutcome(id, clock.instant())) {
            pending.unfollow(id);
            return Optional.empty();
        }
        ActionEnding ending = ending(a.kind(), run);
        PendingAction done = pending.update(id, x -> x.finished(ending));
        audit.append(new AuditRecord(clock.instant(), acted.by(), acted.byId(), "outcome", a.factory(), a.pipeline(),
                a.runId(), newRunId, StatusWords.predicate(run.status()), null));
        pending.unfollow(id);
        return Optional.of(new Finished(done, run, view(done)));
    }

    /** A followed action whose run ended: the action, the run, and its card as it now stands. */
    public record Finished(PendingAction action, PipelineRun run, ActionView card) {
    }

    /** How the followed run of a {@code kind} action ended, as facts (the faces write the sentence). */
    static ActionEnding ending(ActionKind kind, PipelineRun run) {
        return new ActionEnding(kind == ActionKind.CANCEL ? ActionEnding.How.CANCEL_ENDED : ActionEnding.How.RERUN_ENDED,
                run.runId(), run.status(), run.duration().orElse(null));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** The run a rerun acts on: the top-level run of the failure (ADF reruns a parent's whole run group). */
    private PipelineRun topLevel(FactoryRef f, PipelineRun run) {
        PipelineRun top = run;
        for (int i = 0; i < MAX_DEPTH && top.parentRunId() != null; i++) {
            Optional<PipelineRun> parent = adf.getPipelineRun(f, top.parentRunId());
            if (parent.isEmpty()) {
                break;
            }
            top = parent.get();
        }
        return top;
    }

    /** Where a rerun from failure starts: the root cause's path, or the top-level run's failed activities. */
    private String startsAt(FactoryRef f, PipelineRun top) {
        Diagnosis d = new Diagnoser(tools).diagnose(top);
        if (d.hasRootCause()) {
            return d.rootCause().path();
        }
        List<String> failed = adf.queryActivityRuns(f, top).stream().filter(x -> x.status() == RunStatus.FAILED)
                .map(ActivityRun::activityName).distinct().toList();
        return String.join(", ", failed);
    }

    private static Optional<ActionOutcome.NotApplicable.Why> notApplicable(ActionKind kind, PipelineRun run) {
        RunStatus status = run.status();
        return switch (kind) {
            case CANCEL -> status.isActive() ? Optional.empty() : Optional.of(ActionOutcome.NotApplicable.Why.ALREADY_ENDED);
            case RERUN_FROM_FAILURE -> status == RunStatus.FAILED || status == RunStatus.CANCELLED ? Optional.empty()
                    : status.isActive() ? Optional.of(ActionOutcome.NotApplicable.Why.STILL_RUNNING)
                    : Optional.of(ActionOutcome.NotApplicable.Why.NOTHING_FAILED);
            case RERUN -> status.isActive() ? Optional.of(ActionOutcome.NotApplicable.Why.STILL_RUNNING) : Optional.empty();
            case RESOLVE -> Optional.empty();
        };
    }

    /** The Azure action a kind needs, for a permission failure that did not name it. */
    static String requiredAction(ActionKind kind) {
        return kind == ActionKind.CANCEL ? "Microsoft.DataFactory/factories/pipelineruns/cancel/action"
                : "Microsoft.DataFactory/factories/pipelines/createrun/action";
    }

    /** The configured factory of that name, if it still is. */
    private Optional<FactoryRef> configured(String name) {
        return adf.factories().stream().filter(f -> f.factoryName().equalsIgnoreCase(name)).findFirst();
    }

    private FactoryRef factory(String name) {
        return configured(name).orElseThrow(() -> new DataFactoryException(DataFactoryException.Kind.NOT_FOUND, name,
                        "Factory " + name + " is no longer configured.", null));
    }

    private AuditRecord record(PendingAction action, Actor who, String result) {
        PendingAction.Proposal a = action.proposal();
        Instant at = action.decision().at();
        return new AuditRecord(at != null ? at : clock.instant(), who.name(), who.objectId(),
                a.kind().wire(), a.factory(), a.pipeline(), a.runId(), action.result().newRunId(), result, null);
    }

    /** The action's card, its runs linked to ADF Studio while its factory is configured. */
    ActionView view(PendingAction action) {
        PendingAction.Proposal a = action.proposal();
        PendingAction.Decision d = action.decision();
        PendingAction.Result r = action.result();
        return new ActionView(a.id(), a.kind(), action.state(), new ActionView.Target(a.factory(), a.pipeline(), a.runId(),
                a.clickedRunId(), a.clickedPipeline(), a.startsAt(), a.parameters(), a.requestedBy(), a.expiresAt()),
                new ActionView.Acted(d.by(), d.at()), new ActionView.Result(r.newRunId(),
                r.refusal() != null ? r.refusal() : r.endedInWords(), r.missingAction(), r.ending(), null),
                configured(a.factory()).orElse(null));
    }

    private ActionView refusal(ActionKind kind, String factory, PipelineRun run, Actor who, ActionRefusal why) {
        return new ActionView("", kind, ActionView.State.REFUSED,
                ActionView.Target.run(factory, run.pipelineName(), run.runId(), who.name()),
                new ActionView.Acted(who.name(), clock.instant()), new ActionView.Result(null, null, null, null, why),
                run.factory());
    }

}
