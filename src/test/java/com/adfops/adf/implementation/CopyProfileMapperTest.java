package com.adfops.adf.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.CopyProfile;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Copy's output (the documented "Monitor copy activity" example) and odd shapes of it, read into a CopyProfile. */
class CopyProfileMapperTest {

    @Test
    void theDocumentedCopyOutputReadsThroughTheSdkModel() throws Exception {
        com.azure.resourcemanager.datafactory.models.ActivityRun sdk;
        try (InputStream in = getClass().getResourceAsStream("/adf/copy-activity-run.json");
             JsonReader reader = JsonProviders.createReader(in)) {
            sdk = com.azure.resourcemanager.datafactory.models.ActivityRun.fromJson(reader);
        }
        ActivityRun run = AdfModelMapper.toDomain(sdk);
        CopyProfile p = run.profile();
        assertThat(p).isNotNull();
        assertThat(p.queue()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.transfer()).isEqualTo(Duration.ofSeconds(386));
        assertThat(p.reading()).isEqualTo(Duration.ofSeconds(301));
        assertThat(p.writing()).isEqualTo(Duration.ofSeconds(335));
        assertThat(p.timeToFirstByte()).isNull();
        assertThat(p.diu()).isEqualTo(128);
        assertThat(p.parallelCopies()).isEqualTo(64);
        assertThat(p.throttlingErrors()).isEqualTo(6);
        assertThat(p.sourceType()).isEqualTo("AmazonS3");
        assertThat(p.sinkType()).isEqualTo("AzureBlobFS");
        assertThat(p.dataRead()).isEqualTo(1180089300500L);
        assertThat(p.dataWritten()).isEqualTo(1180089300500L);
        assertThat(p.rowsCopied()).isNull();
        assertThat(p.throughput()).isEqualTo(2970183.0);
        assertThat(p.clusterStartup()).isNull();
        assertThat(p.tips()).hasSize(1);
        CopyProfile.Tip tip = p.tips().get(0);
        assertThat(tip.rule()).isEqualTo("ReduceThrottlingErrorPerfRecommendationRule");
        assertThat(tip.text()).startsWith("6 write operations were throttled by the sink data store.");
        assertThat(tip.url()).isEqualTo("https://go.microsoft.com/fwlink/?linkid=2102534");
        // The rest of the output is read as before.
        assertThat(run.integrationRuntime()).isEqualTo("DefaultIntegrationRuntime (East US)");
    }

    @Test
    void noOutputOrAnOutputSayingNothingOfTimeIsNoProfile() {
        assertThat(CopyProfileMapper.profile(null)).isNull();
        assertThat(CopyProfileMapper.profile("text")).isNull();
        assertThat(CopyProfileMapper.profile(Map.of("pipelineRunId", "child-1", "pipelineName", "child"))).isNull();
        assertThat(AdfModelMapper.output(Map.of("pipelineRunId", "child-1")).profile()).isNull();
    }

    @Test
    void aCopyWithoutAProfileKeepsWhatItHas() {
        CopyProfile p = CopyProfileMapper.profile(Map.of("usedDataIntegrationUnits", 4, "rowsCopied", 1200,
                "durationInQueue", Map.of("integrationRuntimeQueue", 7),
                "executionDetails", List.of(Map.of("source", Map.of("type", "SqlServer"), "status", "Succeeded"))));
        assertThat(p.diu()).isEqualTo(4);
        assertThat(p.rowsCopied()).isEqualTo(1200L);
        assertThat(p.queue()).isEqualTo(Duration.ofSeconds(7));
        assertThat(p.sourceType()).isEqualTo("SqlServer");
        assertThat(p.sinkType()).isNull();
        assertThat(p.transfer()).isNull();
        assertThat(p.reading()).isNull();
        assertThat(p.writing()).isNull();
        assertThat(p.throttlingErrors()).isNull();
        assertThat(p.parallelCopies()).isNull();
        assertThat(p.tips()).isEmpty();
    }

    @Test
    void twoExecutionDetailsAreSummedAndStringNumbersRead() {
        Map<String, Object> staging = Map.of("source", Map.of("type", "SqlServer"),
                "sink", Map.of("type", "AzureBlobStorage", "throttlingErrors", "2"),
                "usedParallelCopies", "4",
                "detailedDurations", Map.of("queuingDuration", "3", "timeToFirstByte", "1.5", "transferDuration", "60"),
                "profile", Map.of("transfer", Map.of("details", Map.of(
                        "readingFromSource", Map.of("workingDuration", "40"),
                        "writingToSink", Map.of("workingDuration", 20)))));
        Map<String, Object> load = Map.of("source", Map.of("type", "AzureBlobStorage"),
                "sink", Map.of("type", "AzureSqlDW", "throttlingErrors", 1),
                "usedParallelCopies", 8,
                "profile", Map.of("queue", Map.of("duration", 2), "transfer", Map.of("duration", 90, "details", Map.of(
                        "readingFromSource", Map.of("workingDuration", 10),
                        "writingToSink", Map.of("workingDuration", "not a number")))));
        CopyProfile p = CopyProfileMapper.profile(Map.of("executionDetails", List.of(staging, "odd", load),
                "usedDataIntegrationUnits", "16"));
        assertThat(p.queue()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.timeToFirstByte()).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.transfer()).isEqualTo(Duration.ofSeconds(150));
        assertThat(p.reading()).isEqualTo(Duration.ofSeconds(50));
        assertThat(p.writing()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.throttlingErrors()).isEqualTo(3);
        assertThat(p.diu()).isEqualTo(16);
        assertThat(p.parallelCopies()).isEqualTo(8);
        assertThat(p.sourceType()).isEqualTo("SqlServer");
        assertThat(p.sinkType()).isEqualTo("AzureSqlDW");
    }

    @Test
    void tipsAreFewBoundedAndOnlyHttpsLinksKept() {
        List<Map<String, Object>> recs = List.of(
                Map.of("Tip", "a".repeat(5000), "ReferUrl", "javascript:alert(1)", "RuleName", "R1"),
                Map.of("tip", "lower-case fields", "referUrl", "http://example.com/x", "ruleName", "R2"),
                Map.of("Tip", "three", "ReferUrl", "https://go.microsoft.com/fwlink/?linkid=1", "RuleName", "R3"),
                Map.of("Tip", "four", "RuleName", "R4"));
        CopyProfile p = CopyProfileMapper.profile(Map.of("perfRecommendation", recs));
        assertThat(p.tips()).extracting(CopyProfile.Tip::rule).containsExactly("R1", "R2", "R3");
        assertThat(p.tips().get(0).text()).hasSize(CopyProfile.MAX_TIP);
        assertThat(p.tips()).extracting(CopyProfile.Tip::url)
                .containsExactly("", "", "https://go.microsoft.com/fwlink/?linkid=1");
    }

    @Test
    void aDataFlowSaysItsClusterStartUp() throws Exception {
        Object output = TestSim.JSON.readValue("{\"runStatus\": {\"computeAcquisitionDuration\": 271000, "
                + "\"metrics\": {}, \"dsl\": \"source(...)\"}, \"effectiveIntegrationRuntime\": \"DataFlowIR\"}", Map.class);
        CopyProfile p = CopyProfileMapper.profile(output);
        assertThat(p.clusterStartup()).isEqualTo(Duration.ofSeconds(271));
        assertThat(p.transfer()).isNull();
        assertThat(CopyProfileMapper.profile(Map.of("runStatus", Map.of("computeAcquisitionDuration", "n/a")))).isNull();
    }
}
