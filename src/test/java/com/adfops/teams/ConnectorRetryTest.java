package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.TestSim;
import com.adfops.cards.CardFactory;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector transport retries what the Bot Connector refuses for now, on a real HTTP exchange, and a send that is
 * still refused fails for its sender (botbuilder's error handler used to report it as sent).
 */
class ConnectorRetryTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final List<Long> slept = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private HttpServer connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.stop(0);
        }
    }

    /** A connector answering the given statuses in order (then 200); "429:3" sends Retry-After: 3. */
    private String connector(String... answers) throws Exception {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        connector.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int i = n.getAndIncrement();
            String answer = i < answers.length ? answers[i] : "200";
            String[] parts = answer.split(":");
            if (parts.length > 1) {
                ex.getResponseHeaders().set("Retry-After", parts[1]);
            }
            byte[] out = (parts[0].equals("200") ? "{\"id\":\"sent\"}" : "{\"error\":{\"code\":\"x\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(Integer.parseInt(parts[0]), out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        connector.start();
        return "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
    }

    private TeamsAdapter adapter() {
        TeamsAdapter adapter = new TeamsAdapter(MicrosoftAppCredentials.empty(), new SimpleChannelProvider(), 8,
                new ConnectorRetry(Duration.ofMillis(100), nanos::get, ms -> {
                    slept.add(ms);
                    nanos.addAndGet(ms * 1_000_000L);
                }));
        adapter.setOnTurnError(new TurnErrorHandler(new ReplySender(new CardFactory(TestSim.JSON),
                Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), java.time.ZoneOffset.UTC))));
        return adapter;
    }

    private static ConversationReference reference(String serviceUrl) {
        ConversationReference ref = new ConversationReference();
        ref.setServiceUrl(serviceUrl);
        ref.setChannelId("msteams");
        ref.setConversation(new ConversationAccount("a:conversation-1"));
        ref.setBot(new ChannelAccount("bot", "bot"));
        ref.setUser(new ChannelAccount("user-1", "User"));
        return ref;
    }

    private static CompletableFuture<Void> send(TeamsAdapter adapter, ConversationReference ref) {
        return adapter.continueConversation("", ref,
                ctx -> ctx.sendActivity(MessageFactory.text("the answer")).thenApply(r -> null));
    }

    @Test
    void throttledPreconditionFailedAndServerErrorsAreRetriedRetryAfterFirstThenBackoff() throws Exception {
        String url = connector("429:3", "412", "503", "502");
        send(adapter(), reference(url)).get(10, TimeUnit.SECONDS);

        assertThat(bodies).hasSize(5).allMatch(b -> b.contains("the answer"));
        assertThat(slept).hasSize(4);
        assertThat(slept.get(0)).isEqualTo(3000L);
        assertThat(slept.get(1)).isBetween(100L, 200L);
        assertThat(slept.get(2)).isBetween(200L, 400L);
        assertThat(slept.get(3)).isBetween(400L, 800L);
    }

    @Test
    void aSendStillRefusedAfterEveryAttemptFailsForItsSenderAndNoErrorCardIsTried() throws Exception {
        String url = connector("429", "429", "429", "429", "429", "429", "429");
        CompletableFuture<Void> sent = send(adapter(), reference(url));

        assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
                com.microsoft.bot.connector.rest.ErrorResponseException.class);
        assertThat(bodies).hasSize(ConnectorRetry.ATTEMPTS).allMatch(b -> b.contains("the answer"));
    }

    @Test
    void refusalsThatAreTheCallersFaultAreNotRetried() throws Exception {
        String url = connector("403");
        assertThatThrownBy(() -> send(adapter(), reference(url)).join()).isInstanceOf(CompletionException.class);
        assertThat(bodies).hasSize(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void aConnectorThatCannotBeReachedIsTriedAgainThenReported() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CompletableFuture<Void> sent = send(adapter(), reference("http://127.0.0.1:" + closed + "/"));
        assertThatThrownBy(() -> sent.get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(slept).hasSize(ConnectorRetry.ATTEMPTS - 1);
    }

    @Test
    void aRetryAfterLongerThanTheBudgetLeftEndsTheRetries() throws Exception {
        String url = connector("429:25", "429:25", "429:25", "429:25");
        CompletableFuture<Void> sent = send(adapter(), reference(url));
        assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
                com.microsoft.bot.connector.rest.ErrorResponseException.class);
        // 25 s + 25 s fit in the minute; a third wait would not, and the third refusal goes back to the sender.
        assertThat(slept).containsExactly(25_000L, 25_000L);
        assertThat(bodies).hasSize(3);
    }

    /**
     * A proactive turn that fails for another reason fails for its sender too; it sends the friendly failure card,
     * unless its sender asked for none (an alert post: its retry would post one every few minutes).
     */
    @Test
    void aFailedProactiveTurnFailsForItsSenderWithTheFailureCardUnlessItsSenderAskedForNone() throws Exception {
        String url = connector();
        TeamsAdapter adapter = adapter();
        try (com.adfops.LogCapture log = com.adfops.LogCapture.of(TurnErrorHandler.class)) {
            CompletableFuture<Void> plain = adapter.continueConversation("", reference(url),
                    ctx -> CompletableFuture.failedFuture(new IllegalStateException("a bug")));
            assertThatThrownBy(() -> plain.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("a bug");
            assertThat(bodies).hasSize(1).allMatch(b -> b.contains("AdaptiveCard"));
            // A bug is an operator's ERROR (with the conversation), the user sees the card.
            assertThat(log.errors()).containsExactly("Turn failed in conversation a:conversation-1");
        }

        bodies.clear();
        CompletableFuture<Void> quiet = adapter.continueConversation("", reference(url), ctx -> {
            ctx.getTurnState().add(TurnErrorHandler.NO_FAILURE_CARD, Boolean.TRUE);
            return CompletableFuture.failedFuture(new IllegalStateException("a bug"));
        });
        assertThatThrownBy(() -> quiet.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("a bug");
        assertThat(bodies).isEmpty();
    }

    /**
     * A reply handed over to its conversation's sends and refused on every attempt is logged once (a WARN with the
     * conversation and the status, no stack of ERRORs) and dropped; the conversation's next reply still goes out.
     */
    @Test
    void aReplyRefusedOnEveryAttemptIsLoggedOnceAndDroppedAndTheNextOneGoesOut() throws Exception {
        String url = connector("429", "429", "429", "429", "429");
        TeamsAdapter adapter = adapter();
        ConversationReference ref = reference(url);
        try (TurnProcessor turns = new TurnProcessor(1, 10);
             com.adfops.LogCapture log = com.adfops.LogCapture.of(TurnErrorHandler.class, TurnProcessor.class)) {
            turns.send("a:conversation-1", "the answer", () -> adapter.continueConversation("", ref,
                    ctx -> ctx.sendActivity(MessageFactory.text("first")).thenApply(r -> null)));
            turns.send("a:conversation-1", "the answer", () -> adapter.continueConversation("", ref,
                    ctx -> ctx.sendActivity(MessageFactory.text("second")).thenApply(r -> null))).get(10, TimeUnit.SECONDS);

            assertThat(bodies).hasSize(ConnectorRetry.ATTEMPTS + 1);
            assertThat(bodies.subList(0, ConnectorRetry.ATTEMPTS)).allMatch(b -> b.contains("first"));
            assertThat(bodies.get(ConnectorRetry.ATTEMPTS)).contains("second");
            assertThat(log.atLevel(ch.qos.logback.classic.Level.WARN)).containsExactly(
                    "The Bot Connector did not take a message for conversation a:conversation-1 (HTTP 429); the sender is told");
            assertThat(log.errors()).isEmpty();
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndCappedAtAMinute() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        assertThat(ConnectorRetry.retryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(ConnectorRetry.retryAfter("Sat, 05 Dec 2026 10:00:20 GMT", now)).contains(Duration.ofSeconds(20));
        assertThat(ConnectorRetry.retryAfter("Sat, 05 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(ConnectorRetry.retryAfter("3600", now)).contains(Duration.ofMinutes(1));
        assertThat(ConnectorRetry.retryAfter("soon", now)).isEmpty();
        assertThat(ConnectorRetry.retryAfter(null, now)).isEmpty();
    }
}
