package com.adfops.schedule;

import static com.adfops.schedule.Fixtures.daily;
import static com.adfops.schedule.Fixtures.defs;
import static com.adfops.schedule.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NextStartsTest {

    private static final Instant NOW = t("2026-06-10T12:00:00Z");

    private static Pipeline executes(String name, String... children) {
        List<Activity> acts = java.util.Arrays.stream(children)
                .map(c -> new Activity("Run " + c, "ExecutePipeline", List.of(), List.of(), c, null)).toList();
        return new Pipeline(name, acts, List.of(), null, 0);
    }

    private static Pipeline plain(String name) {
        return new Pipeline(name, List.of(), List.of(), null, 0);
    }

    @Test
    void aChildRunsWhenItsParentDoesThroughNestedParents() {
        // pl_master fires daily at 02:00 UTC: next 2026-06-11T02:00Z; it executes pl_child, which executes pl_grandchild.
        FactoryDefinitions defs = defs(List.of(daily("tr_nightly", TriggerState.STARTED, "2026-06-01T02:00:00", "UTC",
                "pl_master")), executes("pl_master", "pl_child"), executes("pl_child", "pl_grandchild"),
                plain("pl_grandchild"), plain("pl_alone"));

        Function<String, Optional<Instant>> next = NextStarts.of(defs, NOW, Duration.ofDays(7));

        assertThat(next.apply("pl_master")).contains(t("2026-06-11T02:00:00Z"));
        assertThat(next.apply("pl_child")).contains(t("2026-06-11T02:00:00Z"));
        assertThat(next.apply("PL_GRANDCHILD")).contains(t("2026-06-11T02:00:00Z"));
        assertThat(next.apply("pl_alone")).isEmpty();
    }

    @Test
    void theEarliestOfItsOwnTriggerAndItsParentsAndACycleAddsNothing() {
        // pl_child has its own trigger at 20:00 UTC today, earlier than its parent's 02:00 tomorrow; pl_a and pl_b
        // execute each other and nothing starts them.
        FactoryDefinitions defs = defs(List.of(
                daily("tr_nightly", TriggerState.STARTED, "2026-06-01T02:00:00", "UTC", "pl_master"),
                daily("tr_evening", TriggerState.STARTED, "2026-06-01T20:00:00", "UTC", "pl_child"),
                daily("tr_stopped", TriggerState.STOPPED, "2026-06-01T13:00:00", "UTC", "pl_b")),
                executes("pl_master", "pl_child"), plain("pl_child"), executes("pl_a", "pl_b"), executes("pl_b", "pl_a"));

        Function<String, Optional<Instant>> next = NextStarts.of(defs, NOW, Duration.ofDays(7));

        assertThat(next.apply("pl_child")).contains(t("2026-06-10T20:00:00Z"));
        assertThat(next.apply("pl_a")).isEmpty();
        assertThat(next.apply("pl_b")).isEmpty();
    }
}
