package com.adfops;

import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.runs.AdfTools;
import com.adfops.agent.AgentReply;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Reply;
import com.adfops.diagnosis.RunHistory;
import com.adfops.tools.ToolRunner;
import com.adfops.analytics.TrendSummary;
import com.adfops.agent.Turn;
import com.adfops.cards.CardFactory;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * New or recurring by error signature, on two pipelines run every 12 hours (hand-computed): {@code pl_orders_12h} fails
 * with the same error 50 h and 26 h before its latest failure, successes in between; {@code pl_customers_12h} failed 50 h
 * before with another error and has succeeded three times since. The card, the model's tool output and the trends say
 * the same.
 */
class RecurringFailureTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static AdfTools tools;
    static OfflineAgent agent;
    static String ordersFailure;
    static String customersFailure;

    /** A run {@code hours} before the latest (which starts 10 minutes before now), five minutes long. */
    static DatasetBuilder.Run run(DatasetBuilder d, String pipeline, int hours, String status) {
        return d.run(pipeline, NOW.minus(Duration.ofHours(hours).plusMinutes(10)), 300, status);
    }

    /** The same missing table, with the run id, time and row count of that run in the message. */
    static String missingTable(String table, int hours, int rows) {
        return "ErrorCode=UserErrorInvalidObject,'Type=System.Data.SqlClient.SqlException,Message=Invalid object name '"
                + table + "'. Run " + UUID.randomUUID() + " at " + NOW.minus(Duration.ofHours(hours)) + " after " + rows
                + " rows.'";
    }

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-recurring");
        for (int h = 158; h >= 0; h -= 12) {
            boolean fails = h == 50 || h == 26 || h == 2;
            DatasetBuilder.Run orders = run(d, "pl_orders_12h", h == 2 ? 0 : h, fails ? "Failed" : "Succeeded")
                    .activity("Copy orders", "Copy", 5, 60, fails ? "Failed" : "Succeeded", fails ? "2200" : null,
                            fails ? missingTable("dbo.Orders", h, 1000 + h) : null);
            boolean failedBefore = h == 50;
            boolean failsNow = h == 2;
            DatasetBuilder.Run customers = run(d, "pl_customers_12h", h == 2 ? 0 : h,
                    failedBefore || failsNow ? "Failed" : "Succeeded")
                    .activity("Copy customers", "Copy", 5, 60, failedBefore || failsNow ? "Failed" : "Succeeded",
                            failedBefore || failsNow ? "2200" : null,
                            failedBefore ? missingTable("dbo.Customers_old", h, 7) : failsNow
                                    ? missingTable("dbo.Customers", h, 12) : null);
            if (h == 2) {
                ordersFailure = orders.id();
                customersFailure = customers.id();
            }
        }
        sim = TestSim.of(d.build(), 50, Clock.fixed(NOW, ZoneOffset.UTC));
        tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
        agent = new OfflineAgent(tools, new InMemoryConversationStore(), new GuidanceFinder(TestDocs.builtInOnly()),
                Duration.ofHours(12));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static AgentReply ask(String text) {
        return agent.handle(new Turn("c-recurring", "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    /** The diagnosis card of "why did PIPELINE fail?", which must be about {@code runId}. */
    static Reply.DiagnosisCard diagnosis(String pipeline, String runId) {
        Reply.DiagnosisCard card = part(ask("why did " + pipeline + " fail?"), Reply.DiagnosisCard.class);
        assertThat(card.diagnosis().run().runId()).isEqualTo(runId);
        return card;
    }

    static String historyOnCard(Reply.DiagnosisCard card) {
        return new CardFactory(TestSim.JSON).cardData(card, new CardFactory.View(NOW, ZoneOffset.UTC)).data()
                .get("history").asText();
    }

    static JsonNode toolHistory(String runId) throws Exception {
        ToolRunner runner = new ToolRunner(tools, TestDocs.builtInOnly(), TestSim.JSON);
        ToolRunner.Call call = runner.run(AdfTools.ACTIVITY_RUNS, "{\"run_id\":\"" + runId + "\"}", ZoneOffset.UTC);
        return TestSim.JSON.readTree(call.output()).get("history");
    }

    @Test
    void theSameErrorWithSuccessesBetweenIsRecurringOnTheCardTheToolAndTheTrends() throws Exception {
        Reply.DiagnosisCard card = diagnosis("pl_orders_12h", ordersFailure);
        RunHistory h = card.history();
        assertThat(h.isRecurring()).isTrue();
        assertThat(h.isNew()).isFalse();
        assertThat(h.failuresInARow()).isEqualTo(1);
        assertThat(h.successesBefore()).isEqualTo(1);
        assertThat(h.sameError().times()).isEqualTo(3);
        assertThat(h.sameError().earlier()).containsExactly(NOW.minus(Duration.ofHours(26).plusMinutes(10)),
                NOW.minus(Duration.ofHours(50).plusMinutes(10)));
        assertThat(h.sameError().notCompared()).isZero();
        assertThat(historyOnCard(card))
                .isEqualTo("🔁 Recurring: the same error 26 h and 50 h ago (3 times in 2 days); last success 14 h ago.");

        JsonNode tool = toolHistory(ordersFailure);
        assertThat(tool.get("same_error").asText()).isEqualTo("recurring");
        assertThat(tool.get("same_error_times").asInt()).isEqualTo(3);
        assertThat(tool.get("same_error_hours_before").toString()).isEqualTo("[26,50]");
        assertThat(tool.get("looked_back_days").asInt()).isEqualTo(7);

        // The trends over those days count at least the failures the label names.
        TrendSummary trends = part(ask("how did pl_orders_12h do in the last 3 days?"), Reply.Trends.class).summary();
        assertThat(trends.failed()).isGreaterThanOrEqualTo(h.sameError().times());
    }

    @Test
    void anotherErrorBeforeLeavesTheFailureNew() throws Exception {
        Reply.DiagnosisCard card = diagnosis("pl_customers_12h", customersFailure);
        RunHistory h = card.history();
        assertThat(h.isRecurring()).isFalse();
        assertThat(h.isNew()).isTrue();
        assertThat(h.successesBefore()).isEqualTo(3);
        assertThat(h.sameError().compared()).isEqualTo(1);
        assertThat(historyOnCard(card)).isEqualTo(
                "🆕 New: first time this error in the last 7 days (after 3 successes); last success 14 h ago.");
        JsonNode tool = toolHistory(customersFailure);
        assertThat(tool.get("same_error").asText()).isEqualTo("new");
        assertThat(tool.get("same_error_times").asInt()).isEqualTo(1);
        assertThat(tool.get("successes_before").asInt()).isEqualTo(3);
    }
}
