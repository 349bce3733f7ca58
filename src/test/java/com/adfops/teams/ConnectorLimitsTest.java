package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Teams' per-conversation message limits, with a simulated clock (no real waiting). */
class ConnectorLimitsTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    final List<Long> slept = new ArrayList<>();
    final ConnectorLimits limits = new ConnectorLimits(nanos::get, ms -> {
        slept.add(ms);
        nanos.addAndGet(ms * 1_000_000L);
    });

    @Test
    void atMostSevenMessagesASecondAndSixtyInThirtySecondsPerConversation() throws Exception {
        for (int i = 0; i < 7; i++) {
            limits.acquire("c1");
        }
        assertThat(slept).isEmpty();
        limits.acquire("c1");
        assertThat(slept).hasSize(1);
        assertThat(slept.get(0)).isBetween(900L, 1000L);
        // Another conversation has its own budget.
        limits.acquire("c2");
        assertThat(slept).hasSize(1);

        ConnectorLimits burst = new ConnectorLimits(nanos::get, ms -> {
            slept.add(ms);
            nanos.addAndGet(ms * 1_000_000L);
        });
        long start = nanos.get();
        for (int i = 0; i < 61; i++) {
            burst.acquire("thread");
        }
        // 61 messages cannot go out within 30 s.
        assertThat(nanos.get() - start).isGreaterThanOrEqualTo(30_000_000_000L - 1_000_000_000L);
    }
}
