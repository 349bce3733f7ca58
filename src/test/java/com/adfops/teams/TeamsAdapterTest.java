package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.builder.MessageFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The connector transport: many replies to the one Bot Connector host are in flight at once (botbuilder's OkHttp
 * default is 5 per host), still authenticated with the adapter's credentials, over TCP_NODELAY sockets.
 */
class TeamsAdapterTest {

    private static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    private static final int REPLIES = 12;

    private HttpServer connector;
    private final CountDownLatch allArrived = new CountDownLatch(REPLIES);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
    private final List<String> paths = new ArrayList<>();

    @BeforeEach
    void startConnector() throws Exception {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        connector.setExecutor(Executors.newFixedThreadPool(REPLIES + 4));
        connector.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            synchronized (paths) {
                paths.add(ex.getRequestURI().getPath());
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allArrived.countDown();
            try {
                // Holds every reply until all are in flight: a transport that allows fewer never gets there.
                allArrived.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] out = "{\"id\":\"reply\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        connector.start();
    }

    @AfterEach
    void stopConnector() {
        connector.stop(0);
    }

    private String serviceUrl() {
        return "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
    }

    private static TeamsAdapter adapter(int maxRequests) {
        TokenCredential identity = ctx -> Mono.just(new AccessToken("token-from-identity",
                OffsetDateTime.now().plusHours(1)));
        return new TeamsAdapter(new ManagedIdentityAppCredentials(APP_ID, "tenant-1", identity),
                new SimpleChannelProvider(), maxRequests);
    }

    private ConversationReference reference(int n) {
        ConversationReference ref = new ConversationReference();
        ref.setServiceUrl(serviceUrl());
        ref.setChannelId("msteams");
        ref.setConversation(new ConversationAccount("a:conversation-" + n));
        ref.setBot(new ChannelAccount(APP_ID, "bot"));
        ref.setUser(new ChannelAccount("user-" + n, "User"));
        return ref;
    }

    @Test
    void repliesOfManyConversationsAreInFlightAtOnceAndAuthenticated() {
        TeamsAdapter adapter = adapter(64);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int n = 0; n < REPLIES; n++) {
            int i = n;
            sends.add(adapter.continueConversation(APP_ID, reference(i),
                    ctx -> ctx.sendActivity(MessageFactory.text("answer " + i)).thenApply(r -> null)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(allArrived.getCount()).as("replies that never got in flight together").isZero();
        assertThat(mostInFlight.get()).isEqualTo(REPLIES);
        assertThat(authorizations).containsExactly("Bearer token-from-identity");
        assertThat(paths).hasSize(REPLIES).allMatch(p -> p.matches("/v3/conversations/a:conversation-\\d+/activities/.+"));
    }

    @Test
    void theLimitIsTheSettingAndSocketsDoNotDelaySmallWrites() throws Exception {
        TeamsAdapter adapter = adapter(3);
        ConnectorClient client = adapter.getOrCreateConnectorClient(serviceUrl(), null).join();
        assertThat(adapter.getOrCreateConnectorClient(serviceUrl(), null).join()).isSameAs(client);
        assertThat(client.baseUrl()).isEqualTo(serviceUrl());
        okhttp3.OkHttpClient http = ((RestConnectorClient) client).getRestClient().httpClient();
        assertThat(http.dispatcher().getMaxRequestsPerHost()).isEqualTo(3);
        assertThat(http.dispatcher().getMaxRequests()).isEqualTo(3);
        try (Socket socket = http.socketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
