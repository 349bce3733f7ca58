package com.adfops.schedule;

import static com.adfops.schedule.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA setting and annotations, and the deadline after a run's expected start. */
class SlaRulesTest {

    static final SlaRules SETTING = SlaRules.parse("Nightly*=06:00 Europe/Berlin; Copy GL to Lake=07:30");

    @Test
    void theSettingReadsPatternsTimesAndZonesAndRejectsWhatItCannotRead() {
        SlaRules rules = SlaRules.parse("Nightly*=06:00 Europe/Berlin; Copy GL to Lake=07:30; no deadline;"
                + " X=25:00; Y=06:00 Atlantis Standard Time; Z=+0h;");
        assertThat(rules.rules()).extracting(SlaRule::pattern).containsExactly("Nightly*", "Copy GL to Lake");
        assertThat(rules.rejected()).containsExactly("no deadline", "X=25:00", "Y=06:00 Atlantis Standard Time", "Z=+0h");
        assertThat(SlaRules.parse(null).rules()).isEmpty();
        assertThat(SlaRules.parse("  ").rules()).isEmpty();
    }

    @Test
    void aWildcardCoversNamesRegardlessOfCaseAndTheDeadlineIsTheNextTimeOfDayInItsZone() {
        SlaRule nightly = SETTING.ruleFor("NIGHTLY load", List.of()).orElseThrow();
        assertThat(nightly.pattern()).isEqualTo("Nightly*");
        // Summer: 06:00 CEST = 04:00Z; winter: 06:00 CET = 05:00Z.
        assertThat(nightly.deadline(t("2026-06-10T00:00:00Z"))).isEqualTo(t("2026-06-10T04:00:00Z"));
        assertThat(nightly.deadline(t("2026-01-10T01:00:00Z"))).isEqualTo(t("2026-01-10T05:00:00Z"));
        // Expected at 07:00 CEST: the next 06:00 is the next day's.
        assertThat(nightly.deadline(t("2026-06-10T05:00:00Z"))).isEqualTo(t("2026-06-11T04:00:00Z"));
        assertThat(SETTING.ruleFor("Weekly nightly", List.of())).isEmpty();
    }

    @Test
    void withoutAZoneTheDeadlineIsUtc() {
        SlaRule gl = SETTING.ruleFor("copy gl to lake", List.of()).orElseThrow();
        assertThat(gl.deadline(t("2026-06-10T01:00:00Z"))).isEqualTo(t("2026-06-10T07:30:00Z"));
    }

    @Test
    void anAnnotationWinsAndMayBeRelative() {
        SlaRule gl = SETTING.ruleFor("Copy GL to Lake", List.of("finance", "sla:+2h")).orElseThrow();
        assertThat(gl.source()).isEqualTo(SlaRule.Source.ANNOTATION);
        assertThat(gl.deadline(t("2026-06-10T01:00:00Z"))).isEqualTo(t("2026-06-10T03:00:00Z"));
        assertThat(SlaRules.annotation("p", "SLA: +1h30m").orElseThrow().within()).isEqualTo(Duration.ofMinutes(90));
        assertThat(SlaRules.annotation("p", "sla:06:00 Europe/Berlin").orElseThrow()
                .deadline(t("2026-06-10T00:00:00Z"))).isEqualTo(t("2026-06-10T04:00:00Z"));
        assertThat(SlaRules.annotation("p", "owner:finance")).isEmpty();
    }

    @Test
    void anExactNameWinsOverAPatternWrittenBeforeIt() {
        SlaRules rules = SlaRules.parse("Copy*=09:00; Copy GL to Lake=07:30 W. Europe Standard Time");
        SlaRule gl = rules.ruleFor("Copy GL to Lake", List.of()).orElseThrow();
        // 07:30 CEST = 05:30Z.
        assertThat(gl.deadline(t("2026-06-10T01:00:00Z"))).isEqualTo(t("2026-06-10T05:30:00Z"));
        assertThat(rules.ruleFor("Copy AP", List.of()).orElseThrow().pattern()).isEqualTo("Copy*");
    }

    @Test
    void aDeadlineInTheSpringForwardGapMovesForward() {
        SlaRule r = SlaRules.parse("X=02:30 Europe/Berlin").ruleFor("x", List.of()).orElseThrow();
        // Mar 29 00:00 CET = Mar 28 23:00Z; 02:30 does not exist that night -> 03:30 CEST = 01:30Z.
        assertThat(r.deadline(t("2026-03-28T23:00:00Z"))).isEqualTo(t("2026-03-29T01:30:00Z"));
    }
}
