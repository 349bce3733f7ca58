package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Worked out once per second and memory version; again in a new second, after a refresh, or when nothing is held. */
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
}
