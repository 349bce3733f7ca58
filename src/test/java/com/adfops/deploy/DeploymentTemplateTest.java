package com.adfops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.config.AdfProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The ARM template, checked without Azure: it parses, it writes exactly the settings the app binds, no secrets. */
class DeploymentTemplateTest {

    static final Path TEMPLATE = Path.of("deploymentTemplates/azuredeploy.json");
    static final Path PARAMETERS = Path.of("deploymentTemplates/azuredeploy.parameters.example.json");
    static JsonNode template;
    static String text;

    /** Settings the template writes that are read by a library rather than by our binding, and who reads them. */
    static final Map<String, String> READ_BY_LIBRARIES = Map.of(
            "AZURE_CLIENT_ID", "azure-identity's DefaultAzureCredential: which user-assigned identity to use",
            "JAVA_OPTS", "the App Service Java runtime: options of the JVM it starts (the heap)");

    @BeforeAll
    static void load() throws Exception {
        text = Files.readString(TEMPLATE);
        template = TestSim.JSON.readTree(text);
    }

    static String applicationYml() {
        try {
            return Files.readString(Path.of("src/main/resources/application.yml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** App setting names the template writes (literal names, and the per-factory list names with index 0). */
    static Set<String> appSettingNames() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("createObject\\('name', '([A-Za-z0-9_]+)'").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        Matcher f = Pattern.compile("format\\('(ADFOPS_[A-Z0-9_{}]+)'").matcher(text);
        while (f.find()) {
            names.add(f.group(1).replace("{0}", "0"));
        }
        return names;
    }

    static JsonNode resource(String type) {
        for (JsonNode r : template.get("resources")) {
            if (r.get("type").asText().equals(type)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + type);
    }

    @Test
    void parsesAndReferencesOnlyDeclaredParametersAndVariables() throws Exception {
        assertThat(template.get("$schema").asText()).contains("deploymentTemplate.json");
        Set<String> params = new LinkedHashSet<>();
        template.get("parameters").fieldNames().forEachRemaining(params::add);
        Set<String> vars = new LinkedHashSet<>();
        template.get("variables").fieldNames().forEachRemaining(vars::add);
        template.get("variables").get("copy").forEach(c -> vars.add(c.get("name").asText()));
        // The nested templates declare their own parameters; check the outer ones only.
        StringBuilder outer = new StringBuilder();
        collectOuterStrings(template, outer);
        Matcher p = Pattern.compile("parameters\\('([A-Za-z]+)'\\)").matcher(outer);
        while (p.find()) {
            assertThat(params).as("parameter " + p.group(1)).contains(p.group(1));
        }
        Matcher v = Pattern.compile("variables\\('([A-Za-z]+)'\\)").matcher(text);
        while (v.find()) {
            assertThat(vars).as("variable " + v.group(1)).contains(v.group(1));
        }
        JsonNode example = TestSim.JSON.readTree(Files.readString(PARAMETERS));
        example.get("parameters").fieldNames().forEachRemaining(n -> assertThat(params).contains(n));
        assertThat(params).contains("existingFactories", "existingAiProjectResourceId");
    }

    /** Every string of the template outside nested deployments' own templates. */
    static void collectOuterStrings(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("template")) {
                    collectOuterStrings(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectOuterStrings(n, out));
        }
    }

    @Test
    void everyAppSettingIsAKeyTheApplicationBinds() {
        Set<String> names = appSettingNames();
        assertThat(names).isNotEmpty();
        Map<String, Object> env = new LinkedHashMap<>();
        for (String n : names) {
            env.put(n, switch (n) {
                case "SERVER_PORT" -> "80";
                case "ADFOPS_ADF_FACTORIES_0_SUBSCRIPTIONID" -> "sub-0";
                case "ADFOPS_ADF_FACTORIES_0_RESOURCEGROUP" -> "rg-0";
                case "ADFOPS_ADF_FACTORIES_0_NAME" -> "factory-0";
                case "ADFOPS_HISTORY_RETENTION" -> "120d";
                case "ADFOPS_MCP_ENABLED" -> "true";
                default -> "value-of-" + n;
            });
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("template-systemEnvironment", env));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));

        for (String n : names) {
            if (READ_BY_LIBRARIES.containsKey(n)) {
                continue;
            }
            boolean bound = switch (n) {
                case "SERVER_PORT" -> "80".equals(environment.getProperty("server.port"));
                case "SERVER_ADDRESS" -> env.get(n).equals(environment.getProperty("server.address"));
                case "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppType", "MicrosoftAppPassword" ->
                        env.get(n).equals(environment.getProperty(n));
                case "ADFOPS_STATE_STORE", "ADFOPS_STATE_BLOBENDPOINT", "ADFOPS_STATE_BLOBCONTAINER" -> true;
                case "ADFOPS_HISTORY_WORKSPACEID" -> env.get(n).equals(binder.bind("adfops.history",
                        com.adfops.config.HistoryProperties.class).get().workspaceId());
                case "ADFOPS_HISTORY_RETENTION" -> binder.bind("adfops.history",
                        com.adfops.config.HistoryProperties.class).get().retention().equals(java.time.Duration.ofDays(120));
                case "ADFOPS_ALERTS_AUDIENCE" -> env.get(n).equals(binder.bind("adfops.alerts",
                        com.adfops.config.AlertsProperties.class).get().audience());
                case "ADFOPS_ALERTS_TENANTID" -> env.get(n).equals(binder.bind("adfops.alerts",
                        com.adfops.config.AlertsProperties.class).get().tenantId());
                case "ADFOPS_MCP_ENABLED" -> Boolean.TRUE.equals(mcp(binder).enabled());
                case "ADFOPS_MCP_AUDIENCE" -> env.get(n).equals(mcp(binder).audience());
                case "ADFOPS_MCP_CLIENTID" -> env.get(n).equals(mcp(binder).clientId());
                case "ADFOPS_MCP_TENANTS" -> mcp(binder).tenants().equals(java.util.List.of(env.get(n)));
                case "ADFOPS_ACTIONS_ALLOWED" -> binder.bind("adfops.actions", com.adfops.config.ActionsProperties.class)
                        .get().allowed().equals(java.util.List.of(env.get(n)));
                // Read through application.yml placeholders into adfops.foundry.*.
                case "AZURE_AI_PROJECT_ENDPOINT", "AZURE_AI_MODEL_DEPLOYMENT_NAME" -> applicationYml().contains("${" + n + ":");
                default -> n.startsWith("ADFOPS_ADF_FACTORIES_");
            };
            assertThat(bound).as(n + " is read by the application").isTrue();
        }
        com.adfops.config.StateProperties state = binder.bind("adfops.state", com.adfops.config.StateProperties.class).get();
        assertThat(state.store()).isEqualTo(env.get("ADFOPS_STATE_STORE"));
        assertThat(state.blobEndpoint()).isEqualTo(env.get("ADFOPS_STATE_BLOBENDPOINT"));
        assertThat(state.blobContainer()).isEqualTo(env.get("ADFOPS_STATE_BLOBCONTAINER"));
        AdfProperties adf = binder.bind("adfops.adf", AdfProperties.class).get();
        assertThat(adf.allFactories()).containsExactly(new AdfProperties.Factory("sub-0", "rg-0", "factory-0"));
    }

    private static com.adfops.config.McpProperties mcp(Binder binder) {
        return binder.bind("adfops.mcp", com.adfops.config.McpProperties.class).get();
    }

    /** The MCP server is off unless an Application ID URI is given; then tokens of the subscription's tenant. */
    @Test
    void theMcpServerIsOptInAndNeedsTokens() {
        assertThat(template.at("/parameters/mcpIdentifierUri/defaultValue").asText("x")).isEmpty();
        assertThat(text).contains("createObject('name', 'ADFOPS_MCP_ENABLED', 'value', if(empty(parameters('mcpIdentifierUri')), "
                + "'false', 'true'))");
        assertThat(text).contains("createObject('name', 'ADFOPS_MCP_AUDIENCE', 'value', parameters('mcpIdentifierUri'))");
        assertThat(text).contains("createObject('name', 'ADFOPS_MCP_TENANTS', 'value', subscription().tenantId)");
    }

    @Test
    void everyRequiredSettingIsWritten() {
        assertThat(appSettingNames()).contains("ADFOPS_STATE_STORE", "ADFOPS_STATE_BLOBENDPOINT", "ADFOPS_STATE_BLOBCONTAINER");
        assertThat(appSettingNames()).contains("MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppType",
                "SERVER_PORT", "SERVER_ADDRESS", "ADFOPS_ADF_FACTORIES_0_SUBSCRIPTIONID",
                "ADFOPS_ADF_FACTORIES_0_RESOURCEGROUP", "ADFOPS_ADF_FACTORIES_0_NAME");
        assertThat(text).contains("createObject('name', 'MicrosoftAppType', 'value', 'UserAssignedMSI')");
        // The heap follows the plan's memory (the README's recommendation), instead of the JVM's default quarter.
        assertThat(text).contains("createObject('name', 'JAVA_OPTS', 'value', '-XX:MaxRAMPercentage=70");
    }

    @Test
    void everyAppSettingIsDocumentedInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String n : appSettingNames()) {
            String documented = n.startsWith("ADFOPS_ADF_FACTORIES_0_") ? "ADFOPS_ADF_FACTORIES_0_" : n;
            assertThat(readme).as(n + " in the README").contains(documented);
        }
    }

    @Test
    void messagingEndpointAndHealthCheckMatchTheControllers() throws Exception {
        JsonNode bot = resource("Microsoft.BotService/botServices");
        assertThat(bot.at("/properties/endpoint").asText()).contains("https://{0}/api/messages");
        Class<?> controller = Class.forName("com.adfops.teams.BotController");
        Method incoming = null;
        for (Method m : controller.getDeclaredMethods()) {
            if (m.isAnnotationPresent(PostMapping.class)) {
                incoming = m;
            }
        }
        assertThat(incoming).isNotNull();
        assertThat(incoming.getAnnotation(PostMapping.class).path()).containsExactly("/api/messages");

        JsonNode site = resource("Microsoft.Web/sites");
        String health = site.at("/properties/siteConfig/healthCheckPath").asText();
        Method check = Class.forName("com.adfops.teams.HealthController").getDeclaredMethod("health");
        assertThat(check.getAnnotation(GetMapping.class).value()).containsExactly(health);
        assertThat(site.at("/properties/httpsOnly").asBoolean()).isTrue();
        assertThat(site.at("/properties/siteConfig/linuxFxVersion").asText()).isEqualTo("JAVA|17-java17");
        assertThat(bot.at("/properties/msaAppType").asText()).isEqualTo("UserAssignedMSI");
        JsonNode teams = resource("Microsoft.BotService/botServices/channels");
        assertThat(teams.at("/properties/channelName").asText()).isEqualTo("MsTeamsChannel");
    }

    @Test
    void factoryRoleIsLeastPrivilege() {
        JsonNode role = resource("Microsoft.Authorization/roleDefinitions");
        List<String> actions = TestSim.JSON.convertValue(role.at("/properties/permissions/0/actions"),
                TestSim.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(actions).contains("Microsoft.DataFactory/factories/querypipelineruns/action",
                "Microsoft.DataFactory/factories/pipelineruns/queryactivityruns/action",
                "Microsoft.DataFactory/factories/pipelineruns/read", "Microsoft.DataFactory/factories/pipelines/read");
        assertThat(actions).allMatch(a -> a.startsWith("Microsoft.DataFactory/factories/"))
                .noneMatch(a -> a.contains("*") || a.endsWith("/write") || a.endsWith("/delete")
                        || a.contains("createrun") || a.contains("cancel"));
    }

    @Test
    void theRunOperatorRoleIsOptInAndAllowsOnlyStartingAndCancellingRuns() {
        JsonNode operator = null;
        for (JsonNode r : template.get("resources")) {
            if (r.path("properties").path("roleName").asText().startsWith("[format('ADF run operator")) {
                operator = r;
            }
        }
        assertThat(operator).as("the ADF run operator role").isNotNull();
        assertThat(operator.path("condition").asText()).contains("parameters('enableRunOperatorRole')");
        assertThat(template.at("/parameters/enableRunOperatorRole/defaultValue").asBoolean(true)).isFalse();
        List<String> actions = TestSim.JSON.convertValue(operator.at("/properties/permissions/0/actions"),
                TestSim.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(actions).containsExactlyInAnyOrder("Microsoft.DataFactory/factories/pipelines/createrun/action",
                "Microsoft.DataFactory/factories/pipelineruns/cancel/action");
        // Assigned per factory only when enabled (an empty role id skips the assignment).
        String nested = template.get("resources").toString();
        assertThat(nested).contains("[not(empty(parameters('operatorRoleDefinitionId')))]")
                .contains("[if(parameters('enableRunOperatorRole'), resourceId('Microsoft.Authorization/roleDefinitions', "
                        + "variables('runOperatorRoleName')), '')]");
    }

    @Test
    void monitorAlertsAreOptInAndPostToTheBotsSecureWebhook() {
        JsonNode group = resource("Microsoft.Insights/actionGroups");
        assertThat(group.path("condition").asText()).isEqualTo("[parameters('enableMonitorAlerts')]");
        assertThat(template.at("/parameters/enableMonitorAlerts/defaultValue").asBoolean(true)).isFalse();
        JsonNode hook = group.at("/properties/webhookReceivers/0");
        assertThat(hook.path("serviceUri").asText()).contains("/api/alerts");
        assertThat(hook.path("useCommonAlertSchema").asBoolean()).isTrue();
        assertThat(hook.path("useAadAuth").asBoolean()).isTrue();
        assertThat(hook.path("identifierUri").asText()).isEqualTo("[parameters('alertsIdentifierUri')]");
        JsonNode rule = resource("Microsoft.Insights/metricAlerts");
        assertThat(rule.path("condition").asText()).isEqualTo("[parameters('enableMonitorAlerts')]");
        JsonNode c = rule.at("/properties/criteria/allOf/0");
        assertThat(c.path("metricName").asText()).isEqualTo("PipelineFailedRuns");
        assertThat(c.path("metricNamespace").asText()).isEqualTo("Microsoft.DataFactory/factories");
        assertThat(c.at("/dimensions/0/name").asText()).isEqualTo("Name");
        assertThat(rule.at("/properties/actions/0/actionGroupId").asText()).contains("actionGroupName");
    }

    @Test
    void theHistoryWorkspaceIsOptInAndReadWithLogAnalyticsReader() {
        JsonNode role = null;
        for (JsonNode r : template.get("resources")) {
            if (r.path("name").asText().equals("history-workspace-role")) {
                role = r;
            }
        }
        assertThat(role).as("a role assignment on the workspace").isNotNull();
        assertThat(role.path("condition").asText()).contains("existingLogAnalyticsWorkspaceResourceId");
        assertThat(template.at("/parameters/existingLogAnalyticsWorkspaceResourceId/defaultValue").asText()).isEmpty();
        assertThat(template.at("/variables/logAnalyticsReader").asText()).isEqualTo("73c42c96-874c-492b-b04d-ab87d138a893");
        JsonNode assignment = role.at("/properties/template/resources/0");
        assertThat(assignment.path("type").asText()).isEqualTo("Microsoft.Authorization/roleAssignments");
        assertThat(assignment.path("scope").asText()).contains("Microsoft.OperationalInsights/workspaces/");
        // The bot is given the workspace ID (a GUID), not its resource id, and only when one is configured.
        assertThat(text).contains("reference(parameters('existingLogAnalyticsWorkspaceResourceId'), '2022-10-01').customerId");
        // Factories' diagnostic settings only on request, to resource-specific tables.
        JsonNode factoryDeployment = resource("Microsoft.Resources/deployments");
        JsonNode diag = null;
        for (JsonNode r : factoryDeployment.at("/properties/template/resources")) {
            if (r.path("type").asText().equals("Microsoft.Insights/diagnosticSettings")) {
                diag = r;
            }
        }
        assertThat(diag).isNotNull();
        assertThat(diag.at("/properties/logAnalyticsDestinationType").asText()).isEqualTo("Dedicated");
        assertThat(diag.at("/properties/logs").findValuesAsText("category")).containsExactly("PipelineRuns", "ActivityRuns");
        assertThat(template.at("/parameters/sendFactoryLogsToWorkspace/defaultValue").asBoolean(true)).isFalse();
    }

    @Test
    void noSecretsInTheTemplates() throws Exception {
        for (Path p : List.of(TEMPLATE, PARAMETERS)) {
            String t = Files.readString(p);
            assertThat(t).as(p.toString()).doesNotContainIgnoringCase("AccountKey=").doesNotContain("listKeys(")
                    .doesNotContainIgnoringCase("sig=").doesNotContainIgnoringCase("password")
                    .doesNotContainIgnoringCase("clientSecret");
            assertThat(Pattern.compile("(?=[A-Za-z0-9+]*[0-9])(?=[A-Za-z0-9+]*[a-z])(?=[A-Za-z0-9+]*[A-Z])[A-Za-z0-9+]{32,}={0,2}").matcher(t).find()).as("key-like string in " + p).isFalse();
        }
        template.get("parameters").fields().forEachRemaining(e -> {
            if (e.getKey().toLowerCase().matches(".*(secret|password|key|token).*")) {
                assertThat(e.getValue().get("type").asText()).as(e.getKey()).isIn("securestring", "secureObject");
            }
        });
        JsonNode storage = resource("Microsoft.Storage/storageAccounts");
        assertThat(storage.at("/properties/allowSharedKeyAccess").asBoolean(true)).isFalse();
        assertThat(storage.at("/properties/allowBlobPublicAccess").asBoolean(true)).isFalse();
    }
}
