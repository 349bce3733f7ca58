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

    /**
     * A turn hands its send over and is done: with one turn thread and conversation A's first send not answered (a
     * throttled connector), B's turn runs and B's send goes out; A's sends start one at a time, in the order handed
     * over, each once, and one that fails is logged once and dropped without stopping the next.
     */
    @Test
    void sendsGoOutInTheirConversationsOrderWithoutHoldingATurnThread() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        java.util.Map<String, java.util.concurrent.CompletableFuture<Void>> inFlight =
                new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Function<String, java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>>>
                sendOf = name -> () -> {
                    started.add(name);
                    java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
                    inFlight.put(name, f);
                    return f;
                };
        CountDownLatch bTurn = new CountDownLatch(1);
        CountDownLatch aTurns = new CountDownLatch(2);
        try (TurnProcessor turns = new TurnProcessor(1, 100);
             com.adfops.LogCapture log = com.adfops.LogCapture.of(TurnProcessor.class)) {
            turns.submit("conv-a", () -> {
                turns.send("conv-a", "the answer", sendOf.apply("a1"));
                turns.send("conv-a", "the answer", sendOf.apply("a2"));
                aTurns.countDown();
            });
            turns.submit("conv-a", () -> {
                turns.send("conv-a", "the answer", sendOf.apply("a3"));
                aTurns.countDown();
            });
            turns.submit("conv-b", () -> {
                turns.send("conv-b", "the answer", sendOf.apply("b1"));
                bTurn.countDown();
            });

            // The only turn thread was free for B although A's first send is still in flight.
            assertThat(bTurn.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(aTurns.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(started).containsExactly("a1", "b1");
            assertThat(turns.sending()).isEqualTo(4);

            inFlight.get("a1").completeExceptionally(new IllegalStateException("refused"));
            assertThat(started).containsExactly("a1", "b1", "a2");
            inFlight.get("a2").complete(null);
            assertThat(started).containsExactly("a1", "b1", "a2", "a3");
            inFlight.get("a3").complete(null);
            inFlight.get("b1").complete(null);
            assertThat(turns.sending()).isZero();
            assertThat(log.atLevel(ch.qos.logback.classic.Level.WARN))
                    .containsExactly("Could not send the answer to conversation conv-a (IllegalStateException); dropped");
            assertThat(log.errors()).isEmpty();
        }
    }

    @Test
    void answersWaitingToBeSentCountAgainstTheQueue() throws Exception {
        java.util.concurrent.CompletableFuture<Void> held = new java.util.concurrent.CompletableFuture<>();
        try (TurnProcessor turns = new TurnProcessor(1, 2)) {
            turns.send("conv-a", "the answer", () -> held);
            turns.send("conv-a", "the answer", () -> null);
            assertThatThrownBy(() -> turns.submit("conv-b", () -> { }))
                    .isInstanceOf(RejectedExecutionException.class);
            held.complete(null);
            CountDownLatch accepted = new CountDownLatch(1);
            turns.submit("conv-b", accepted::countDown);
            assertThat(accepted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingLetsTheAnswersAlreadyHandedOverGoOut() throws Exception {
        java.util.concurrent.CompletableFuture<Void> inFlight = new java.util.concurrent.CompletableFuture<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        TurnProcessor turns = new TurnProcessor(1, 10);
        turns.send("conv-a", "the answer", () -> inFlight);
        turns.send("conv-a", "the answer", () -> {
            sent.add("a2");
            return null;
        });
        Thread connector = new Thread(() -> {
            await(new CountDownLatch(1), 200);
            sent.add("a1");
            inFlight.complete(null);
        });
        connector.start();
        turns.close();
        assertThat(sent).containsExactly("a1", "a2");
    }

    private static Object await(CountDownLatch l) {
        return await(l, 10_000);
    }

    private static Object await(CountDownLatch l, long millis) {
        try {
            l.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
