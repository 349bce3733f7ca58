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
                NOW.minusSeconds(1860), "Still running after 31 min.", "", "Running long", "Look at it.", null,
                List.of(), "Bo", NOW, null, "");
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
}
