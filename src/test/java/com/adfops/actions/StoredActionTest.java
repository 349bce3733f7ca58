package com.adfops.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionEnding;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionView;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Confirmations written by the version before the split (flat, 22 properties, the outcome in words; captured in
 * {@code src/test/resources/actions/main-*.json}) are read into the split record, and what this version writes reads
 * back equal, in the same flat shape.
 */
class StoredActionTest {

    final InMemoryStateStore store = new InMemoryStateStore();
    final PendingActions pending = new PendingActions(new JsonDocuments(store, TestSim.JSON));

    static final Map<String, String> PARAMS = new LinkedHashMap<>(Map.of("day", "2026-11-30"));

    static {
        PARAMS.put("mode", "full");
    }

    @Test
    void aFinishedRerunStoredBeforeTheSplitIsReadWithItsOutcomeInWords() throws IOException {
        String id = store("main-finished.json");

        PendingAction a = pending.find(id).orElseThrow();

        assertThat(a).isEqualTo(new PendingAction(
                new PendingAction.Proposal(id, ActionKind.RERUN_FROM_FAILURE, "df-actions", "LoadSales",
                        "aaaa1111-0000-0000-0000-000000000001", "bbbb2222-0000-0000-0000-000000000002", "CopySales",
                        "Copy orders", PARAMS, "Ana", "a:conv-1", Instant.parse("2026-11-30T02:00:00Z"),
                        Instant.parse("2026-11-30T02:10:00Z")),
                ActionView.State.FINISHED,
                new PendingAction.Decision("Ana", "0000aaaa-0000-0000-0000-000000000001",
                        Instant.parse("2026-11-30T02:01:00Z")),
                new PendingAction.Result("cccc3333-0000-0000-0000-000000000003", null, null, null,
                        "Run cccc3333-0000-0000-0000-000000000003 succeeded in 2m 5s."),
                new PendingAction.Cards("card-9", "card-src-7")));
        assertThat(List.copyOf(a.proposal().parameters().keySet())).containsExactly("day", "mode");
    }

    @Test
    void aRefusedCancelStoredBeforeTheSplitKeepsDataFactorysWordsAsItsRefusal() throws IOException {
        String id = store("main-failed.json");

        PendingAction a = pending.find(id).orElseThrow();

        assertThat(a.state()).isEqualTo(ActionView.State.FAILED);
        assertThat(a.proposal().kind()).isEqualTo(ActionKind.CANCEL);
        assertThat(a.proposal().parameters()).isEmpty();
        assertThat(a.decision()).isEqualTo(new PendingAction.Decision("Bo", null, Instant.parse("2026-11-30T03:02:00Z")));
        assertThat(a.result()).isEqualTo(new PendingAction.Result(null, null,
                "The client does not have authorization to perform action.",
                "Microsoft.DataFactory/factories/pipelineruns/cancel/action", null));
        assertThat(a.cards()).isEqualTo(new PendingAction.Cards(null, null));
    }

    @Test
    void aPendingConfirmationStoredBeforeTheSplitCanStillBeConfirmedHere() throws IOException {
        String id = store("main-pending.json");

        PendingAction a = pending.find(id).orElseThrow();
        assertThat(a.state()).isEqualTo(ActionView.State.PENDING);
        assertThat(a.decision()).isEqualTo(PendingAction.Decision.NONE);
        assertThat(a.result()).isEqualTo(PendingAction.Result.NONE);

        // The upgraded instance carries it on: claimed, started, finished with a typed ending.
        pending.update(id, x -> x.claimed(new Actor("Ana", null), Instant.parse("2026-11-30T04:01:00Z")).onCard("c-1"));
        pending.update(id, x -> x.started("new-9"));
        ActionEnding ended = new ActionEnding(ActionEnding.How.RERUN_ENDED, "new-9", RunStatus.SUCCEEDED, Duration.ofSeconds(75));
        PendingAction done = pending.update(id, x -> x.finished(ended));

        assertThat(pending.find(id)).contains(done);
        assertThat(done.proposal()).isEqualTo(a.proposal());
        assertThat(done.result()).isEqualTo(new PendingAction.Result("new-9", ended, null, null, null));
    }

    @Test
    void whatThisVersionWritesReadsBackEqualInTheSameFlatShape() throws IOException {
        PendingAction a = PendingAction.proposed(new PendingAction.Proposal("a-7", ActionKind.CANCEL, "df", "Nightly",
                        "run-7", null, null, "", Map.of(), "Bo", "19:x@thread.tacv2", Instant.parse("2026-11-30T05:00:00Z"),
                        Instant.parse("2026-11-30T05:10:00Z")), "diag-3")
                .claimed(new Actor("Bo", "0000bbbb-0000-0000-0000-000000000002"), Instant.parse("2026-11-30T05:01:00Z"))
                .onCard("card-3").started(null)
                .finished(new ActionEnding(ActionEnding.How.CANCEL_ENDED, "run-7", RunStatus.CANCELLED, null));
        pending.create(a);

        assertThat(pending.find("a-7")).contains(a);
        JsonNode written = TestSim.JSON.readTree(store.read(StateKeys.of("actions", "pending/a-7")).orElseThrow().json());
        JsonNode before = TestSim.JSON.readTree(resource("main-finished.json"));
        List<String> names = new ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        List<String> old = new ArrayList<>();
        before.fieldNames().forEachRemaining(old::add);
        old.add("ending");
        assertThat(names).as("the old flat properties, and the typed ending").containsExactlyElementsOf(old);
        assertThat(written.get("message").isNull()).as("no sentence is stored for a typed ending").isTrue();
        assertThat(written.get("ending").toString())
                .isEqualTo("{\"how\":\"CANCEL_ENDED\",\"runId\":\"run-7\",\"status\":\"Cancelled\",\"durationMs\":null}");
    }

    @Test
    void aNothingToCancelEndingOfAGoneRunRoundTrips() {
        PendingAction a = PendingAction.proposed(PendingActionTest.PROPOSAL, null)
                .claimed(new Actor("Ana", null), PendingActionTest.T)
                .finished(new ActionEnding(ActionEnding.How.NOTHING_TO_CANCEL, "run-1", null, null));
        pending.create(a);
        assertThat(pending.find(a.id())).contains(a);
    }

    private String store(String resource) throws IOException {
        String json = resource(resource);
        String id = TestSim.JSON.readTree(json).get("id").asText();
        store.write(StateKeys.of("actions", "pending/" + id), json, null);
        return id;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StoredActionTest.class.getResourceAsStream("/actions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
