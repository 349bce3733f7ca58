package com.adfops.actions;

import com.adfops.answers.ActionKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.answers.ActionView;
import com.adfops.state.Azurite;
import com.adfops.state.implementation.BlobStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two bot instances on one blob container (Azurite): clicks on Confirm reaching both start one run, and the run's
 * outcome is reported by one of them.
 */
class ActionsTwoInstancesIT {

    static Azurite azurite;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start();
    }

    @AfterAll
    static void stopAzurite() {
        azurite.close();
    }

    @Test
    void confirmClicksOnTwoInstancesStartOneRunAndOneOutcome() throws Exception {
        String container = "actions-" + UUID.randomUUID().toString().substring(0, 8);
        try (ActionsFixture f = new ActionsFixture()) {
            ActionPolicy anyone = new ActionPolicy(true, List.of(), List.of());
            ActionsFixture.Instance one = f.new Instance(BlobStateStore.withConnectionString(azurite.connectionString(),
                    container, Duration.ofSeconds(10)), anyone);
            ActionsFixture.Instance two = f.new Instance(BlobStateStore.withConnectionString(azurite.connectionString(),
                    container, Duration.ofSeconds(10)), anyone);
            ActionView pending = ActionServiceTest.card(one.actions.propose(ActionKind.RERUN_FROM_FAILURE, f.child.id(),
                    null, new Actor("Ana", ActionsFixture.ANA), "conv-1"));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ActionView>> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ActionsFixture.Instance bot = i % 2 == 0 ? one : two;
                Actor who = new Actor(i < 2 ? "Ana" : "Bo", i < 2 ? ActionsFixture.ANA : ActionsFixture.BO);
                clicks.add(pool.submit(() -> {
                    go.await();
                    return ActionServiceTest.card(bot.actions.confirm(pending.id(), who, "card-1"));
                }));
            }
            go.countDown();
            for (Future<ActionView> c : clicks) {
                assertThat(c.get().state()).isIn(com.adfops.answers.ActionView.State.CLAIMED, com.adfops.answers.ActionView.State.STARTED);
            }
            pool.shutdown();
            assertThat(f.requests("/createRun")).hasSize(1);

            f.clock.advance(Duration.ofMinutes(1));
            int reported = 0;
            for (ActionsFixture.Instance bot : List.of(one, two, one, two)) {
                for (String id : bot.actions.following()) {
                    reported += bot.actions.check(id).isPresent() ? 1 : 0;
                }
            }
            assertThat(reported).isEqualTo(1);
            assertThat(one.actions.following()).isEmpty();
            assertThat(two.audit.between(f.clock.instant().minus(Duration.ofHours(1)), f.clock.instant().plusSeconds(1)))
                    .extracting(a -> a.what()).containsExactly("rerunfromfailure", "outcome");
        }
    }
}
