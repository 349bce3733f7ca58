package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator reads and writes ADF's times without formatters (a page does it for every run): the same instants. */
class TimesTest {

    @Test
    void readsAdfTimesAsTheIsoParserDoes() {
        for (String s : new String[] {"2026-11-26T02:03:10.5555555Z", "2026-11-26T02:03:10Z", "2026-02-28T23:59:59.1Z",
                "2024-02-29T00:00:00.123456789Z", "1999-12-31T23:59:59.000Z"}) {
            assertThat(SimDataset.utc(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
        // Not ADF's UTC form: left to the general parsers.
        for (String s : new String[] {"2026-11-26T02:03:10+01:00", "2026-11-26 02:03:10Z", "2026-02-30T00:00:00Z",
                "2026-11-26T24:00:00Z", "2026-11-26T02:03:10.Z", "2026-11-26T02:03:10.1234567890Z", "yesterday"}) {
            assertThat(SimDataset.utc(s)).as(s).isNull();
        }
    }

    @Test
    void writesWhatItReads() {
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            long ms = 1_600_000_000_000L + (long) (random.nextDouble() * 400_000_000_000L);
            String s = GeneratedFormat.time(ms);
            assertThat(s).hasSize(28).endsWith("0000Z");
            assertThat(SimDataset.utc(s)).isEqualTo(Instant.ofEpochMilli(ms));
            assertThat(OffsetDateTime.parse(s).toInstant()).isEqualTo(Instant.ofEpochMilli(ms));
        }
    }
}
