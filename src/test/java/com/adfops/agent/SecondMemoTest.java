package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Worked out once per second and memory version; again in a new second, after a refresh, or when nothing is held; an
 * answer being worked out does not hold up those who ask meanwhile when one at most two seconds old is at hand.
 */
class SecondMemoTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void onceASecondAndVersionNeverAcrossThemAndNeverWithoutAMemory() {
        SecondMemo<String, String> memo = new SecondMemo<>(2);
        AtomicInteger work = new AtomicInteger();
        java.util.function.Supplier<String> worked = () -> "answer " + work.incrementAndGet();

        assertThat(memo.get("failing", NOW, 7, worked)).isEqualTo("answer 1");
        assertThat(memo.get("failing", NOW, 7, worked)).as("same second, same memory").isEqualTo("answer 1");
        assertThat(memo.get("status", NOW, 7, worked)).as("another question").isEqualTo("answer 2");
        assertThat(memo.get("failing", NOW, 8, worked)).as("the memory was refreshed").isEqualTo("answer 3");
        assertThat(memo.get("failing", NOW.plusSeconds(1), 8, worked)).as("the next second").isEqualTo("answer 4");
        assertThat(memo.get("failing", NOW.plusSeconds(1), -1, worked)).as("read directly").isEqualTo("answer 5");
        assertThat(memo.get("failing", NOW.plusSeconds(1), -1, worked)).as("read directly again").isEqualTo("answer 6");

        // At most two kept per second: a third question is worked out each time.
        memo.get("a", NOW.plusSeconds(2), 8, worked);
        memo.get("b", NOW.plusSeconds(2), 8, worked);
        String c = memo.get("c", NOW.plusSeconds(2), 8, worked);
        assertThat(memo.get("c", NOW.plusSeconds(2), 8, worked)).isNotEqualTo(c);
        assertThat(memo.get("a", NOW.plusSeconds(2), 8, worked)).isEqualTo("answer 7");
    }

    @Test
    void whoAsksWhileItIsWorkedOutWaitsForItAndAFailureIsNotShared() throws Exception {
        SecondMemo<String, String> memo = new SecondMemo<>(8);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger work = new AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Future<String> first = pool.submit(() -> memo.get("failing", NOW, 1, () -> {
                started.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "answer " + work.incrementAndGet();
            }));
            started.await();
            java.util.List<java.util.concurrent.Future<String>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> memo.get("failing", NOW, 1, () -> "answer " + work.incrementAndGet())));
            }
            finish.countDown();
            assertThat(first.get()).isEqualTo("answer 1");
            for (java.util.concurrent.Future<String> o : others) {
                assertThat(o.get()).isEqualTo("answer 1");
            }
            assertThat(work.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        // A failure is thrown to who worked it out, and the next asker works it out again.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> memo.get("status", NOW, 1, () -> {
            throw new IllegalStateException("Data Factory is unavailable");
        })).hasMessageContaining("unavailable");
        assertThat(memo.get("status", NOW, 1, () -> "status now")).isEqualTo("status now");
    }

    @Test
    void answersGiveTheLatestAnswerWhileANewOneIsWorkedOutWhenItIsAtMostTwoSecondsOld() throws Exception {
        SecondMemo<String, String> memo = SecondMemo.answers(8);
        assertThat(memo.get("failing", NOW, 1, () -> "answer at 12:00:00")).isEqualTo("answer at 12:00:00");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            // A second later, after a refresh: the new answer is held up (reading a new failure's activity runs).
            Held first = new Held(pool, w -> memo.get("failing", NOW.plusSeconds(1), 2, w), "answer at 12:00:01");
            assertThat(memo.get("failing", NOW.plusSeconds(1), 2, () -> "worked out again"))
                    .as("asked meanwhile: the latest answer, at once").isEqualTo("answer at 12:00:00");
            assertThat(pool.submit(() -> memo.get("status", NOW.plusSeconds(1), 2, () -> "status at 12:00:01")).get())
                    .as("another key works itself out").isEqualTo("status at 12:00:01");
            assertThat(first.finish()).isEqualTo("answer at 12:00:01");
            assertThat(memo.get("failing", NOW.plusSeconds(1), 2, () -> "worked out again"))
                    .as("once worked out, everybody gets it").isEqualTo("answer at 12:00:01");

            // Three seconds later the latest is too old: who asks waits for the new one.
            Held slow = new Held(pool, w -> memo.get("failing", NOW.plusSeconds(4), 2, w), "answer at 12:00:04");
            java.util.concurrent.Future<String> waiting = pool.submit(() -> memo.get("failing", NOW.plusSeconds(4), 2,
                    () -> "worked out again"));
            Thread.sleep(100);
            assertThat(waiting).as("waits rather than get an answer 3 s old").isNotDone();
            assertThat(slow.finish()).isEqualTo("answer at 12:00:04");
            assertThat(waiting.get()).isEqualTo("answer at 12:00:04");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLatestAnswerIsTheLatestToTheSameQuestionWhoseWindowMovesWithTheSecond() throws Exception {
        SecondMemo<com.adfops.runs.TimeWindow, String> memo = SecondMemo.answers(8);
        com.adfops.runs.TimeWindow at0 = com.adfops.runs.TimeWindowParser.parse("last 24 hours", NOW, java.time.ZoneOffset.UTC);
        com.adfops.runs.TimeWindow at1 = com.adfops.runs.TimeWindowParser.parse("last 24 hours", NOW.plusSeconds(1),
                java.time.ZoneOffset.UTC);
        assertThat(at1).isNotEqualTo(at0);
        assertThat(at1.relativeTo(NOW.plusSeconds(1))).isEqualTo(at0.relativeTo(NOW));
        com.adfops.runs.TimeWindow week = com.adfops.runs.TimeWindowParser.parse("last 7 days", NOW.plusSeconds(1),
                java.time.ZoneOffset.UTC);
        assertThat(week.relativeTo(NOW.plusSeconds(1))).isNotEqualTo(at0.relativeTo(NOW));

        memo.get(at0, at0.relativeTo(NOW), NOW, 1, () -> "failing at 12:00:00");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            Held first = new Held(pool, w -> memo.get(at1, at1.relativeTo(NOW.plusSeconds(1)), NOW.plusSeconds(1), 2, w),
                    "failing at 12:00:01");
            assertThat(memo.get(at1, at1.relativeTo(NOW.plusSeconds(1)), NOW.plusSeconds(1), 2, () -> "again"))
                    .as("the last 24 hours a second later: the same question").isEqualTo("failing at 12:00:00");
            assertThat(first.finish()).isEqualTo("failing at 12:00:01");
        } finally {
            pool.shutdownNow();
        }
    }

    /** A working-out started on {@code pool} and held there (a Data Factory read) until {@link #finish()}. */
    private static final class Held {
        private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.Future<String> result;

        /** Asks through {@code ask} (given the held working-out) and returns once the working-out has started. */
        Held(java.util.concurrent.ExecutorService pool,
             java.util.function.Function<java.util.function.Supplier<String>, String> ask, String answer)
                throws InterruptedException {
            result = pool.submit(() -> ask.apply(() -> {
                started.countDown();
                await(release);
                return answer;
            }));
            started.await();
        }

        /** Lets the working-out end; what its asker got. */
        String finish() throws Exception {
            release.countDown();
            return result.get();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
