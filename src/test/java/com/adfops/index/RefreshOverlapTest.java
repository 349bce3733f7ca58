package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The overlap a refresh reaches back: fitted to one page at the rate seen, widened by a late write for a while. */
class RefreshOverlapTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration CONFIGURED = Duration.ofMinutes(5);

    /** Four refreshes 30 s apart, each bringing {@code changes} runs the memory did not hold: the overlap after. */
    static Duration after(int changes, Duration configured) {
        RefreshOverlap o = new RefreshOverlap();
        Instant t = NOW;
        for (int i = 0; i < 4; i++) {
            t = t.plus(INTERVAL);
            o.observe(new RefreshOverlap.Seen(changes, 0, null, null, t), t, NOW, configured, INTERVAL);
        }
        return o.effective(configured);
    }

    @Test
    void theOverlapFitsTheRateSeenIntoOnePageBetweenTheFloorAndTheConfiguredOne() {
        assertThat(new RefreshOverlap().effective(CONFIGURED)).as("no rate known yet").isEqualTo(CONFIGURED);
        // 90 runs a read: at 1 a second 30 s new and 60 s again; at 2 a second 15 s again.
        assertThat(after(30, CONFIGURED)).isEqualTo(Duration.ofSeconds(60));
        assertThat(after(60, CONFIGURED)).isEqualTo(Duration.ofSeconds(15));
        assertThat(after(200, CONFIGURED)).as("never below the floor").isEqualTo(RefreshOverlap.FLOOR);
        assertThat(after(3, CONFIGURED)).as("a small factory keeps it all").isEqualTo(CONFIGURED);
        assertThat(after(0, CONFIGURED)).isEqualTo(CONFIGURED);
        assertThat(after(60, Duration.ofSeconds(10))).as("a configured overlap under the floor stays")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aLateWriteWidensTheOverlapToTwiceItsLatenessForHalfAnHourThenTheFitReturns() {
        RefreshOverlap o = new RefreshOverlap();
        Instant t = NOW;
        for (int i = 0; i < 4; i++) {
            t = t.plus(INTERVAL);
            o.observe(new RefreshOverlap.Seen(60, 0, null, null, t), t, NOW, CONFIGURED, INTERVAL);
        }
        assertThat(o.effective(CONFIGURED)).isEqualTo(Duration.ofSeconds(15));

        t = t.plus(INTERVAL);
        Duration logged = o.observe(new RefreshOverlap.Seen(61, 1, Duration.ofSeconds(12), Duration.ofSeconds(20), t),
                t, NOW, CONFIGURED, INTERVAL);
        assertThat(logged).as("widened: said once").isEqualTo(Duration.ofSeconds(12));
        assertThat(o.effective(CONFIGURED)).isEqualTo(Duration.ofSeconds(24));
        Instant widenedAt = t;
        t = t.plus(INTERVAL);
        assertThat(o.observe(new RefreshOverlap.Seen(61, 1, Duration.ofSeconds(5), Duration.ofSeconds(14), t), t,
                NOW, CONFIGURED, INTERVAL))
                .as("inside the widened overlap: counted, not said again").isNull();
        assertThat(o.effective(CONFIGURED)).isEqualTo(Duration.ofSeconds(24));
        assertThat(o.status(CONFIGURED).lateWrites()).isEqualTo(2);
        assertThat(o.status(CONFIGURED).lastLateness()).isEqualTo(Duration.ofSeconds(5));

        // Held for half an hour after the last late write, then the fit again.
        Instant lastLate = t;
        while (t.isBefore(lastLate.plus(RefreshOverlap.LATE_HOLD).minus(INTERVAL))) {
            t = t.plus(INTERVAL);
            o.observe(new RefreshOverlap.Seen(60, 0, null, null, t), t, NOW, CONFIGURED, INTERVAL);
            assertThat(o.effective(CONFIGURED)).as("at %s", t).isEqualTo(Duration.ofSeconds(24));
        }
        t = t.plus(INTERVAL);
        o.observe(new RefreshOverlap.Seen(60, 0, null, null, t), t, NOW, CONFIGURED, INTERVAL);
        assertThat(o.effective(CONFIGURED)).isEqualTo(Duration.ofSeconds(15));
        assertThat(t).isAfter(widenedAt.plus(RefreshOverlap.LATE_HOLD));

        // A very late one asks for at most the configured overlap.
        t = t.plus(INTERVAL);
        assertThat(o.observe(new RefreshOverlap.Seen(61, 1, Duration.ofMinutes(4), Duration.ofMinutes(4), t), t,
                NOW, CONFIGURED, INTERVAL))
                .isEqualTo(Duration.ofMinutes(4));
        assertThat(o.effective(CONFIGURED)).isEqualTo(CONFIGURED);
    }

    @Test
    void aLateWriteCloseToTheWatermarkButListedLongAfterWidensToItsDelay() {
        RefreshOverlap o = new RefreshOverlap();
        Instant t = NOW;
        for (int i = 0; i < 4; i++) {
            t = t.plus(INTERVAL);
            o.observe(new RefreshOverlap.Seen(60, 0, null, null, t), t, NOW, CONFIGURED, INTERVAL);
        }
        t = t.plus(INTERVAL);
        // 5 s before the last watermark, 35 s before this read's newest update: listed up to 35 s late.
        assertThat(o.observe(new RefreshOverlap.Seen(61, 1, Duration.ofSeconds(5), Duration.ofSeconds(35), t), t,
                NOW, CONFIGURED, INTERVAL)).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.effective(CONFIGURED)).isEqualTo(Duration.ofSeconds(35));
    }
}
