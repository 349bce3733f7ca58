package com.adfops.schedule;

import static com.adfops.schedule.Fixtures.daily;
import static com.adfops.schedule.Fixtures.defs;
import static com.adfops.schedule.Fixtures.hourlyWindows;
import static com.adfops.schedule.Fixtures.pipeline;
import static com.adfops.schedule.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The remembered next starts are the ones worked out afresh, at any moment: across firings and new definitions. */
class NextStartsMemoTest {

    private static final Instant NOW = t("2026-06-10T12:00:00Z");
    private static final List<String> PIPELINES = List.of("pl_nightly", "pl_evening", "pl_hourly", "pl_none");

    @Test
    void atEveryMomentTheSameAsWorkedOutAfresh() {
        FactoryDefinitions defs = defs(List.of(
                daily("tr_nightly", TriggerState.STARTED, "2026-06-01T02:00:00", "UTC", "pl_nightly"),
                daily("tr_evening", TriggerState.STARTED, "2026-06-01T20:00:00", "Europe/Paris", "pl_evening"),
                hourlyWindows("tr_hourly", "2026-06-01T00:00:00Z", Duration.ZERO, 1, List.of(), "pl_hourly")),
                pipeline("pl_nightly"), pipeline("pl_evening"), pipeline("pl_hourly"), pipeline("pl_none"));
        NextStartsMemo memo = new NextStartsMemo(Duration.ofDays(7));
        Random random = new Random(7);
        Instant now = NOW;
        for (int i = 0; i < 400; i++) {
            // Moments a few seconds to a few minutes apart, some right at and just after a firing.
            now = switch (i % 4) {
                case 0 -> now.plusSeconds(1 + random.nextInt(5));
                case 1 -> now.plusSeconds(30 + random.nextInt(300));
                case 2 -> now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
                default -> now.plusMillis(1);
            };
            for (String p : PIPELINES) {
                assertThat(memo.of(defs, now).apply(p)).as(p + " at " + now)
                        .isEqualTo(NextStarts.of(defs, now, Duration.ofDays(7)).apply(p));
            }
        }
        assertThat(now).as("the moments cross many firings").isAfter(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void newDefinitionsAreWorkedOutAgain() {
        FactoryDefinitions started = defs(List.of(daily("tr_nightly", TriggerState.STARTED, "2026-06-01T02:00:00", "UTC",
                "pl_nightly")), pipeline("pl_nightly"));
        FactoryDefinitions stopped = defs(List.of(daily("tr_nightly", TriggerState.STOPPED, "2026-06-01T02:00:00", "UTC",
                "pl_nightly")), pipeline("pl_nightly"));
        NextStartsMemo memo = new NextStartsMemo(Duration.ofDays(7));
        assertThat(memo.of(started, NOW).apply("pl_nightly")).contains(t("2026-06-11T02:00:00Z"));
        assertThat(memo.of(stopped, NOW.plusSeconds(1)).apply("pl_nightly")).isEmpty();
        assertThat(memo.of(started, NOW.plusSeconds(2)).apply("pl_nightly")).contains(t("2026-06-11T02:00:00Z"));
    }
}
