package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionRefusal;
import com.adfops.answers.ActionView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A typed ending is written in exactly the words the actions capability stored before endings were typed (the
 * sentences below are the ones {@code ActionService.outcome} and the already-ended cancel built), and an action
 * finished before then shows the words it stored.
 */
class ActionWordsTest {

    static ActionEnding ending(ActionEnding.How how, RunStatus status, Duration took) {
        return new ActionEnding(how, "4f2c9e1a-77b0-4c3e-9d51-0b6a2e8f1c3d", status, took);
    }

    @Test
    void aRerunsRunSaysHowItEndedAndHowLongItTook() {
        assertThat(ActionWords.ending(ending(ActionEnding.How.RERUN_ENDED, RunStatus.SUCCEEDED, Duration.ofSeconds(125))))
                .isEqualTo("Run 4f2c9e1a-77b0-4c3e-9d51-0b6a2e8f1c3d succeeded in 2m 5s.");
        assertThat(ActionWords.ending(ending(ActionEnding.How.RERUN_ENDED, RunStatus.FAILED, Duration.ofSeconds(40))))
                .isEqualTo("Run 4f2c9e1a-77b0-4c3e-9d51-0b6a2e8f1c3d failed in 40s.");
        assertThat(ActionWords.ending(ending(ActionEnding.How.RERUN_ENDED, RunStatus.CANCELLED, null)))
                .isEqualTo("Run 4f2c9e1a-77b0-4c3e-9d51-0b6a2e8f1c3d was cancelled.");
    }

    @Test
    void aCancelSaysWhetherItTookEffect() {
        assertThat(ActionWords.ending(ending(ActionEnding.How.CANCEL_ENDED, RunStatus.CANCELLED, Duration.ofMinutes(3))))
                .isEqualTo("The run was cancelled in 3m 0s.");
        assertThat(ActionWords.ending(ending(ActionEnding.How.CANCEL_ENDED, RunStatus.CANCELLED, null)))
                .isEqualTo("The run was cancelled.");
        assertThat(ActionWords.ending(ending(ActionEnding.How.CANCEL_ENDED, RunStatus.SUCCEEDED, Duration.ofMinutes(3))))
                .isEqualTo("The run succeeded before the cancel took effect.");
        assertThat(ActionWords.ending(ending(ActionEnding.How.CANCEL_ENDED, RunStatus.FAILED, null)))
                .isEqualTo("The run failed before the cancel took effect.");
    }

    @Test
    void aCancelOfARunThatHadAlreadyEndedSaysNothingWasCancelled() {
        assertThat(ActionWords.ending(ending(ActionEnding.How.NOTHING_TO_CANCEL, RunStatus.SUCCEEDED, null)))
                .isEqualTo("Nothing was cancelled: the run had already succeeded.");
        assertThat(ActionWords.ending(ending(ActionEnding.How.NOTHING_TO_CANCEL, RunStatus.CANCELLED, null)))
                .isEqualTo("Nothing was cancelled: the run had already been cancelled.");
        assertThat(ActionWords.ending(ending(ActionEnding.How.NOTHING_TO_CANCEL, null, null)))
                .isEqualTo("Nothing was cancelled: the run had already gone.");
    }

    @Test
    void anActionFinishedBeforeEndingsWereTypedShowsTheWordsItStored() {
        ActionView old = view("Run 1 succeeded in 2m 5s.", null);
        assertThat(ActionWords.outcome(old)).isEqualTo("Run 1 succeeded in 2m 5s.");
        ActionView typed = view("", ending(ActionEnding.How.RERUN_ENDED, RunStatus.SUCCEEDED, Duration.ofSeconds(9)));
        assertThat(ActionWords.outcome(typed)).isEqualTo("Run 4f2c9e1a-77b0-4c3e-9d51-0b6a2e8f1c3d succeeded in 9s.");
    }

    @Test
    void aRefusalIsWrittenInTheWordsThePolicyUsedToReturn() {
        assertThat(ActionWords.refusal(new ActionRefusal(ActionRefusal.Why.TURNED_OFF, "df-prod", "Ana", List.of())))
                .isEqualTo("Reruns and cancels from the card are turned off for factory df-prod. The bot's administrators "
                        + "turn them on by listing who may act in ADFOPS_ACTIONS_ALLOWED; until then, use ADF Studio "
                        + "(Monitor > Pipeline runs).");
        assertThat(ActionWords.refusal(new ActionRefusal(ActionRefusal.Why.NOBODY_HERE, "df-prod", "Ana", List.of())))
                .isEqualTo("Nobody may rerun or cancel runs of factory df-prod from the card. The bot's administrators "
                        + "can allow people in ADFOPS_ACTIONS_ALLOWED.");
        List<ActionRefusal.Principal> whoCan = List.of(new ActionRefusal.Principal("Ana Ops", "0000aaaa", false),
                new ActionRefusal.Principal(null, "0000cccc", true), new ActionRefusal.Principal(null, "0000dddd", false));
        assertThat(ActionWords.refusal(new ActionRefusal(ActionRefusal.Why.NOT_LISTED, "df-prod", "Bo", whoCan)))
                .isEqualTo("Sorry, Bo, you are not on the list of people who may act on factory df-prod. "
                        + "Who can: Ana Ops, group 0000cccc, 0000dddd. Ask one of them, or escalate.");
        assertThat(ActionWords.refusal(new ActionRefusal(ActionRefusal.Why.UNKNOWN_IDENTITY, "df-prod", "someone", whoCan)))
                .isEqualTo("I can't tell who you are in Entra ID (your message carried no object id), so I can't let you "
                        + "act. Who can: Ana Ops, group 0000cccc, 0000dddd. Ask one of them, or escalate.");
    }

    @Test
    void aRefusedCardShowsTheTypedRefusalAsItShowedTheSentence() {
        Instant t = Instant.parse("2026-11-30T02:00:00Z");
        ActionRefusal r = new ActionRefusal(ActionRefusal.Why.NOT_LISTED, "df", "Bo",
                List.of(new ActionRefusal.Principal("Ana Ops", "0000aaaa", false)));
        ActionView typed = com.adfops.answers.ActionViews.of("", ActionKind.RERUN, ActionView.State.REFUSED, "df", "LoadSales", "run-1", null,
                null, null, null, "Bo", null, "Bo", t, null, null, null, null, r, null);
        ActionView inWords = com.adfops.answers.ActionViews.of("", ActionKind.RERUN, ActionView.State.REFUSED, "df", "LoadSales", "run-1", null,
                null, null, null, "Bo", null, "Bo", t, null, ActionWords.refusal(r), null);
        CardFactory cards = new CardFactory(com.adfops.TestSim.JSON);
        CardFactory.View at = new CardFactory.View(t, java.time.ZoneOffset.UTC);
        String card = cards.card(new com.adfops.agent.Reply.Action(typed), at).toString();
        assertThat(card).isEqualTo(cards.card(new com.adfops.agent.Reply.Action(inWords), at).toString())
                .contains("Who can: Ana Ops");
    }

    private static ActionView view(String message, ActionEnding ending) {
        Instant t = Instant.parse("2026-11-30T02:00:00Z");
        return com.adfops.answers.ActionViews.of("a-1", ActionKind.RERUN, ActionView.State.FINISHED, "df", "LoadSales", "run-1", null, null,
                null, Map.of(), "Ana", t, "Ana", t, "new-1", message, null, ending, null, null);
    }
}
