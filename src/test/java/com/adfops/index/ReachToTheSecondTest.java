package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.Freshness;
import com.adfops.adf.RunQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How far back the memory reaches is said to the second: two answers built from the same memory within one second are
 * equal (the Teams face renders such an answer's card once), and the memory never claims runs its last compaction
 * dropped.
 */
class ReachToTheSecondTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00.200Z");

    @Test
    void withinOneSecondTheReachIsTheSameAndItNeverReachesPastTheLastCompaction() {
        try (TestSim sim = TestSim.builtIn(NOW, 50)) {
            MutableClock clock = new MutableClock(NOW);
            RunIndex index = new RunIndex(sim.adf, sim.meter, clock, RunIndexTest.SETTINGS);
            index.refreshAll();
            FactoryRef f = sim.factory;
            RunQuery day = new RunQuery(NOW.minus(Duration.ofHours(24)), NOW, Set.of(), Set.of(), 100);
            Freshness first = index.freshness(f, day);
            assertThat(first.fromMemory()).isTrue();

            clock.advance(Duration.ofMillis(700));
            assertThat(index.freshness(f, day)).as("0.7 s later, same memory").isEqualTo(first);
            assertThat(index.reach(f)).isEqualTo(first.reach());

            // The memory was compacted at 12:00:00.2 (runs updated before its horizon less the slack dropped): the
            // reach starts no earlier than that cut, rounded up to the second.
            Instant cut = NOW.minus(RunIndexTest.SETTINGS.horizon()).minus(RunIndex.SLACK);
            assertThat(first.reach().loadedSince()).isAfterOrEqualTo(cut)
                    .isEqualTo(Instant.parse("2026-11-26T12:00:01Z").minus(RunIndexTest.SETTINGS.horizon())
                            .minus(RunIndex.SLACK));

            clock.advance(Duration.ofMillis(400));
            assertThat(index.reach(f).loadedSince()).as("the next second").isEqualTo(first.reach().loadedSince()
                    .plusSeconds(1));
        }
    }
}
