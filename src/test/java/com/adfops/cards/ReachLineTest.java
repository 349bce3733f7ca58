package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.Freshness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The freshness line says how far back a partial memory reaches, and nothing when it holds the whole horizon. */
class ReachLineTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aLoadingMemorySaysHowFarBackItReaches() {
        Freshness f = new Freshness(NOW, true, "", null,
                new Freshness.Reach(NOW.minusSeconds(26 * 3600), 62, true, false, 12_000));
        assertThat(CardText.reach(f)).isEqualTo("; last 26 h loaded, older history loading: 62 %");
    }

    @Test
    void aCappedMemorySaysWhereOlderRunsComeFrom() {
        Freshness f = new Freshness(NOW, true, "", null,
                new Freshness.Reach(NOW.minusSeconds(3 * 86_400), 21, false, true, 1_000_000));
        assertThat(CardText.reach(f)).isEqualTo("; memory holds the last 3 days (older runs are read from Data Factory)");
    }

    @Test
    void aWholeMemoryOrNoIndexSaysNothing() {
        assertThat(CardText.reach(new Freshness(NOW, true, "", null,
                new Freshness.Reach(NOW.minusSeconds(14 * 86_400), 100, false, false, 5_000)))).isEmpty();
        assertThat(CardText.reach(new Freshness(NOW, true, ""))).isEmpty();
    }
}
