package com.adfops.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Signed export links (valid, expired, tampered, another tenant) and the CSV's escaping. */
class ExportTest {

    static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
    final MutableClock clock = new MutableClock(T);
    final ExportSigner signer = new ExportSigner("0123456789abcdef-key".getBytes(StandardCharsets.UTF_8),
            "https://bot.example/", Duration.ofMinutes(15), Set.of("tenant-a"), clock, TestSim.JSON);

    static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    @Test
    void aLinkWorksForItsTenantUntilItExpiresAndCannotBeTamperedWith() throws Exception {
        String link = signer.link("df", "pl_*", T.minusSeconds(3600), T, "TENANT-A").orElseThrow();
        assertThat(link).startsWith("https://bot.example/api/export?token=");
        ExportSigner.Request r = signer.check(token(link));
        assertThat(r.factory()).isEqualTo("df");
        assertThat(r.pipelines()).isEqualTo("pl_*");
        assertThat(r.from()).isEqualTo(T.minusSeconds(3600));

        String t = token(link);
        String payload = t.substring(0, t.lastIndexOf('.'));
        String other = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                .replace("pl_*", "*");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(other.getBytes(StandardCharsets.UTF_8))
                + t.substring(t.lastIndexOf('.'));
        assertThatThrownBy(() -> signer.check(forged)).hasMessage("bad signature");
        assertThatThrownBy(() -> signer.check("nonsense")).hasMessage("malformed");
        assertThatThrownBy(() -> signer.check(null)).hasMessage("malformed");

        String foreign = token(signer.link(null, null, T.minusSeconds(60), T, "tenant-b").orElseThrow());
        assertThatThrownBy(() -> signer.check(foreign)).hasMessage("tenant not allowed");

        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(() -> signer.check(t)).hasMessage("expired");
    }

    @Test
    void theCsvQuotesAndDefusesWhatASpreadsheetWouldMisread() {
        FactoryRef f = new FactoryRef("s", "rg", "df");
        PipelineRun r = new PipelineRun(f, "run-1", "=HYPERLINK(\"x\")", RunStatus.FAILED,
                "Operation failed: ErrorCode=SqlFailedToConnect, \"quoted\"\nline two; Password=hunter2;",
                T.minusSeconds(90), T, T, 90_000L, Map.of(), "ScheduleTrigger", "tr, nightly", null, null, "run-0");
        String csv = RunsCsv.of(List.of(r));
        String[] lines = csv.split("\r\n", 2);
        assertThat(lines[0]).isEqualTo(RunsCsv.HEADER);
        assertThat(lines[1]).startsWith("df,\"'=HYPERLINK(\"\"x\"\")\",run-1,\"tr, nightly (ScheduleTrigger)\",")
                .contains(",90,Failed,SqlFailedToConnect,").contains("\"\"quoted\"\"\nline two").contains("Password=***")
                .doesNotContain("hunter2").endsWith(",run-0,,,\r\n");
        assertThat(RunsCsv.cell("-1")).isEqualTo("'-1");
        assertThat(RunsCsv.cell("@sum")).isEqualTo("'@sum");
        assertThat(RunsCsv.cell("plain")).isEqualTo("plain");
    }

    @Test
    void aFormulaBehindLeadingWhiteSpaceIsDefusedToo() {
        for (String lead : List.of(" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", " \u00a0\t")) {
            for (String f : List.of("=1+1", "+1", "-1", "@sum(A1)")) {
                assertThat(RunsCsv.cell(lead + f)).as("%s", (lead + f).codePoints().mapToObj(Integer::toHexString).toList())
                        .contains("'" + lead + f);
            }
        }
        assertThat(RunsCsv.cell(" plain")).isEqualTo(" plain");
        assertThat(RunsCsv.cell("\u00a0")).isEqualTo("\u00a0");
    }

    @Test
    void everyCellHasItsSecretsMasked() {
        FactoryRef f = new FactoryRef("s", "rg", "df");
        PipelineRun r = new PipelineRun(f, "run-1", "pl_copy password=Zq7pipe", RunStatus.FAILED,
                "{\\\"client_secret\\\":\\\"Zq7json\\\"} https://a/b?sv=1%26sig%3DZq7sas%26se%3D2",
                T.minusSeconds(90), T, T, 90_000L, Map.of(), "ScheduleTrigger", "tr token=Zq7trigger", null, null, null);
        String csv = RunsCsv.of(List.of(r));
        assertThat(csv).doesNotContain("Zq7pipe", "Zq7json", "Zq7sas", "Zq7trigger")
                .contains("pl_copy password=***", "client_secret", "%26sig%3D***%26se%3D2", "tr token=***");
    }
}
