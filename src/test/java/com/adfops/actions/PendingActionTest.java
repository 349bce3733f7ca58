package com.adfops.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each transition moves the state and replaces at most one part; every other part is kept as it was. */
class PendingActionTest {

    static final Instant T = Instant.parse("2026-11-30T02:00:00Z");
    static final PendingAction.Proposal PROPOSAL = new PendingAction.Proposal("a-1", ActionKind.RERUN_FROM_FAILURE,
            "df", "LoadSales", "run-1", "child-1", "CopySales", "Copy orders", Map.of("day", "2026-11-30"), "Ana",
            "a:conv", T, T.plus(Duration.ofMinutes(10)));

    final PendingAction proposed = PendingAction.proposed(PROPOSAL, "diag-card");

    @Test
    void aProposalWaitsWithNothingDecidedAndNothingDone() {
        assertThat(proposed.state()).isEqualTo(ActionView.State.PENDING);
        assertThat(proposed.decision()).isEqualTo(PendingAction.Decision.NONE);
        assertThat(proposed.result()).isEqualTo(PendingAction.Result.NONE);
        assertThat(proposed.cards()).isEqualTo(new PendingAction.Cards(null, "diag-card"));
        assertThat(proposed.id()).isEqualTo("a-1");
    }

    @Test
    void claimingRecordsWhoAndWhenAndKeepsTheRest() {
        PendingAction claimed = proposed.claimed(new Actor("Bo", "0000BBBB-0000"), T.plusSeconds(60));
        assertThat(claimed.state()).isEqualTo(ActionView.State.CLAIMED);
        assertThat(claimed.decision()).isEqualTo(new PendingAction.Decision("Bo", "0000bbbb-0000", T.plusSeconds(60)));
        assertThat(claimed).usingRecursiveComparison().ignoringFields("state", "decision").isEqualTo(proposed);

        PendingAction onCard = claimed.onCard("card-9");
        assertThat(onCard.cards()).isEqualTo(new PendingAction.Cards("card-9", "diag-card"));
        assertThat(onCard).usingRecursiveComparison().ignoringFields("cards").isEqualTo(claimed);
    }

    @Test
    void dismissingAndExpiringKeepTheProposalAndTheCards() {
        PendingAction dismissed = proposed.dismissed(new Actor("Bo", null), T.plusSeconds(5));
        assertThat(dismissed.state()).isEqualTo(ActionView.State.DISMISSED);
        assertThat(dismissed.decision()).isEqualTo(new PendingAction.Decision("Bo", null, T.plusSeconds(5)));
        assertThat(dismissed).usingRecursiveComparison().ignoringFields("state", "decision").isEqualTo(proposed);

        PendingAction expired = proposed.expired();
        assertThat(expired.state()).isEqualTo(ActionView.State.EXPIRED);
        assertThat(expired).usingRecursiveComparison().ignoringFields("state").isEqualTo(proposed);
    }

    @Test
    void startingAndFinishingFillTheResultAndKeepWhoDecided() {
        PendingAction claimed = proposed.claimed(new Actor("Bo", null), T.plusSeconds(60)).onCard("card-9");
        PendingAction started = claimed.started("new-1");
        assertThat(started.state()).isEqualTo(ActionView.State.STARTED);
        assertThat(started.result()).isEqualTo(new PendingAction.Result("new-1", null, null, null, null));
        assertThat(started).usingRecursiveComparison().ignoringFields("state", "result").isEqualTo(claimed);

        ActionEnding ended = new ActionEnding(ActionEnding.How.RERUN_ENDED, "new-1", RunStatus.FAILED, Duration.ofMinutes(3));
        PendingAction finished = started.finished(ended);
        assertThat(finished.state()).isEqualTo(ActionView.State.FINISHED);
        assertThat(finished.result()).isEqualTo(new PendingAction.Result("new-1", ended, null, null, null));
        assertThat(finished).usingRecursiveComparison().ignoringFields("state", "result").isEqualTo(claimed);
    }

    @Test
    void aRefusalKeepsDataFactorysWordsAndTheMissingAction() {
        PendingAction claimed = proposed.claimed(new Actor("Bo", null), T.plusSeconds(60));
        PendingAction failed = claimed.failed("AuthorizationFailed: no.", "Microsoft.DataFactory/x/action");
        assertThat(failed.state()).isEqualTo(ActionView.State.FAILED);
        assertThat(failed.result()).isEqualTo(new PendingAction.Result(null, null, "AuthorizationFailed: no.",
                "Microsoft.DataFactory/x/action", null));
        assertThat(failed).usingRecursiveComparison().ignoringFields("state", "result").isEqualTo(claimed);
    }
}
