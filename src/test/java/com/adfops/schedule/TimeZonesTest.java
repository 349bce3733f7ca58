package com.adfops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** ADF's Windows zone names read as IANA zones (CLDR, territory 001); an unknown name is UTC, said so. */
class TimeZonesTest {

    @Test
    void windowsNamesMapToTheirCldrZone() {
        assertThat(TimeZones.resolve("W. Europe Standard Time").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(TimeZones.resolve("Pacific Standard Time").zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(TimeZones.resolve("Eastern Standard Time").zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(TimeZones.resolve("India Standard Time").zone()).isEqualTo(ZoneId.of("Asia/Calcutta"));
        assertThat(TimeZones.resolve("GMT Standard Time").zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(TimeZones.resolve("AUS Eastern Standard Time").zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(TimeZones.resolve("UTC").zone()).isEqualTo(ZoneId.of("Etc/UTC"));
        assertThat(TimeZones.resolve("w. europe standard time").known()).isTrue();
    }

    @Test
    void theTableCoversTheCommonZonesAndEachIsAValidZone() {
        assertThat(TimeZones.windowsNames()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(TimeZones.windowsNames().keySet()).contains("central europe standard time", "romance standard time",
                "china standard time", "tokyo standard time", "singapore standard time", "e. south america standard time",
                "central standard time", "mountain standard time", "new zealand standard time", "utc");
    }

    @Test
    void ianaIdsAreTakenAsTheyAre() {
        TimeZones.ResolvedZone z = TimeZones.resolve("America/New_York");
        assertThat(z.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(z.known()).isTrue();
    }

    @Test
    void anUnknownNameIsUtcAndSaysSo() {
        TimeZones.ResolvedZone z = TimeZones.resolve("Atlantis Standard Time");
        assertThat(z.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(z.known()).isFalse();
        assertThat(z.name()).isEqualTo("Atlantis Standard Time");
        assertThat(TimeZones.resolve("Mars/Olympus").known()).isFalse();
        assertThat(TimeZones.resolve(null).known()).isTrue();
    }
}
