package com.adfops.adf.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ADF time spans (a tumbling window's delay, a dependency's offset and size) as durations. */
class AdfDurationTest {

    @Test
    void readsHoursMinutesSecondsDaysFractionsAndSigns() {
        assertThat(DefinitionsMapper.duration("00:15:00")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DefinitionsMapper.duration("1.02:03:04")).isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
        assertThat(DefinitionsMapper.duration("-03:00:00")).isEqualTo(Duration.ofHours(-3));
        assertThat(DefinitionsMapper.duration("-1.00:00:00")).isEqualTo(Duration.ofDays(-1));
        assertThat(DefinitionsMapper.duration("00:00:01.5")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(DefinitionsMapper.duration(null)).isNull();
        assertThat(DefinitionsMapper.duration(" ")).isNull();
        assertThat(DefinitionsMapper.duration("@pipeline().parameters.delay")).isNull();
        assertThat(DefinitionsMapper.duration("PT15M")).isNull();
    }
}
