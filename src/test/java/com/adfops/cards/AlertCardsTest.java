package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.answers.AlertView;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert about a run running long reads as one while it runs, and as a recovered failure card once it recovered. */
class AlertCardsTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    final AlertCards cards = new AlertCards(new ObjectMapper());
    final CardFactory.View view = new CardFactory.View(NOW, ZoneId.of("UTC"));

    AlertView runningLong(AlertView.State state) {
        return new AlertView("al-2", AlertView.Kind.RUNNING_LONG, state, "df-test", "pl_nightly", "run-n",
                NOW.minusSeconds(1860), new AlertView.Cause(AlertView.Cause.Source.RUNNING_LONG, "", "", "", "", null),
                List.of(), new AlertView.Response("Bo", NOW, null, ""), "", null, null, null);
    }

    @Test
    void aRunRunningLongSaysWhatIsHappening() {
        ObjectNode d = cards.alertData(runningLong(AlertView.State.OPEN), view);
        assertThat(d.get("title").asText()).contains("is running long");
        assertThat(d.get("rootTitle").asText()).isEqualTo("What is happening");
        assertThat(d.get("byline").asText()).contains("started");
        assertThat(d.get("canAcknowledge").asBoolean()).isTrue();
        assertThat(cards.alertData(runningLong(AlertView.State.ACKNOWLEDGED), view).get("title").asText())
                .contains("is running long");
    }

    @Test
    void onceRecoveredItNoLongerSaysItIsRunning() {
        ObjectNode d = cards.alertData(runningLong(AlertView.State.RECOVERED), view);
        assertThat(d.get("title").asText()).startsWith("✅ Recovered");
        assertThat(d.get("rootTitle").asText()).isEqualTo("Likely root cause");
        assertThat(d.get("byline").asText()).doesNotContain("started");
        assertThat(d.get("canAcknowledge").asBoolean()).isFalse();
    }

    AlertView failed(AlertView.Cause cause) {
        return new AlertView("al-3", AlertView.Kind.FAILED, AlertView.State.OPEN, "df-test", "pl_sales", "run-s",
                NOW.minusSeconds(300), cause, List.of(), AlertView.Response.NONE, "", null, null, null);
    }

    @Test
    void theFaceWordsWhyTheBotCannotSayMore() {
        assertThat(cards.alertData(failed(AlertView.Cause.of(AlertView.Cause.Source.RUN_GONE, "")), view)
                .get("rootCause").asText()).isEqualTo("Data Factory no longer has this run (it keeps runs for 45 days).");
        assertThat(cards.alertData(failed(AlertView.Cause.of(AlertView.Cause.Source.UNAVAILABLE,
                "Data Factory did not answer in time.")), view).get("rootCause").asText())
                .isEqualTo("The diagnosis is not available right now: Data Factory did not answer in time.");
        assertThat(cards.alertData(failed(AlertView.Cause.of(AlertView.Cause.Source.RUN_MESSAGE, "")), view)
                .get("rootCause").asText()).isEqualTo("ADF recorded no error message.");
        ObjectNode diagnosed = cards.alertData(failed(new AlertView.Cause(AlertView.Cause.Source.DIAGNOSED,
                "Copy: **not** markdown ${x}", "2200", "Connectivity", "Check the source.", null)), view);
        assertThat(diagnosed.get("rootCause").asText()).isEqualTo("Copy: **not** markdown ${x}");
        assertThat(diagnosed.get("nextStep").asText()).isEqualTo("Check the source.");
        assertThat(diagnosed.get("facts").toString()).contains("2200").contains("Connectivity");
    }

    @Test
    void aRunRunningLongSaysHowItComparesOrThatItIsPastItsUsual() {
        AlertView.Cause known = AlertView.Cause.of(AlertView.Cause.Source.RUNNING_LONG, "usually 8m 0s–10m 0s; running 31m 0s");
        ObjectNode d = cards.alertData(new AlertView("al-2", AlertView.Kind.RUNNING_LONG, AlertView.State.OPEN, "df-test",
                "pl_nightly", "run-n", NOW.minusSeconds(1860), known, List.of(), AlertView.Response.NONE, "", null, null, null), view);
        assertThat(d.get("rootCause").asText()).isEqualTo("Running long: usually 8m 0s–10m 0s; running 31m 0s.");
        assertThat(d.get("facts").toString()).contains("Running long");
        assertThat(d.get("nextStep").asText()).startsWith("Look at the activity in progress");
        assertThat(cards.alertData(runningLong(AlertView.State.OPEN), view).get("rootCause").asText())
                .isEqualTo("The run is still in progress past its pipeline's usual duration.");
    }
}
