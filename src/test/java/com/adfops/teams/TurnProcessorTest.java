package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Turns of one conversation run in order; the "busy" reply of a full queue never overtakes earlier answers. */
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

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
