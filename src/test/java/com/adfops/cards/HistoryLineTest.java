package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.diagnosis.RunHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagnosis card's new-or-recurring line, hand-computed: times relative to the failure, the count and its span. */
class HistoryLineTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final CardFactory.View VIEW = new CardFactory.View(NOW, ZoneOffset.UTC);

    static RunHistory.SameError same(Instant failedAt, int compared, int notCompared, int... hoursBefore) {
        return new RunHistory.SameError(java.util.Arrays.stream(hoursBefore)
                .mapToObj(h -> failedAt.minus(Duration.ofHours(h))).toList(), compared, notCompared, Duration.ofDays(7));
    }

    @Test
    void recurringNamesTheLatestThreeRelativeToTheFailure() {
        Instant at = NOW.minus(Duration.ofMinutes(5));
        RunHistory inARow = new RunHistory(4, 0, null, 10, 10, NOW.minus(Duration.ofHours(9)))
                .withSameError(same(at, 5, 12, 1, 2, 3, 4, 5));
        assertThat(DiagnosisCards.historyLine(inARow, at, VIEW)).isEqualTo("🔁 Recurring: the same error 1 h, 2 h and 3 h "
                + "ago, and 2 earlier (6 times in 5 h; 12 older failures not compared); 4 runs in a row; no success in the "
                + "week before.");
        // A failure of yesterday: its earlier failures are counted from it, not from now.
        Instant yesterday = NOW.minus(Duration.ofHours(30));
        RunHistory once = new RunHistory(1, 3, yesterday.minus(Duration.ofHours(12)), 2, 10, NOW.minus(Duration.ofDays(5)))
                .withSameError(same(yesterday, 2, 0, 72));
        assertThat(DiagnosisCards.historyLine(once, yesterday, VIEW))
                .isEqualTo("🔁 Recurring: the same error 3 days before this run (2 times in 3 days); last success 42 h ago.");
    }

    @Test
    void newSaysHowFarItLookedAndFallsBackWithoutAComparison() {
        Instant at = NOW.minus(Duration.ofMinutes(5));
        RunHistory failingNew = new RunHistory(2, 4, NOW.minus(Duration.ofHours(12)), 2, 10, NOW.minus(Duration.ofDays(3)))
                .withSameError(same(at, 5, 2));
        assertThat(failingNew.isNew()).isFalse();
        assertThat(DiagnosisCards.historyLine(failingNew, at, VIEW))
                .isEqualTo("🆕 New: not the error of the 5 failures before; 2 runs in a row; last success 12 h ago.");
        RunHistory notCompared = new RunHistory(1, 37, NOW.minus(Duration.ofHours(2)), 1, 10, NOW.minus(Duration.ofHours(10)));
        assertThat(DiagnosisCards.historyLine(notCompared, at, VIEW))
                .isEqualTo("🆕 First failure after 37 successes; last success 2 h ago.");
        assertThat(DiagnosisCards.historyLine(new RunHistory(1, 0, null, 1, 1, at).withSameError(same(at, 0, 0)), at, VIEW))
                .isEqualTo("No earlier runs of this pipeline in the week before.");
    }
}
