package com.adfops.diagnosis;

import com.adfops.runs.ErrorTextTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocResult;
import com.adfops.docs.DocsService;
import com.adfops.docs.Guidance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guidance links for a diagnosis name only pages about the failed activity's kind of error: fewer rather than off-topic. */
class GuidanceFinderTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    final DocsService docs = new DocsService(null, new BuiltInDocsIndex(TestSim.JSON), Clock.fixed(NOW,
            java.time.ZoneOffset.UTC), Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(60));
    final GuidanceFinder finder = new GuidanceFinder(docs);

    @AfterEach
    void close() {
        docs.close();
    }

    static Diagnosis failedIn(String type, String code, String message) {
        FactoryRef f = new FactoryRef("sub", "rg", "df-test");
        PipelineRun run = new PipelineRun(f, "run-1", "pl_load", RunStatus.FAILED, "Operation on target Step failed",
                NOW.minusSeconds(600), NOW.minusSeconds(500), NOW.minusSeconds(500), 100_000L, Map.of(), "ScheduleTrigger",
                "tr", null, null, null);
        ActivityRun a = new ActivityRun("run-1", "pl_load", "act-1", "Step", type, RunStatus.FAILED, NOW.minusSeconds(600),
                NOW.minusSeconds(500), 100_000L, new ActivityError(code, message, "UserError", "Step"), null, null, "ls", null);
        Diagnosis.FailedActivity root = new Diagnosis.FailedActivity(a, 0, "Step", "pl_load", "run-1", 1);
        return new Diagnosis(run, List.of(root), root, ErrorClassifier.classify(a.error(), type), 1, false);
    }

    static List<String> urls(Guidance g) {
        return g.results().stream().map(DocResult::url).toList();
    }

    @Test
    void aScript2011IsASqlErrorWithSqlGuidanceAndNoSelfHostedIrGuidance() {
        Diagnosis d = failedIn("Script", "2011", "Execution fail against sql server. Please contact SQL Server team if "
                + "you need further support. Sql error number: 18456. Error Message: Login failed for user 'etl'.");
        assertThat(d.errorClass()).isEqualTo(ErrorClass.AUTHENTICATION);
        assertThat(urls(finder.forDiagnosis(d))).containsExactly(
                "https://learn.microsoft.com/en-us/azure/data-factory/transform-data-using-script",
                "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-azure-sql");
    }

    @Test
    void aSqlLoginFailureOfACopyGetsNoBlobStorageLink() {
        Diagnosis d = failedIn("Copy", "2200", ErrorTextTest.SQL_LOGIN_CHAIN);
        assertThat(urls(finder.forDiagnosis(d))).containsExactly(
                "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-azure-sql",
                "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-guide");
    }

    @Test
    void aWebTimeoutGetsTheWebActivityGuideOnly() {
        Diagnosis d = failedIn("WebActivity", "2108", "Error calling the endpoint 'https://api.example/v2'. Response status "
                + "code: 'NA - Unknown'. More details: Exception message: 'NA - Unknown [ClientSideException] A task was "
                + "canceled.'. Request didn't reach the server from the client. This could happen because of a timeout.");
        assertThat(urls(finder.forDiagnosis(d))).hasSize(1).allMatch(u -> u.contains("data-factory-troubleshoot-guide"));
    }

    @Test
    void liveResultsThatTheIndexFilesUnderAnotherTopicAreDropped() {
        BuiltInDocsIndex index = new BuiltInDocsIndex(TestSim.JSON);
        List<DocResult> live = List.of(
                new DocResult("SQL", "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-azure-sql#error-code-sqlfailedtoconnect", ""),
                new DocResult("Blob", "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-azure-blob-storage", ""),
                new DocResult("Unknown to the index", "https://learn.microsoft.com/en-us/sql/relational-databases/errors/mssqlserver-18456", ""));
        assertThat(index.onTopic(live, "sql-connector")).extracting(DocResult::title).containsExactly("SQL", "Unknown to the index");
        assertThat(index.onTopic(live, "")).hasSize(3);
        // One page filed under several topics (its sections): kept for each of them, dropped for others.
        List<DocResult> guide = List.of(new DocResult("Web", "https://learn.microsoft.com/en-us/azure/data-factory/"
                + "data-factory-troubleshoot-guide#web-activity", ""));
        assertThat(index.onTopic(guide, "web-activity")).hasSize(1);
        assertThat(index.onTopic(guide, "sql-connector")).isEmpty();
    }
}
