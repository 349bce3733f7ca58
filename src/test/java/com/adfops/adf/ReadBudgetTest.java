package com.adfops.adf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The read budget on a fake clock: sleeping advances the clock, so every figure is exact. */
class ReadBudgetTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final AtomicLong slept = new AtomicLong();

    private ReadBudget budget(double rate, int burst) {
        return new ReadBudget(new ReadBudget.Settings(rate, burst, Duration.ofSeconds(20)), clock::get, nanos -> {
            slept.addAndGet(nanos);
            clock.addAndGet(nanos);
        });
    }

    @Test
    void neverExceedsTheBucketAndItsRefill() {
        ReadBudget b = budget(20, 200);
        long start = clock.get();
        for (int i = 0; i < 1_000; i++) {
            RequestMeter.as(RequestMeter.Purpose.REFRESH, () -> {
                b.acquire(RequestMeter.Purpose.REFRESH, "f");
                return null;
            });
        }
        double seconds = (clock.get() - start) / 1e9;
        // 1,000 reads: the burst less the reserve kept for questions (180) at once, the other 820 at 20/s = 41 s.
        assertThat(seconds).isCloseTo(41.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(1_000).isLessThanOrEqualTo((int) (200 + 20 * seconds) + 1);
        assertThat(b.snapshot().background()).isEqualTo(1_000);
        assertThat(b.snapshot().questions()).isZero();
    }

    @Test
    void backgroundWorkLeavesTheReserveToQuestions() {
        ReadBudget b = budget(1, 10);
        assertThat(b.reserve()).isEqualTo(1);
        for (int i = 0; i < 9; i++) {
            b.acquire(RequestMeter.Purpose.COST, "f");
        }
        assertThat(slept.get()).isZero();
        // The tenth token is the questions': a question takes it at once...
        b.acquire(RequestMeter.Purpose.QUESTION, "f");
        assertThat(slept.get()).isZero();
        // ...and background work now waits for the bucket to refill past the reserve (2 tokens at 1/s).
        b.acquire(RequestMeter.Purpose.REFRESH, "f");
        assertThat(slept.get()).isEqualTo(2_000_000_000L);
    }

    @Test
    void a429HalvesTheRatePausesForRetryAfterAndTheRateComesBack() {
        ReadBudget b = budget(20, 200);
        b.throttled(Duration.ofSeconds(3));
        assertThat(b.snapshot().currentRate()).isEqualTo(10.0);
        assertThat(b.snapshot().throttled()).isEqualTo(1);
        assertThat(b.snapshot().available()).isZero();

        b.acquire(RequestMeter.Purpose.QUESTION, "f");
        // Nothing for 3 s, then one token at the halved rate: 0.1 s.
        assertThat(slept.get()).isEqualTo(3_100_000_000L);

        clock.addAndGet(Duration.ofSeconds(50).toNanos());
        // Five quiet ten-second steps give back half the rate: 10 + 5 x 2 = 20.
        assertThat(b.snapshot().currentRate()).isEqualTo(20.0);
        b.throttled(null);
        b.throttled(null);
        assertThat(b.snapshot().currentRate()).isEqualTo(5.0);
    }

    @Test
    void aQuestionIsRefusedRatherThanLeftWaitingLongerThanAllowed() {
        ReadBudget b = budget(20, 200);
        b.throttled(Duration.ofSeconds(60));
        assertThatThrownBy(() -> b.acquire(RequestMeter.Purpose.QUESTION, "df-sales"))
                .isInstanceOfSatisfying(DataFactoryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DataFactoryException.Kind.THROTTLED);
                    assertThat(e.factory()).isEqualTo("df-sales");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                });
        assertThat(slept.get()).isZero();
        assertThat(b.snapshot().waiting()).isZero();
    }

    @Test
    void backgroundWaitsWhileAQuestionWaits() throws Exception {
        // Real threads, real clock: a question and a refresh both wait on an empty bucket; the question is served first.
        ReadBudget b = new ReadBudget(new ReadBudget.Settings(10, 2, Duration.ofSeconds(20)));
        b.acquire(RequestMeter.Purpose.QUESTION, "f");
        b.acquire(RequestMeter.Purpose.QUESTION, "f");
        java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread background = new Thread(() -> {
            b.acquire(RequestMeter.Purpose.REFRESH, "f");
            order.add("background");
        });
        background.start();
        Thread.sleep(20);
        Thread question = new Thread(() -> {
            b.acquire(RequestMeter.Purpose.QUESTION, "f");
            order.add("question");
        });
        question.start();
        question.join(5_000);
        background.join(5_000);
        assertThat(order).containsExactly("question", "background");
    }

    @Test
    void settingsParse() {
        assertThat(ReadBudget.Settings.parse(null)).isEqualTo(ReadBudget.Settings.DEFAULT);
        assertThat(ReadBudget.Settings.parse("50")).isEqualTo(new ReadBudget.Settings(50, 500, Duration.ofSeconds(20)));
        assertThat(ReadBudget.Settings.parse("10/s, 100")).isEqualTo(new ReadBudget.Settings(10, 100, Duration.ofSeconds(20)));
        assertThat(ReadBudget.Settings.parse("off").enabled()).isFalse();
        assertThatThrownBy(() -> ReadBudget.Settings.parse("fast")).hasMessageContaining("ADFOPS_ADF_READBUDGET");
        assertThatThrownBy(() -> ReadBudget.Settings.parse("-1,5")).hasMessageContaining("RATE,BURST");
    }

    @Test
    void offCountsButNeverWaits() {
        ReadBudget b = new ReadBudget(ReadBudget.Settings.OFF, clock::get, nanos -> {
            throw new AssertionError("must not wait");
        });
        for (int i = 0; i < 10_000; i++) {
            b.acquire(RequestMeter.Purpose.QUESTION, "f");
        }
        assertThat(b.snapshot().questions()).isEqualTo(10_000);
    }
}
