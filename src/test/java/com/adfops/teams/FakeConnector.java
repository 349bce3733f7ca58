package com.adfops.teams;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local Bot Connector: the {@code serviceUrl} the test activities point at. Records every activity the bot
 * sends ({@code POST /v3/conversations/{id}/activities[/{replyToId}]}) with the conversation it was sent to.
 */
final class FakeConnector implements AutoCloseable {

    record Sent(String method, String path, String conversationId, JsonNode activity) {
        String type() {
            return activity.path("type").asText();
        }

        JsonNode card() {
            return activity.path("attachments").path(0).path("content");
        }

        String text() {
            return activity.path("text").asText();
        }
    }

    private final HttpServer server;
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int refuseFirst;
    private final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicInteger refusals = new AtomicInteger();
    private final java.util.Map<String, java.util.concurrent.CountDownLatch> throttled =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> throttledOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Requests of a throttled conversation waiting at the connector now. */
    final AtomicInteger holding = new AtomicInteger();
    /** 429 answers given to throttled conversations. */
    final AtomicInteger throttledAnswers = new AtomicInteger();
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-connector");
        t.setDaemon(true);
        return t;
    });

    /**
     * From now on the connector is slow and throttling for {@code conversationId}: its requests wait until the returned
     * latch is released (at most a minute), then the first attempt of each distinct request is answered 429 with
     * {@code Retry-After: 1}, and its retry goes through. Other conversations are served meanwhile.
     */
    java.util.concurrent.CountDownLatch throttle(String conversationId) {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        throttled.put(conversationId, gate);
        return gate;
    }

    /** From now on, the first attempt of each distinct request gets {@code status} (0: none is refused). */
    void refuseFirstAttempts(int status) {
        refused.clear();
        refusals.set(0);
        refuseFirst = status;
    }

    FakeConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            if (throttledNow(ex, path, body)) {
                return;
            }
            if (refuseFirst != 0 && refused.add(ex.getRequestMethod() + path + new String(body, StandardCharsets.UTF_8))) {
                // Teams' "not now": the first attempt of every request is refused, a retry of it goes through.
                refusals.incrementAndGet();
                ex.getResponseHeaders().set("Retry-After", "0");
                ex.sendResponseHeaders(refuseFirst, -1);
                ex.close();
                return;
            }
            String[] parts = path.split("/");
            // /v3/conversations/{id}/activities[/{replyTo}]
            String conv = parts.length > 3 ? java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : "";
            JsonNode node = body.length == 0 ? TestSim.JSON.createObjectNode() : TestSim.JSON.readTree(body);
            synchronized (sent) {
                sent.add(new Sent(ex.getRequestMethod(), path, conv, node));
                sent.notifyAll();
            }
            int n = ids.incrementAndGet();
            String channel = node.path("channelData").path("channel").path("id").asText("");
            // A new channel post answers as Teams does: the thread's conversation id and the root message's id.
            byte[] resp = (path.equals("/v3/conversations") && !channel.isEmpty()
                    ? "{\"id\":\"" + channel + ";messageid=" + (1000 + n) + "\",\"activityId\":\"" + (1000 + n) + "\"}"
                    : "{\"id\":\"sent-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, resp.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(resp);
            }
        });
        // Requests are served in parallel, so one conversation's slow requests do not hold up another's.
        server.setExecutor(handlers);
        server.start();
    }

    /** Holds and refuses a request of a throttled conversation; true when it was answered here. */
    private boolean throttledNow(com.sun.net.httpserver.HttpExchange ex, String path, byte[] body) throws IOException {
        String[] parts = path.split("/");
        String conv = parts.length > 3 ? java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : "";
        java.util.concurrent.CountDownLatch gate = throttled.get(conv);
        if (gate == null || !throttledOnce.add(ex.getRequestMethod() + path + new String(body, StandardCharsets.UTF_8))) {
            return false;
        }
        holding.incrementAndGet();
        try {
            gate.await(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding.decrementAndGet();
        }
        throttledAnswers.incrementAndGet();
        ex.getResponseHeaders().set("Retry-After", "1");
        ex.sendResponseHeaders(429, -1);
        ex.close();
        return true;
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /**
     * Waits (at most {@code max}) until nothing new has arrived for {@code idle}: a class's last answers (a late typing
     * indicator, a follow-up) are taken before the connector closes, instead of meeting a closed port.
     */
    void awaitQuiet(Duration idle, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        int seen = -1;
        while (Instant.now().isBefore(deadline)) {
            int now;
            synchronized (sent) {
                now = sent.size();
            }
            if (now == seen) {
                return;
            }
            seen = now;
            Thread.sleep(idle.toMillis());
        }
    }

    void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }

    /** Waits (bounded) until an activity matching {@code p} has been sent, and returns it. */
    Sent await(Predicate<Sent> p, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (sent) {
            while (true) {
                for (Sent s : sent) {
                    if (p.test(s)) {
                        return s;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("no matching activity within " + timeout + "; sent: " + sent);
                }
                sent.wait(left);
            }
        }
    }

    @Override
    public void close() {
        throttled.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        server.stop(0);
        handlers.shutdownNow();
    }
}
