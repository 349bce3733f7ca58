package com.adfops.schedule;

import static com.adfops.schedule.Fixtures.daily;
import static com.adfops.schedule.Fixtures.defs;
import static com.adfops.schedule.Fixtures.hourlyWindows;
import static com.adfops.schedule.Fixtures.pipeline;
import static com.adfops.schedule.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a factory's triggers are expected to start: one run per pipeline per firing or window; events expect none. */
class ExpectedRunsTest {

    static final FactoryDefinitions DEFS = defs(List.of(
            daily("tr_both", TriggerState.STARTED, "2026-06-01T05:00", "Pacific Standard Time", "pl_one", "pl_two"),
            daily("tr_off", TriggerState.STOPPED, "2026-06-01T06:00", "UTC", "pl_one"),
            hourlyWindows("tw", "2026-06-10T10:00:00Z", Duration.ofMinutes(5), 1, List.of(), "pl_w"),
            new Trigger("tr_blob", TriggerKind.STORAGE_EVENT, TriggerState.STARTED, List.of("pl_one"), null, null)),
            pipeline("pl_one"), pipeline("pl_two"), pipeline("pl_w"));

    @Test
    void eachPipelineOfEachFiringOrWindowInOrder() {
        // 05:00 PDT (-7) = 12:00Z; tr_off at 06:00Z is before the span. Windows [10:00,11:00) and [11:00,12:00) due
        // 11:05Z and 12:05Z.
        ExpectedRuns e = ExpectedRuns.between(DEFS, t("2026-06-10T11:00:00Z"), t("2026-06-10T12:30:00Z"), false);
        assertThat(e.runs()).extracting(r -> r.pipeline() + "/" + r.trigger() + "@" + r.expectedStart())
                .containsExactly("pl_w/tw@2026-06-10T11:05:00Z", "pl_one/tr_both@2026-06-10T12:00:00Z",
                        "pl_two/tr_both@2026-06-10T12:00:00Z", "pl_w/tw@2026-06-10T12:05:00Z");
        assertThat(e.runs().get(0).windowStart()).isEqualTo(t("2026-06-10T10:00:00Z"));
        assertThat(e.runs().get(1).isWindow()).isFalse();
        assertThat(e.assumedUtc()).isEmpty();
    }

    @Test
    void aStoppedTriggerIsExpectedOnlyWhenAskedWhatShouldHaveRun() {
        assertThat(ExpectedRuns.between(DEFS, t("2026-06-10T05:30:00Z"), t("2026-06-10T06:30:00Z"), false).runs())
                .extracting(ExpectedRun::trigger).containsExactly("tr_off");
        assertThat(ExpectedRuns.between(DEFS, t("2026-06-10T05:30:00Z"), t("2026-06-10T06:30:00Z"), true).runs())
                .isEmpty();
    }
}
