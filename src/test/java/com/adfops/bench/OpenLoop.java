package com.adfops.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The load benchmark's open loop: questions arrive at a fixed rate whatever the answers do. One scheduler thread
 * posts each question at its planned time (asynchronously: it never waits for the bot), spread over {@code convs}
 * personal chats in turn, the closed loop's three questions in rotation. Arrivals are Poisson (exponential gaps,
 * seed 42) or evenly spaced. Latency runs from the planned time (so a late scheduler does not hide a slow bot) to
 * the first answer's arrival at the fake connector, matched by replyToId. Like a client's connection pool, at most
 * {@code maxInFlight} posts are open at once (an unbounded client opens a connection per waiting post: thousands
 * when the bot falls behind, each costing the bot's Tomcat 16 KB of heap). Warm-up questions are not counted; after
 * the last question the generator waits {@code drainS} for the answers still on their way.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    record Sent(String id, String conv, long planned) {
    }

    static void run(double rate, double seconds, double warmup, int convs, String[] questions, boolean poisson,
                    double drainS, int maxInFlight) throws Exception {
        Random random = new Random(42);
        List<Long> plan = new ArrayList<>();
        double total = warmup + seconds;
        double t = 0;
        while (true) {
            t += poisson ? -Math.log(1 - random.nextDouble()) / rate : 1 / rate;
            if (t >= total) {
                break;
            }
            plan.add((long) (t * 1e9));
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        String[] conversations = new String[convs];
        for (int c = 0; c < convs; c++) {
            conversations[c] = "a:open-" + c + "-" + run;
        }
        List<Sent> sent = new ArrayList<>(plan.size());
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CpuWindow cpu = new CpuWindow();
        long t0 = System.nanoTime() + 100_000_000L;
        long measureFrom = t0 + (long) (warmup * 1e9);
        long stopAt = t0 + (long) (total * 1e9);
        // As a client's connection pool: at most maxInFlight posts at once (each an open connection to the bot);
        // later questions wait here in arrival order, their latency counted from their planned time all the same.
        java.util.concurrent.ConcurrentLinkedQueue<HttpRequest> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(maxInFlight);
        Runnable[] drainRef = new Runnable[1];
        drainRef[0] = () -> {
            while (!queued.isEmpty() && slots.tryAcquire()) {
                HttpRequest next = queued.poll();
                if (next == null) {
                    slots.release();
                    return;
                }
                LoadBench.HTTP.sendAsync(next, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    } else if (r.statusCode() != 200) {
                        rejected.incrementAndGet();
                    }
                    slots.release();
                    drainRef[0].run();
                });
            }
        };
        Runnable drain = drainRef[0];
        int maxQueued = 0;
        boolean cpuStarted = false;
        long maxLag = 0;
        for (int i = 0; i < plan.size(); i++) {
            long planned = t0 + plan.get(i);
            if (!cpuStarted && planned >= measureFrom) {
                parkUntil(measureFrom);
                cpu.start();
                cpuStarted = true;
            }
            parkUntil(planned);
            maxLag = Math.max(maxLag, System.nanoTime() - planned);
            String conv = conversations[i % convs];
            String id = UUID.randomUUID().toString();
            sent.add(new Sent(id, conv, planned));
            LoadBench.FIRST.computeIfAbsent(id, k -> new java.util.concurrent.CompletableFuture<>());
            queued.add(HttpRequest.newBuilder(URI.create(LoadBench.bot))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(LoadBench.message(conv, questions[i % questions.length], id)))
                    .build());
            maxQueued = Math.max(maxQueued, queued.size());
            drain.run();
        }
        parkUntil(stopAt);
        cpu.end();
        long answersInWindow = LoadBench.FIRST.values().stream().filter(f -> f.isDone())
                .mapToLong(f -> f.getNow(-1L)).filter(x -> x >= measureFrom && x < stopAt).count();
        long deadline = System.currentTimeMillis() + (long) (drainS * 1000);
        List<Sent> measured = new ArrayList<>();
        for (Sent s : sent) {
            if (s.planned() >= measureFrom) {
                measured.add(s);
                LoadBench.awaitAnswer(s.id(), Math.max(1, deadline - System.currentTimeMillis()));
            }
        }
        report(rate, seconds, warmup, convs, poisson, sent, measured, answersInWindow, rejected.get(), failed.get(),
                maxLag, cpu);
        System.out.printf("open loop: at most %d posts in flight; most questions waiting for one: %d%n", maxInFlight,
                maxQueued);
    }

    private static void report(double rate, double seconds, double warmup, int convs, boolean poisson, List<Sent> sent,
                               List<Sent> measured, long answersInWindow, int rejected, int failed, long maxLag,
                               CpuWindow cpu) {
        int lost = 0;
        int dup = 0;
        int busy = 0;
        List<Double> lat = new ArrayList<>();
        for (Sent s : measured) {
            // "Working on it" (kind 2) is a first reply, not an answer.
            List<long[]> got = LoadBench.ANSWERS.getOrDefault(s.id(), List.of()).stream().filter(x -> x[1] != 2).toList();
            if (got.isEmpty()) {
                lost++;
                continue;
            }
            dup += got.size() > 1 ? 1 : 0;
            busy += got.stream().anyMatch(x -> x[1] == 1) ? 1 : 0;
            lat.add((got.stream().mapToLong(x -> x[0]).min().getAsLong() - s.planned()) / 1e6);
        }
        // Out of order: within a conversation, an answer arriving before the answer of a question asked earlier.
        Map<String, Map<String, Integer>> position = new HashMap<>();
        for (Sent s : sent) {
            Map<String, Integer> p = position.computeIfAbsent(s.conv(), k -> new HashMap<>());
            p.put(s.id(), p.size());
        }
        int outOfOrder = 0;
        for (Map.Entry<String, Map<String, Integer>> e : position.entrySet()) {
            List<String> arrivals;
            synchronized (LoadBench.ARRIVAL.getOrDefault(e.getKey(), List.of())) {
                arrivals = new ArrayList<>(LoadBench.ARRIVAL.getOrDefault(e.getKey(), List.of()));
            }
            Set<String> seen = new HashSet<>();
            int last = -1;
            for (String id : arrivals) {
                Integer at = e.getValue().get(id);
                if (at == null || !seen.add(id)) {
                    continue;
                }
                if (at < last) {
                    outOfOrder++;
                }
                last = Math.max(last, at);
            }
        }
        Collections.sort(lat);
        System.out.printf("open loop: %s arrivals at %.0f questions/s over %d conversations, %.0f s measured after %.0f s "
                + "warm-up: %d questions (%.1f/s offered), %.1f answers/s in the window; latency p50 %.0f ms, p90 %.0f ms, "
                + "p99 %.0f ms, max %.0f ms; %d lost, %d duplicated, %d out of order, %d busy, %d refused by the bot, "
                + "%d failed to post; scheduler's largest lag %.1f ms%n", poisson ? "Poisson" : "evenly spaced", rate,
                convs, seconds, warmup, measured.size(), measured.size() / seconds, answersInWindow / seconds,
                LoadBench.pct(lat, 0.5), LoadBench.pct(lat, 0.9), LoadBench.pct(lat, 0.99),
                lat.isEmpty() ? Double.NaN : lat.get(lat.size() - 1), lost, dup, outOfOrder, busy, rejected, failed,
                maxLag / 1e6);
        String c = cpu.report(answersInWindow);
        if (!c.isEmpty()) {
            System.out.println("open loop: " + c);
        }
    }

    private static void parkUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
