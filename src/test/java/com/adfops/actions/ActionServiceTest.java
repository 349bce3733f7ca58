package com.adfops.actions;

import com.adfops.teams.ActionReplies;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import static com.adfops.actions.ActionsFixture.ANA;
import static com.adfops.actions.ActionsFixture.BO;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionView;
import com.adfops.agent.AgentReply;
import com.adfops.answers.AuditRecord;
import com.adfops.agent.Reply;
import com.adfops.state.InMemoryStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rerun, rerun from failure and cancel from the card, against the simulated factory through the real SDK. */
class ActionServiceTest {

    final ActionsFixture f = new ActionsFixture();
    final ActionsFixture.Instance bot = f.local();
    final Actor ana = new Actor("Ana", ANA);
    final Actor bo = new Actor("Bo", BO);

    @AfterEach
    void close() {
        f.close();
    }

    static ActionView card(ActionOutcome o) {
        if (o instanceof ActionOutcome.Shown s) {
            return s.view();
        }
        throw new AssertionError("no action card in " + o);
    }

    /** The words Teams shows for an outcome that is not a card (the face renders them). */
    static String text(ActionOutcome o) {
        AgentReply r = ActionReplies.of(o);
        return r.parts().stream().filter(Reply.Text.class::isInstance).map(p -> ((Reply.Text) p).text()).findFirst()
                .orElseThrow(() -> new AssertionError("no text in " + r));
    }

