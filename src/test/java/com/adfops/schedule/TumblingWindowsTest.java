package com.adfops.schedule;

import static com.adfops.schedule.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.TumblingWindow;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import com.adfops.schedule.TumblingWindows.Window;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tumbling windows: back to back from the start, each due at its end plus the delay; dependency spans. */
class TumblingWindowsTest {

    static TumblingWindow hourly(String end, Duration delay) {
        return new TumblingWindow(Frequency.HOUR, 1, t("2026-05-01T00:00:00Z"), end == null ? null : t(end), delay, 1,
                List.of());
    }

    @Test
    void windowsAreDueAtTheirEndPlusTheDelay() {
        List<Window> due = TumblingWindows.due(hourly(null, Duration.ofMinutes(15)), t("2026-05-01T02:00:00Z"),
                t("2026-05-01T05:00:00Z"));
        assertThat(due).containsExactly(
                new Window(t("2026-05-01T01:00:00Z"), t("2026-05-01T02:00:00Z"), t("2026-05-01T02:15:00Z")),
                new Window(t("2026-05-01T02:00:00Z"), t("2026-05-01T03:00:00Z"), t("2026-05-01T03:15:00Z")),
                new Window(t("2026-05-01T03:00:00Z"), t("2026-05-01T04:00:00Z"), t("2026-05-01T04:15:00Z")));
    }

    @Test
    void noWindowStartsAtOrAfterTheEnd() {
        List<Window> w = TumblingWindows.overlapping(hourly("2026-05-01T03:00:00Z", Duration.ZERO),
                t("2026-05-01T01:30:00Z"), t("2026-05-02T00:00:00Z"));
        assertThat(w).extracting(Window::start).containsExactly(t("2026-05-01T01:00:00Z"), t("2026-05-01T02:00:00Z"));
    }

    @Test
    void monthlyWindowsFollowTheCalendar() {
        TumblingWindow monthly = new TumblingWindow(Frequency.MONTH, 1, t("2026-01-01T00:00:00Z"), null, Duration.ZERO,
                1, List.of());
        assertThat(TumblingWindows.overlapping(monthly, t("2026-02-15T00:00:00Z"), t("2026-04-01T00:00:00Z")))
                .containsExactly(
                        new Window(t("2026-02-01T00:00:00Z"), t("2026-03-01T00:00:00Z"), t("2026-03-01T00:00:00Z")),
                        new Window(t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), t("2026-04-01T00:00:00Z")));
    }

    @Test
    void aSelfDependencyIsTheWindowBeforeAndAnOffsetAndSizeMoveIt() {
        Window w = new Window(t("2026-05-01T04:00:00Z"), t("2026-05-01T05:00:00Z"), t("2026-05-01T05:00:00Z"));
        assertThat(TumblingWindows.dependencySpan(w, new WindowDependency(null, null, null)))
                .extracting(Window::start, Window::end)
                .containsExactly(t("2026-05-01T03:00:00Z"), t("2026-05-01T04:00:00Z"));
        assertThat(TumblingWindows.dependencySpan(w, new WindowDependency("other", Duration.ofHours(-2),
                Duration.ofHours(2)))).extracting(Window::start, Window::end)
                .containsExactly(t("2026-05-01T02:00:00Z"), t("2026-05-01T04:00:00Z"));
        assertThat(TumblingWindows.dependencySpan(w, new WindowDependency("other", null, null)))
                .extracting(Window::start, Window::end)
                .containsExactly(t("2026-05-01T04:00:00Z"), t("2026-05-01T05:00:00Z"));
    }
}
