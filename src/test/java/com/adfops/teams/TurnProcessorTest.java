package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Turns of one conversation run in order; the "busy" reply of a full queue never overtakes earlier answers; expensive
 * work runs on its own bounded pool, with a deadline, without holding up anybody's turns.
 */
class TurnProcessorTest {

    @Test
    void aBusyReplyWaitsForTheConversationsEarlierTurns() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        try (TurnProcessor turns = new TurnProcessor(2, 2)) {
            turns.submit("conv-a", () -> {
                await(release);
                done.add("a1");
            });
            turns.submit("conv-a", () -> done.add("a2"));
            assertThatThrownBy(() -> turns.submit("conv-a", () -> done.add("a3")))
                    .isInstanceOf(RejectedExecutionException.class);
            turns.overflow("conv-a", () -> {
                done.add("a3-busy");
                finished.countDown();
            });
            assertThat(done).isEmpty();
            release.countDown();
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(done).containsExactly("a1", "a2", "a3-busy");
            // The overflow reply did not use up a slot: new turns are accepted again.
            CountDownLatch more = new CountDownLatch(1);
            turns.submit("conv-a", more::countDown);
            assertThat(more.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void heavyWorkHoldsUpNeitherItsConversationNorOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(3);
        List<String> done = new CopyOnWriteArrayList<>();
        try (TurnProcessor turns = new TurnProcessor(2, 100, 2, 1, Duration.ofMinutes(5))) {
            for (int i = 1; i <= 3; i++) {
                int n = i;
                turns.submit("conv-" + n, () -> turns.heavy("conv-" + n, () -> {
                    await(release);
                    return "heavy-" + n;
                }, (result, error) -> {
                    done.add(result);
                    delivered.countDown();
                }));
            }
            // Two heavy threads busy, one waiting: the conversations' later turns and everybody else's still run.
            CountDownLatch light = new CountDownLatch(2);
            turns.submit("conv-1", light::countDown);
            turns.submit("conv-other", light::countDown);
            assertThat(light.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(done).isEmpty();
            release.countDown();
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(done).containsExactlyInAnyOrder("heavy-1", "heavy-2", "heavy-3");
        }
    }

    @Test
    void aFullHeavyPoolRejectsAtOnce() {
        CountDownLatch release = new CountDownLatch(1);
        try (TurnProcessor turns = new TurnProcessor(2, 100, 1, 1, Duration.ofMinutes(5))) {
            turns.heavy("conv-a", () -> await(release), (r, e) -> { });
            turns.heavy("conv-b", () -> await(release), (r, e) -> { });
            assertThatThrownBy(() -> turns.heavy("conv-c", () -> "never", (r, e) -> { }))
                    .isInstanceOf(RejectedExecutionException.class);
            release.countDown();
        }
    }

    @Test
    void theOutcomeComesAfterTheTurnThatStartedIt() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch heavyDone = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        try (TurnProcessor turns = new TurnProcessor(2, 100, 1, 1, Duration.ofMinutes(5))) {
            turns.submit("conv-a", () -> {
                turns.heavy("conv-a", () -> {
                    heavyDone.countDown();
                    return "answer";
                }, (result, error) -> {
                    done.add(result);
                    delivered.countDown();
                });
                // The heavy work is finished before this turn posts its "working on it": the answer still waits.
                await(heavyDone);
                done.add("working on it");
            });
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(done).containsExactly("working on it", "answer");
        }
    }

    @Test
    void heavyWorkPastItsDeadlineIsInterruptedAndTheTimeoutDelivered() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        List<Object> outcome = new CopyOnWriteArrayList<>();
        try (TurnProcessor turns = new TurnProcessor(2, 100, 1, 1, Duration.ofMillis(50))) {
            turns.heavy("conv-a", () -> {
                try {
                    new CountDownLatch(1).await(1, TimeUnit.MINUTES);
                    return "too late";
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    return "interrupted";
                }
            }, (result, error) -> {
                outcome.add(result == null ? error : result);
                delivered.countDown();
            });
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(outcome).singleElement().isInstanceOf(TimeoutException.class);
            // The slot is free again.
            CountDownLatch next = new CountDownLatch(1);
            turns.heavy("conv-b", () -> "quick", (r, e) -> next.countDown());
            assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Object await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