    @Test
    void aChildsFailureProposesARerunOfTheTopLevelRunFromTheFailedActivityAndStartsNothing() {
        ActionView v = card(bot.actions.propose(ActionKind.RERUN_FROM_FAILURE, f.child.id(), null, ana, "conv-1"));

        assertThat(v.state()).isEqualTo(ActionView.State.PENDING);
        assertThat(v.runId()).as("the top-level run").isEqualTo(f.parent.id());
        assertThat(v.pipeline()).isEqualTo("pl_orchestrate");
        assertThat(v.target().clickedRunId()).isEqualTo(f.child.id());
        assertThat(v.target().clickedPipeline()).isEqualTo("pl_child_load");
        assertThat(v.target().startsAt()).contains("Run child").endsWith("Copy rows");
        assertThat(v.target().parameters()).containsEntry("region", "emea");
        assertThat(v.target().requestedBy()).isEqualTo("Ana");
        assertThat(v.target().expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(f.requests("/createRun")).isEmpty();
        // The reference run is a shortened link to it in ADF Studio.
        String card = new com.adfops.cards.CardFactory(com.adfops.TestSim.JSON).card(new com.adfops.agent.Reply.Action(v),
                new com.adfops.cards.CardFactory.View(f.clock.instant(), java.time.ZoneOffset.UTC)).toString();
        assertThat(card).contains("\"text\":\"run " + f.parent.id().substring(0, 8) + "…\"",
                "https://adf.azure.com/en/monitoring/pipelineruns/" + f.parent.id() + "?factory=%2Fsubscriptions%2F");
    }

    @Test
    void confirmStartsOneRecoveryRunFromFailureOnTheTopLevelRunAndFollowsItToItsOutcome() {
        ActionView pending = card(bot.actions.propose(ActionKind.RERUN_FROM_FAILURE, f.child.id(), "df-actions", ana, "conv-1"));

        ActionView started = card(bot.actions.confirm(pending.id(), bo, "card-7"));

        assertThat(started.state()).isEqualTo(ActionView.State.STARTED);
        assertThat(started.acted().by()).isEqualTo("Bo");
        assertThat(started.result().newRunId()).isNotEmpty();
        assertThat(f.requests("/createRun")).singleElement().satisfies(r -> assertThat(r)
                .contains("/pipelines/pl_orchestrate/createRun?").contains("referencePipelineRunId=" + f.parent.id())
                .contains("isRecovery=true").contains("startFromFailure=true"));
        assertThat(bot.actions.following()).containsExactly(pending.id());

        // Still running: nothing to report.
        assertThat(bot.actions.check(pending.id())).isEmpty();
        f.clock.advance(Duration.ofSeconds(41));
        Optional<ActionService.Finished> done = bot.actions.check(pending.id());
        assertThat(done).hasValueSatisfying(d -> {
            assertThat(d.run().runId()).isEqualTo(started.result().newRunId());
            assertThat(d.run().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(d.action().cards().cardId()).isEqualTo("card-7");
            assertThat(d.card().state()).isEqualTo(ActionView.State.FINISHED);
            assertThat(d.card().result().ending()).isEqualTo(new ActionEnding(ActionEnding.How.RERUN_ENDED, started.result().newRunId(),
                    RunStatus.SUCCEEDED, Duration.ofSeconds(40)));
            assertThat(d.card().result().message()).as("the outcome is stored as facts, not words").isEmpty();
            assertThat(com.adfops.cards.ActionWords.outcome(d.card()))
                    .isEqualTo("Run " + started.result().newRunId() + " succeeded in 40s.");
        });
        // Reported once, then no longer followed.
        assertThat(bot.actions.check(pending.id())).isEmpty();
        assertThat(bot.actions.following()).isEmpty();

        List<AuditRecord> audit = bot.audit.between(f.clock.instant().minus(Duration.ofHours(1)), f.clock.instant().plusSeconds(1));
        assertThat(audit).extracting(AuditRecord::what).containsExactly("rerunfromfailure", "outcome");
        assertThat(audit.get(0).who()).isEqualTo("Bo");
        assertThat(audit.get(0).whoId()).isEqualTo(BO);
        assertThat(audit.get(0).runId()).isEqualTo(f.parent.id());
        assertThat(audit.get(0).newRunId()).isEqualTo(started.result().newRunId());
        assertThat(audit.get(1).result()).isEqualTo("succeeded");
    }

    @Test
    void aWholeRerunSendsNoStartOption() {
        ActionView pending = card(bot.actions.propose(ActionKind.RERUN, f.parent.id(), null, ana, "conv-1"));
        assertThat(pending.target().startsAt()).isEmpty();
        card(bot.actions.confirm(pending.id(), ana, null));
        assertThat(f.requests("/createRun")).singleElement().satisfies(r -> assertThat(r).contains("isRecovery=true")
                .doesNotContain("startFromFailure").doesNotContain("startActivityName"));
    }

    @Test
    void doubleClicksAndRetriesStartOneRun() throws Exception {
        ActionView pending = card(bot.actions.propose(ActionKind.RERUN_FROM_FAILURE, f.parent.id(), null, ana, "conv-1"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ActionView>> clicks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Actor who = i % 2 == 0 ? ana : bo;
            clicks.add(pool.submit(() -> {
                go.await();
                return card(bot.actions.confirm(pending.id(), who, null));
            }));
        }
        go.countDown();
        List<ActionView> seen = new ArrayList<>();
        for (Future<ActionView> c : clicks) {
            seen.add(c.get());
        }
        pool.shutdown();

        assertThat(f.requests("/createRun")).hasSize(1);
        assertThat(seen).allSatisfy(v -> assertThat(v.state()).isIn(ActionView.State.CLAIMED, ActionView.State.STARTED));
        // A retry later shows the run that was started, and starts nothing.
        ActionView again = card(bot.actions.confirm(pending.id(), ana, null));
        assertThat(again.state()).isEqualTo(ActionView.State.STARTED);
        assertThat(f.requests("/createRun")).hasSize(1);
    }

    @Test
    void anExpiredOrDismissedConfirmationStartsNothing() {
        ActionView late = card(bot.actions.propose(ActionKind.RERUN, f.parent.id(), null, ana, "conv-1"));
        f.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(card(bot.actions.confirm(late.id(), ana, null)).state()).isEqualTo(ActionView.State.EXPIRED);

        ActionView other = card(bot.actions.propose(ActionKind.RERUN, f.parent.id(), null, ana, "conv-1"));
        ActionView dismissed = card(bot.actions.dismiss(other.id(), bo));
        assertThat(dismissed.state()).isEqualTo(ActionView.State.DISMISSED);
        assertThat(dismissed.acted().by()).isEqualTo("Bo");
        assertThat(card(bot.actions.confirm(other.id(), ana, null)).state()).isEqualTo(ActionView.State.DISMISSED);

        assertThat(f.requests("/createRun")).isEmpty();
        assertThat(bot.actions.confirm("no-such-id", ana, null)).isEqualTo(
                new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.UNKNOWN_CONFIRMATION, ""));
        assertThat(bot.actions.dismiss("no-such-id", ana)).isEqualTo(
                new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.UNKNOWN_TO_DISMISS, ""));
        assertThat(ActionReplies.of(bot.actions.confirm("no-such-id", ana, null)).parts()).singleElement()
                .isInstanceOf(Reply.Suggestions.class);
    }

    @Test
    void cancelIsRecursiveAndItsOutcomeIsReported() {
        ActionView pending = card(bot.actions.propose(ActionKind.CANCEL, f.running.id(), null, ana, "conv-1"));
        assertThat(pending.runId()).isEqualTo(f.running.id());

        ActionView started = card(bot.actions.confirm(pending.id(), ana, null));

        assertThat(started.state()).isEqualTo(ActionView.State.STARTED);
        assertThat(f.requests("/cancel")).singleElement().satisfies(r -> assertThat(r)
                .contains("/pipelineruns/" + f.running.id() + "/cancel?").contains("isRecursive=true"));
        assertThat(f.sim.adf.getPipelineRun(f.sim.factory, f.runningChild.id()).orElseThrow().status())
                .isEqualTo(RunStatus.CANCELLED);
        assertThat(bot.actions.check(pending.id())).hasValueSatisfying(d -> {
            assertThat(d.run().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(d.card().result().ending().how()).isEqualTo(ActionEnding.How.CANCEL_ENDED);
            assertThat(d.card().result().ending().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(com.adfops.cards.ActionWords.outcome(d.card())).startsWith("The run was cancelled");
        });
    }

    @Test
    void actionsThatDoNotApplyToTheRunSaySoWithoutAConfirmation() {
        assertThat(bot.actions.propose(ActionKind.RERUN_FROM_FAILURE, f.ok.id(), null, ana, "c"))
                .isInstanceOfSatisfying(ActionOutcome.NotApplicable.class,
                        n -> assertThat(n.why()).isEqualTo(ActionOutcome.NotApplicable.Why.NOTHING_FAILED));
        assertThat(text(bot.actions.propose(ActionKind.RERUN_FROM_FAILURE, f.ok.id(), null, ana, "c")))
                .startsWith("Nothing failed in run");
        assertThat(text(bot.actions.propose(ActionKind.CANCEL, f.ok.id(), null, ana, "c")))
                .contains("nothing to cancel");
        assertThat(text(bot.actions.propose(ActionKind.RERUN, f.running.id(), null, ana, "c")))
                .contains("still running");
        assertThat(bot.actions.propose(ActionKind.RERUN, "no-such-run", null, ana, "c"))
                .isEqualTo(new ActionOutcome.OutOfDate(ActionOutcome.OutOfDate.Why.RUN_GONE, "no-such-run"));
    }

    @Test
    void aPermissionFailureNamesTheMissingActionAndIsAudited() {
        ActionView pending = card(bot.actions.propose(ActionKind.RERUN, f.parent.id(), null, ana, "conv-1"));
        f.sim.server.injectFault("/createRun", 403, "AuthorizationFailed", 1);

        ActionView failed = card(bot.actions.confirm(pending.id(), ana, null));

        assertThat(failed.state()).isEqualTo(ActionView.State.FAILED);
        assertThat(failed.result().missingAction()).isEqualTo("Microsoft.DataFactory/factories/pipelines/createrun/action");
        assertThat(failed.result().message()).contains("not allowed to start a run of pipeline pl_orchestrate");
        assertThat(bot.actions.following()).isEmpty();
        assertThat(bot.audit.between(f.clock.instant().minusSeconds(60), f.clock.instant().plusSeconds(1)))
                .singleElement().satisfies(a -> assertThat(a.result()).startsWith("failed: "));
    }

    @Test
    void onARealFactoryOnlyThePeopleListedMayActAndOthersAreToldWhoCan() {
        ActionsFixture.Instance strict = f.new Instance(new InMemoryStateStore(),
                new ActionPolicy(false, List.of("df-actions:" + ANA + "=Ana Ops"), List.of()));
        ActionView refused = card(strict.actions.propose(ActionKind.RERUN, f.parent.id(), null, bo, "c"));
        assertThat(refused.state()).isEqualTo(ActionView.State.REFUSED);
        assertThat(refused.result().refusal().why()).isEqualTo(com.adfops.answers.ActionRefusal.Why.NOT_LISTED);
        assertThat(com.adfops.cards.ActionWords.refusal(refused.result().refusal())).contains("Bo").contains("Who can: Ana Ops");

        ActionView pending = card(strict.actions.propose(ActionKind.RERUN, f.parent.id(), null, ana, "c"));
        // Bo clicks Confirm on Ana's card: a message, the card stays for someone who may.
        assertThat(text(strict.actions.confirm(pending.id(), bo, null))).contains("Who can: Ana Ops");
        assertThat(text(strict.actions.confirm(pending.id(), new Actor("Anon", null), null)))
                .contains("can't tell who you are");
        assertThat(f.requests("/createRun")).isEmpty();
        assertThat(card(strict.actions.confirm(pending.id(), ana, null)).state()).isEqualTo(ActionView.State.STARTED);
        assertThat(f.requests("/createRun")).hasSize(1);
        List<String> results = strict.audit.between(f.clock.instant().minusSeconds(60), f.clock.instant().plusSeconds(1))
                .stream().map(AuditRecord::result).toList();
        assertThat(results).hasSize(3);
        assertThat(results.subList(0, 2)).containsOnly("refused: not allowed");
        assertThat(results.get(2)).startsWith("started run ");

        ActionsFixture.Instance off = f.new Instance(new InMemoryStateStore(), new ActionPolicy(false, List.of(), List.of()));
        assertThat(com.adfops.cards.ActionWords.refusal(card(off.actions.propose(ActionKind.RERUN, f.parent.id(), null,
                ana, "c")).result().refusal())).contains("turned off").contains("ADFOPS_ACTIONS_ALLOWED");
    }

    @Test
    void aResolutionNoteIsAuditedAndClosesTheEscalation() {
        bot.escalations.escalate(new com.adfops.escalation.Escalations.Escalation("df-actions", f.parent.id(),
                "pl_orchestrate", "Bo", f.clock.instant(), null));

        ActionView resolved = card(bot.actions.resolve(f.parent.id(), null, "  Rotated the **SQL** key  ", ana));

        assertThat(resolved.state()).isEqualTo(ActionView.State.RESOLVED);
        assertThat(resolved.result().message()).isEqualTo("Rotated the **SQL** key");
        assertThat(bot.escalations.find("df-actions", f.parent.id())).hasValueSatisfying(e -> {
            assertThat(e.resolvedBy()).isEqualTo("Ana");
            assertThat(e.resolution()).isEqualTo("Rotated the **SQL** key");
        });
        assertThat(bot.audit.between(f.clock.instant().minusSeconds(60), f.clock.instant().plusSeconds(1)))
                .singleElement().satisfies(a -> {
                    assertThat(a.what()).isEqualTo("resolve");
                    assertThat(a.note()).isEqualTo("Rotated the **SQL** key");
                    assertThat(a.result()).contains("escalation closed");
                });
        assertThat(text(bot.actions.resolve(f.parent.id(), null, "   ", ana))).contains("write how it was fixed");
    }

    /**
     * Cancel on someone's confirmation and Resolved follow the policy of Confirm: an unlisted user neither dismisses a
     * pending confirmation nor closes an escalation with a note; both refusals are audited. (Both went through before.)
     */
    @Test
    void cancelAndResolvedAreRefusedToPeopleWhoMayNotActAndAudited() {
        ActionsFixture.Instance strict = f.new Instance(new InMemoryStateStore(),
                new ActionPolicy(false, List.of("df-actions:" + ANA + "=Ana Ops"), List.of()));
        ActionView pending = card(strict.actions.propose(ActionKind.RERUN, f.parent.id(), null, ana, "c"));

        assertThat(text(strict.actions.dismiss(pending.id(), bo))).contains("Who can: Ana Ops");
        assertThat(text(strict.actions.dismiss(pending.id(), new Actor("Anon", null)))).contains("can't tell who you are");
        strict.escalations.escalate(new com.adfops.escalation.Escalations.Escalation("df-actions", f.parent.id(),
                "pl_orchestrate", "Ana", f.clock.instant(), null));
        assertThat(text(strict.actions.resolve(f.parent.id(), null, "fixed it, trust me", bo))).contains("Who can: Ana Ops");
        assertThat(strict.escalations.find("df-actions", f.parent.id())).hasValueSatisfying(e ->
                assertThat(e.resolvedBy()).isNull());

        List<AuditRecord> audited = strict.audit.between(f.clock.instant().minusSeconds(60), f.clock.instant().plusSeconds(1));
        assertThat(audited).extracting(AuditRecord::result).containsExactly("refused to dismiss: not allowed",
                "refused to dismiss: not allowed", "refused to resolve: not allowed");
        assertThat(audited.get(2).note()).as("a refused note is not recorded as a resolution").isEmpty();

        // The confirmation is still pending for someone who may act, and Ana may also dismiss it or resolve.
        assertThat(card(strict.actions.dismiss(pending.id(), ana)).state()).isEqualTo(ActionView.State.DISMISSED);
        assertThat(card(strict.actions.resolve(f.parent.id(), null, "Rotated the key", ana)).state()).isEqualTo(ActionView.State.RESOLVED);
    }
}
