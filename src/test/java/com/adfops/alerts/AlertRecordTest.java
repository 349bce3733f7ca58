package com.adfops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.answers.AlertView;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert's parts each change by their own transition; the stored document stays the flat one of earlier versions. */
class AlertRecordTest {

    static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    /**
     * A document as the version before the split wrote it (the app's mapper: every property, instants as seconds; an
     * acknowledged and snoozed alert grouped with another run).
     */
    static final String WRITTEN_BEFORE = "{\"id\":\"al-1\",\"conversationId\":\"19:abc@thread.tacv2\",\"factory\":\"adf-x\","
            + "\"pipeline\":\"Copy GL\",\"runId\":\"run-1\",\"failedAt\":1796093700.000000000,"
            + "\"grouped\":[\"Load AP \u00b7 run-2\"],\"state\":\"ACKNOWLEDGED\",\"owner\":null,"
            + "\"postedAt\":1796094001.000000000,\"postedTo\":\"19:abc@thread.tacv2;messageid=1\",\"activityId\":\"1\","
            + "\"by\":\"Dana\",\"at\":1796094300.000000000,\"recoveredRun\":null,\"recoveredAt\":null,"
            + "\"snoozedBy\":\"Dana\",\"snoozedUntil\":1796101500.000000000,\"rootKey\":\"2200|ls_sql\","
            + "\"runningLong\":false,\"kind\":\"FAILED\",\"schedule\":null}";

    @Test
    void aDocumentWrittenBeforeTheSplitReadsIntoItsPartsAndIsWrittenBackTheSame() throws Exception {
        AlertRecord a = TestSim.JSON.readValue(WRITTEN_BEFORE, StoredAlert.class).toRecord();

        assertThat(a.subject()).isEqualTo(new AlertRecord.Subject("19:abc@thread.tacv2", "adf-x", "Copy GL", "run-1",
                Instant.parse("2026-12-01T02:55:00Z"), AlertView.Kind.FAILED, null));
        assertThat(a.grouping()).isEqualTo(new AlertRecord.Grouping(List.of("Load AP · run-2"), "2200|ls_sql"));
        assertThat(a.state()).isEqualTo(AlertRecord.State.ACKNOWLEDGED);
        assertThat(a.delivery()).isEqualTo(new AlertRecord.Delivery(null, Instant.parse("2026-12-01T03:00:01Z"),
                "19:abc@thread.tacv2;messageid=1", "1"));
        assertThat(a.acknowledged()).isEqualTo(new AlertRecord.Acknowledged("Dana", Instant.parse("2026-12-01T03:05:00Z")));
        assertThat(a.snoozed()).isEqualTo(new AlertRecord.Snoozed("Dana", Instant.parse("2026-12-01T05:05:00Z")));
        assertThat(a.recovered()).isNull();

        // Written back: the same properties with the same values, and the one added since (a runtime alert's facts).
        com.fasterxml.jackson.databind.node.ObjectNode now = (com.fasterxml.jackson.databind.node.ObjectNode)
                TestSim.JSON.readTree(TestSim.JSON.writeValueAsString(StoredAlert.of(a)));
        assertThat(now.remove("runtime").isNull()).isTrue();
        assertThat(now).isEqualTo(TestSim.JSON.readTree(WRITTEN_BEFORE));
    }

    @Test
    void eachTransitionChangesItsOwnPartOnly() {
        AlertRecord.Subject subject = new AlertRecord.Subject("c", "f", "p", "r", T0, AlertView.Kind.RUNNING_LONG, null);
        AlertRecord claimed = AlertRecord.claimed("id", subject, "owner-1", T0);
        assertThat(claimed.state()).isEqualTo(AlertRecord.State.POSTING);
        assertThat(claimed.owner()).isEqualTo("owner-1");

        AlertRecord grouped = claimed.grouping(List.of("q · r2"), "key");
        AlertRecord posted = grouped.posted("c;messageid=9", "9", T0.plusSeconds(1));
        assertThat(posted.state()).isEqualTo(AlertRecord.State.OPEN);
        assertThat(posted.delivery()).isEqualTo(new AlertRecord.Delivery(null, T0.plusSeconds(1), "c;messageid=9", "9"));
        assertThat(posted.grouping()).isEqualTo(grouped.grouping());

        AlertRecord also = posted.withAlso("s · r3").withAlso("s · r3");
        assertThat(also.grouping().others()).containsExactly("q · r2", "s · r3");
        assertThat(also.grouping().rootKey()).isEqualTo("key");

        AlertRecord snoozed = also.snoozed("Ana", T0.plusSeconds(3600));
        AlertRecord acked = snoozed.acknowledged("Bo", T0.plusSeconds(60));
        AlertRecord recovered = acked.recovered("run-ok", T0.plusSeconds(120));
        assertThat(recovered.state()).isEqualTo(AlertRecord.State.RECOVERED);
        assertThat(recovered.recovered()).isEqualTo(new AlertRecord.Recovered("run-ok", T0.plusSeconds(120)));
        assertThat(recovered.acknowledged()).isEqualTo(new AlertRecord.Acknowledged("Bo", T0.plusSeconds(60)));
        assertThat(recovered.snoozed()).isEqualTo(new AlertRecord.Snoozed("Ana", T0.plusSeconds(3600)));
        assertThat(recovered.subject()).isSameAs(subject);
        assertThat(recovered.delivery()).isEqualTo(posted.delivery());

        AlertRecord retried = claimed.retrying("owner-2", T0.plusSeconds(300));
        assertThat(retried.delivery()).isEqualTo(new AlertRecord.Delivery("owner-2", T0.plusSeconds(300), null, null));
    }

    @Test
    void theStoreKeepsEveryPartThroughItsDocument() {
        AlertStore store = new AlertStore(new JsonDocuments(new InMemoryStateStore(), TestSim.JSON));
        AlertRecord.Subject subject = new AlertRecord.Subject("c", "f", "p", "", T0, AlertView.Kind.MISSED,
                new AlertView.Schedule("tr-daily", T0, "W. Europe Standard Time", "TRIGGER_STOPPED", "", "", null, null, null));
        AlertRecord claimed = AlertRecord.claimed(AlertStore.idOf("c", "k"), subject, "me", T0);
        assertThat(store.claim(claimed, "k", T0)).isTrue();
        assertThat(store.claim(claimed, "k", T0)).isFalse();
        AlertRecord posted = store.update(claimed.id(), x -> x.posted("c", "act", T0.plusSeconds(2)));
        AlertRecord recovered = store.update(claimed.id(), x -> x.recovered(null, T0.plusSeconds(90)));

        assertThat(store.find(claimed.id())).contains(recovered);
        assertThat(recovered.subject()).isEqualTo(subject);
        assertThat(recovered.delivery()).isEqualTo(posted.delivery());
        assertThat(recovered.recovered()).isEqualTo(new AlertRecord.Recovered(null, T0.plusSeconds(90)));
        assertThat(store.open()).doesNotContain(claimed.id());
    }
}
