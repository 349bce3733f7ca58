package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One name per integration runtime: every activity run of the built-in factory names a runtime its definitions know,
 * the one its linked service connects via, and so does a dataset file's Copy that names none.
 */
class OneRuntimeNameTest {

    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    private static String runtimeName(String effective) {
        int paren = effective.indexOf(" (");
        return paren > 0 ? effective.substring(0, paren) : effective;
    }

    @Test
    void everyActivityRunOfTheBuiltInFactoryRanOnARuntimeItsDefinitionsKnowThroughItsLinkedService() {
        SimDataset week = BuiltInDataset.generate(TestSim.JSON, NOW, 42);
        ObjectNode file = BuiltInDefinitions.file(TestSim.JSON);
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        file.get("integrationRuntimes").forEach(ir -> known.add(ir.get("name").asText()));
        LinkedRuntimes runtimes = LinkedRuntimes.of(file);

        Set<String> seen = new TreeSet<>();
        int copies = 0;
        for (ObjectNode run : week.pipelineRuns()) {
            for (ObjectNode a : week.activityRuns(run.get("runId").asText())) {
                JsonNode effective = a.path("output").get("effectiveIntegrationRuntime");
                if (effective == null) {
                    continue;
                }
                copies++;
                String name = runtimeName(effective.asText());
                assertThat(known).as(a.get("activityName").asText()).contains(name);
                assertThat(name).isEqualTo(runtimes.of(a.get("linkedServiceName").asText()).name());
                seen.add(a.get("linkedServiceName").asText() + " -> " + effective.asText());
            }
        }
        assertThat(copies).isGreaterThan(100);
        assertThat(seen).contains("ls_sqlserver_erp -> ir-selfhosted-onprem",
                "ls_sql_sales_prod -> ir-managed-vnet (West Europe)",
                "ls_blob_landing -> AutoResolveIntegrationRuntime (West Europe)");
        // The ERP failure's message names the same runtime.
        assertThat(AdfErrorTexts.SHIR_2010.formatted(runtimes.of("ls_sqlserver_erp").name()))
                .contains("'ir-selfhosted-onprem' is offline");
    }

    @Test
    void aDatasetFilesCopyThatNamesNoRuntimeRanWhereItsLinkedServiceConnectsVia() throws Exception {
        ObjectNode root = TestSim.JSON.createObjectNode();
        root.put("factory", "df-files");
        ObjectNode run = root.putArray("pipelineRuns").addObject();
        run.put("runId", "r1").put("pipelineName", "pl_files").put("status", "Failed")
                .put("runStart", "2026-12-06T01:00:00Z").put("runEnd", "2026-12-06T01:01:00Z")
                .put("lastUpdated", "2026-12-06T01:01:00Z");
        var acts = root.putArray("activityRuns");
        acts.addObject().put("pipelineRunId", "r1").put("activityName", "Copy files").put("activityType", "Copy")
                .put("linkedServiceName", "ls_files").put("status", "Failed");
        acts.addObject().put("pipelineRunId", "r1").put("activityName", "Copy lake").put("activityType", "Copy")
                .put("linkedServiceName", "ls_lake").put("status", "Succeeded")
                .putObject("output").put("effectiveIntegrationRuntime", "as-written (North Europe)");
        acts.addObject().put("pipelineRunId", "r1").put("activityName", "Copy sql").put("activityType", "Copy")
                .put("linkedServiceName", "ls_sql").put("status", "Succeeded");
        ObjectNode defs = root.putObject("definitions");
        defs.putArray("linkedServices").addObject().put("name", "ls_files").putObject("properties")
                .put("type", "FileServer").putObject("connectVia").put("referenceName", "ir-onprem");
        ((com.fasterxml.jackson.databind.node.ArrayNode) defs.get("linkedServices")).addObject().put("name", "ls_sql")
                .putObject("properties").put("type", "AzureSqlDatabase");
        defs.putArray("integrationRuntimes").addObject().put("name", "ir-onprem").putObject("properties")
                .put("type", "SelfHosted");
        Path file = Files.createTempFile("dataset", ".json");
        Files.writeString(file, TestSim.JSON.writeValueAsString(root));

        SimDataset d = SimDataset.load(file, TestSim.JSON, NOW);

        assertThat(d.activityRuns("r1")).extracting(a -> a.get("activityName").asText() + ": "
                + a.path("output").path("effectiveIntegrationRuntime").asText("-")).containsExactly(
                "Copy files: ir-onprem", "Copy lake: as-written (North Europe)",
                "Copy sql: AutoResolveIntegrationRuntime (West Europe)");
        Files.delete(file);
    }
}
