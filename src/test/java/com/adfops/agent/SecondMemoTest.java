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
}
