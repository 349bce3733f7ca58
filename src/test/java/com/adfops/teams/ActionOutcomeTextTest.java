package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.actions.ActionService;
import com.adfops.actions.PendingAction;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outcome the Teams face posts when a followed run ends: the same message whether the action stored its ending
 * as facts (this version) or in words (a confirmation finished by the version before), the run linked to ADF Studio.
 */
class ActionOutcomeTextTest {

    static final FactoryRef F = new FactoryRef("sub-1", "rg-1", "df-actions");
    static final Instant T = Instant.parse("2026-11-30T02:00:00Z");
    static final String NEW_RUN = "cccc3333-0000-0000-0000-000000000003";

    @Test
    void aTypedEndingPostsTheWordsAnOlderDocumentStored() {
        PipelineRun run = new PipelineRun(F, NEW_RUN, "LoadSales", RunStatus.SUCCEEDED, "", T, T.plusSeconds(125),
                T.plusSeconds(125), 125_000L, Map.of(), "Manual", "", null, null, "run-1");
        ActionEnding ending = new ActionEnding(ActionEnding.How.RERUN_ENDED, NEW_RUN, RunStatus.SUCCEEDED,
                Duration.ofSeconds(125));

        String typed = ActionFlow.outcomeText(finished(run, ending, ""));
        String inWords = ActionFlow.outcomeText(finished(run, null, "Run " + NEW_RUN + " succeeded in 2m 5s."));

        assertThat(typed).isEqualTo(inWords).isEqualTo("✅ The rerun of **LoadSales** (by Ana\\_Ops) is done: Run [cccc3333…]("
                + F.studioRunUrl(NEW_RUN) + ") succeeded in 2m 5s.");
    }

    @Test
    void aCancelThatCameTooLateSaysSo() {
        PipelineRun run = new PipelineRun(F, "run-1", "LoadSales", RunStatus.FAILED, "boom", T, T.plusSeconds(60),
                T.plusSeconds(60), 60_000L, Map.of(), "Manual", "", null, null, null);
        String text = ActionFlow.outcomeText(finished(run,
                new ActionEnding(ActionEnding.How.CANCEL_ENDED, "run-1", RunStatus.FAILED, Duration.ofSeconds(60)), ""));
        assertThat(text).isEqualTo("❌ The cancel of run run-1 of **LoadSales** (by Ana\\_Ops) is done: "
                + "The run failed before the cancel took effect.");
    }

    private static ActionService.Finished finished(PipelineRun run, ActionEnding ending, String words) {
        ActionKind kind = ending != null && ending.how() == ActionEnding.How.CANCEL_ENDED ? ActionKind.CANCEL : ActionKind.RERUN;
        PendingAction a = new PendingAction(new PendingAction.Proposal("a-1", kind, "df-actions", "LoadSales", "run-1",
                null, null, "", Map.of(), "Ana_Ops", "a:conv", T, T.plusSeconds(600)), ActionView.State.FINISHED,
                new PendingAction.Decision("Ana_Ops", null, T), new PendingAction.Result(
                        kind == ActionKind.CANCEL ? null : NEW_RUN, ending, null, null, ending == null ? words : null),
                new PendingAction.Cards("card-1", null));
        ActionView card = com.adfops.answers.ActionViews.of("a-1", kind, ActionView.State.FINISHED, "df-actions", "LoadSales", "run-1", null,
                null, "", Map.of(), "Ana_Ops", T.plusSeconds(600), "Ana_Ops", T, kind == ActionKind.CANCEL ? null : NEW_RUN,
                words, null, ending, null, F);
        return new ActionService.Finished(a, run, card);
    }
}
