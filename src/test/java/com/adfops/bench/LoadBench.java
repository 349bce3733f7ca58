package com.adfops.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Load benchmark of a running bot (not a test; loopback only), with a fake Bot Connector that records every reply.
 * Run: {@code bench/load.sh}. Arguments: BOT_URL USERS SECONDS WARMUP BURST_CONVS BURST_MSGS FAILING BUSY [THINK_MS];
 * or BOT_URL open RATE SECONDS WARMUP CONVS FAILING BUSY ARRIVALS DRAIN_S [MAX_IN_FLIGHT] for the open loop ({@link OpenLoop}); or
 * BOT_URL heavy ... (issue 21's scenario). With {@code BOT_PID} set, the bot's CPU per answer over the measured window
 * is reported too ({@link CpuWindow}).
 *
 * <p>Closed loop: N users, each in its own personal chat, ask, wait for the answer (and THINK_MS, default 0), ask
 * again (questions rotate: the failing list, why a failing pipeline failed, a busy pipeline's status). Burst: C
 * conversations post M messages each at once. Answers are matched to questions by their replyToId: none = lost, more than one = duplicated, an answer
 * arriving before an earlier question's answer in the same conversation = out of order; "busy" replies are counted.
 */
public final class LoadBench {

    static final ObjectMapper JSON = new ObjectMapper();
    /** question id -> arrival times of its answers (and whether each was the busy reply). */
    static final Map<String, List<long[]>> ANSWERS = new ConcurrentHashMap<>();
    /** conversation -> question ids in the order their answers arrived. */
    static final Map<String, List<String>> ARRIVAL = new ConcurrentHashMap<>();
    /** question id -> arrival time of its first answer. */
    static final Map<String, CompletableFuture<Long>> FIRST = new ConcurrentHashMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();
    static String service;
    static String bot;

    public static void main(String[] a) throws Exception {
        bot = a[0];
        if ("heavy".equals(a[1])) {
            HttpServer connector = startConnector();
            try {
                heavy(Integer.parseInt(a[2]), a[3], Long.parseLong(a[4]), Double.parseDouble(a[5]));
            } finally {
                connector.stop(0);
                System.exit(0);
            }
        }
        if ("open".equals(a[1])) {
            // open RATE SECONDS WARMUP CONVS FAILING BUSY ARRIVALS(poisson|even) DRAIN_S [MAX_IN_FLIGHT]
            HttpServer connector = startConnector();
            try {
                OpenLoop.run(Double.parseDouble(a[2]), Double.parseDouble(a[3]), Double.parseDouble(a[4]),
                        Integer.parseInt(a[5]), questions(a[6], a[7]), !"even".equals(a[8]), Double.parseDouble(a[9]),
                        a.length > 10 ? Integer.parseInt(a[10]) : 64);
            } finally {
                connector.stop(0);
                System.exit(0);
            }
        }
        int users = Integer.parseInt(a[1]);
        double seconds = Double.parseDouble(a[2]);
        double warmup = Double.parseDouble(a[3]);
        int burstConvs = Integer.parseInt(a[4]);
        int burstMsgs = Integer.parseInt(a[5]);
        String[] questions = questions(a[6], a[7]);
        long thinkMs = a.length > 8 ? Long.parseLong(a[8]) : 0;
        HttpServer connector = startConnector();
        try {
            if (users > 0) {
                closedLoop(users, seconds, warmup, questions, thinkMs);
            }
            if (burstConvs > 0) {
                burst(burstConvs, burstMsgs, questions);
            }
        } finally {
            connector.stop(0);
            System.exit(0);
        }
    }

    /** The question mix of both loops: the failing list, why a failing pipeline failed, a busy pipeline's status. */
    static String[] questions(String failing, String busy) {
        return new String[] {"what pipelines are failing?", "why did " + failing + " fail?", "status of " + busy};
    }

    /** Starts the fake Bot Connector on loopback, recording every reply; sets {@link #service}. */
    static HttpServer startConnector() throws IOException {
        // Small responses without TCP_NODELAY wait ~40 ms for delayed ACKs: the fake connector must not add that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        connector.setExecutor(Executors.newFixedThreadPool(16));
        connector.createContext("/", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            String[] parts = ex.getRequestURI().getRawPath().split("/");
            String[] typeAndText = typeAndText(body);
            if (parts.length > 5 && "message".equals(typeAndText[0])) {
                String conv = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
                String replyTo = URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
                boolean busy = typeAndText[1] != null && typeAndText[1].contains("busy");
                boolean working = typeAndText[1] != null && typeAndText[1].startsWith("Working on it");
                ANSWERS.computeIfAbsent(replyTo, k -> new CopyOnWriteArrayList<>())
                        .add(new long[] {now, busy ? 1 : working ? 2 : 0});
                ARRIVAL.computeIfAbsent(conv, k -> Collections.synchronizedList(new ArrayList<>())).add(replyTo);
                FIRST.computeIfAbsent(replyTo, k -> new CompletableFuture<>()).complete(now);
            }
            byte[] out = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        connector.start();
        service = "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
        return connector;
    }

    /**
     * Issue 21's scenario: {@code heavyUsers} users each ask {@code question} (an expensive one: the cost of the week)
     * at once, while one more user asks "help" again and again ({@code helpPauseMs} after each answer) until every
     * expensive question has its answer (or {@code timeoutS} passed). Reports help's latency while they run and when
     * each expensive question got its first reply and its answer ("Working on it" is a first reply, not an answer;
     * "busy" is an answer).
     */
    static void heavy(int heavyUsers, String question, long helpPauseMs, double timeoutS) throws Exception {
        for (int i = 0; i < 20; i++) {
            awaitAnswer(post("a:warm-help", "help"), 30_000);
        }
        long t0 = System.nanoTime();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<Thread> askers = new ArrayList<>();
        for (int u = 0; u < heavyUsers; u++) {
            int user = u;
            Thread t = new Thread(() -> {
                try {
                    ids.add(post("a:heavy-" + user + "-" + UUID.randomUUID().toString().substring(0, 6), question));
                } catch (Exception e) {
                    System.err.println("heavy user " + user + ": " + e);
                }
            });
            t.start();
            askers.add(t);
        }
        for (Thread t : askers) {
            t.join();
        }
        long stopAt = t0 + (long) (timeoutS * 1e9);
        List<Double> help = new ArrayList<>();
        int unanswered = 0;
        while (System.nanoTime() < stopAt && !allAnswered(ids)) {
            long h0 = System.nanoTime();
            long h1 = awaitAnswer(post("a:helper", "help"), Math.max(1, (stopAt - h0) / 1_000_000));
            if (h1 < 0) {
                unanswered++;
                break;
            }
            help.add((h1 - h0) / 1e6);
            Thread.sleep(helpPauseMs);
        }
        List<Double> firsts = new ArrayList<>();
        List<Double> answers = new ArrayList<>();
        int busy = 0;
        for (String id : ids) {
            List<long[]> got = ANSWERS.getOrDefault(id, List.of());
            got.stream().mapToLong(x -> x[0]).min().ifPresent(t -> firsts.add((t - t0) / 1e9));
            got.stream().filter(x -> x[1] != 2).mapToLong(x -> x[0]).min().ifPresent(t -> answers.add((t - t0) / 1e9));
            busy += got.stream().anyMatch(x -> x[1] == 1) ? 1 : 0;
        }
        Collections.sort(firsts);
        Collections.sort(answers);
        List<Double> h = new ArrayList<>(help);
        Collections.sort(h);
        System.out.printf("heavy: %d x \"%s\" at once; help asked %d times while they ran (%d unanswered within the "
                + "%.0f s): median %.0f ms, p95 %.0f ms, max %.0f ms%n", heavyUsers, question, h.size(), unanswered,
                timeoutS, pct(h, 0.5), pct(h, 0.95), h.isEmpty() ? Double.NaN : h.get(h.size() - 1));
        System.out.printf("heavy: first replies after %s s; answers (%d of %d, %d busy) after %s s%n", seconds(firsts),
                answers.size(), ids.size(), busy, seconds(answers));
    }

    private static boolean allAnswered(List<String> ids) {
        return ids.stream().allMatch(id -> ANSWERS.getOrDefault(id, List.of()).stream().anyMatch(x -> x[1] != 2));
    }

    private static String seconds(List<Double> s) {
        return s.stream().map(x -> String.format("%.1f", x)).collect(java.util.stream.Collectors.joining(", "));
    }

    static String post(String conv, String text) throws IOException, InterruptedException {
        String id = UUID.randomUUID().toString();
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(bot)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(message(conv, text, id))).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IOException("bot answered " + r.statusCode());
        }
        return id;
    }

    /** A personal-chat message as Teams sends it. */
    static String message(String conv, String text, String id) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "message").put("id", id).put("timestamp", "2026-11-26T10:26:57.520Z").put("serviceUrl", service)
                .put("channelId", "msteams").put("text", text);
        m.putObject("from").put("id", "u-" + conv).put("name", "Bench");
        m.putObject("recipient").put("id", "bot");
        // As Teams sends them: the tenant on the conversation and in channelData.
        m.putObject("conversation").put("id", conv).put("conversationType", "personal")
                .put("tenantId", "00000000-0000-0000-0000-0000000000b1");
        m.putObject("channelData").putObject("tenant").put("id", "00000000-0000-0000-0000-0000000000b1");
        return m.toString();
    }

    static long awaitAnswer(String id, long timeoutMs) throws InterruptedException {
        try {
            return FIRST.computeIfAbsent(id, k -> new CompletableFuture<>()).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        }
    }

    /**
     * The activity's top-level {@code type} and {@code text}, read without building the card's tree (the generator
     * shares the machine's cores with the bot, so it reads only what it counts).
     */
    static String[] typeAndText(byte[] body) throws IOException {
        String[] out = new String[2];
        try (JsonParser p = JSON.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && ("type".equals(name) || "text".equals(name))) {
                    out["type".equals(name) ? 0 : 1] = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    static void closedLoop(int users, double seconds, double warmup, String[] questions, long thinkMs) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long stopAt = measureFrom + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(users);
        CpuWindow cpu = new CpuWindow();
        java.util.concurrent.ScheduledExecutorService marks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r);
            th.setDaemon(true);
            return th;
        });
        marks.schedule(cpu::start, measureFrom - System.nanoTime(), TimeUnit.NANOSECONDS);
        marks.schedule(cpu::end, stopAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread t = new Thread(() -> {
                String conv = "a:load-" + user + "-" + UUID.randomUUID().toString().substring(0, 6);
                int k = user;
                try {
                    while (System.nanoTime() < stopAt) {
                        long t0 = System.nanoTime();
                        String id = post(conv, questions[k++ % questions.length]);
                        long t1 = awaitAnswer(id, 120_000);
                        if (t1 > 0 && t0 >= measureFrom && t1 <= stopAt) {
                            latencies.add((t1 - t0) / 1e6);
                        }
                        if (thinkMs > 0) {
                            Thread.sleep(thinkMs);
                        }
                    }
                } catch (Exception e) {
                    System.err.println("user " + user + ": " + e);
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await(10, TimeUnit.MINUTES);
        List<Double> l = new ArrayList<>(latencies);
        Collections.sort(l);
        System.out.printf("closed loop: %d users, %d ms think time, %.0f s measured after %.0f s warm-up: %d turns, "
                + "%.0f turns/s, median %.0f ms, p90 %.0f ms, p99 %.0f ms%n", users, thinkMs, seconds, warmup, l.size(),
                l.size() / seconds,
                pct(l, 0.5), pct(l, 0.9), pct(l, 0.99));
        System.out.printf("closed loop: max %.0f ms%n", l.isEmpty() ? Double.NaN : l.get(l.size() - 1));
        String c = cpu.report(l.size());
        if (!c.isEmpty()) {
            System.out.println("closed loop: " + c);
        }
    }

    static void burst(int convs, int msgs, String[] questions) throws Exception {
        Map<String, List<String>> sent = new ConcurrentHashMap<>();
        CyclicBarrier barrier = new CyclicBarrier(convs);
        CountDownLatch posted = new CountDownLatch(convs);
        long t0 = System.nanoTime();
        for (int c = 0; c < convs; c++) {
            int n = c;
            Thread t = new Thread(() -> {
                String conv = "a:burst-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
                List<String> ids = new ArrayList<>();
                try {
                    barrier.await();
                    for (int m = 0; m < msgs; m++) {
                        ids.add(post(conv, questions[(n + m) % questions.length]));
                    }
                } catch (Exception e) {
                    System.err.println("conversation " + n + ": " + e);
                } finally {
                    sent.put(conv, ids);
                    posted.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        posted.await(10, TimeUnit.MINUTES);
        List<String> all = new ArrayList<>();
        sent.values().forEach(all::addAll);
        long deadline = System.currentTimeMillis() + 300_000;
        for (String id : all) {
            awaitAnswer(id, Math.max(1, deadline - System.currentTimeMillis()));
        }
        int lost = 0;
        int dup = 0;
        int busy = 0;
        int outOfOrder = 0;
        List<Double> lat = new ArrayList<>();
        for (String id : all) {
            List<long[]> got = ANSWERS.get(id);
            if (got == null) {
                lost++;
                continue;
            }
            dup += got.size() > 1 ? 1 : 0;
            busy += got.stream().anyMatch(x -> x[1] == 1) ? 1 : 0;
            lat.add((got.get(0)[0] - t0) / 1e6);
        }
        for (Map.Entry<String, List<String>> e : sent.entrySet()) {
            List<String> order = new ArrayList<>(new LinkedHashMap<String, Boolean>() {
                {
                    for (String q : ARRIVAL.getOrDefault(e.getKey(), List.of())) {
                        if (e.getValue().contains(q)) {
                            putIfAbsent(q, true);
                        }
                    }
                }
            }.keySet());
            for (int i = 1; i < order.size(); i++) {
                if (e.getValue().indexOf(order.get(i - 1)) > e.getValue().indexOf(order.get(i))) {
                    outOfOrder++;
                }
            }
        }
        Collections.sort(lat);
        System.out.printf("burst: %d conversations x %d messages = %d turns: %d lost, %d duplicated, %d out of order, "
                + "%d busy; all answered after %.1f s (p50 %.0f ms, p99 %.0f ms from the burst's start)%n", convs, msgs,
                all.size(), lost, dup, outOfOrder, busy, lat.isEmpty() ? Double.NaN : lat.get(lat.size() - 1) / 1000,
                pct(lat, 0.5), pct(lat, 0.99));
    }

    static double pct(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.round(q * (sorted.size() - 1))));
    }
}
