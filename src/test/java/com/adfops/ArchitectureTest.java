package com.adfops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules: SDKs stay behind their ports, only the wiring picks implementations, no package cycles. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.adfops");
    }

    @Test
    void onlyTeamsImportsTheBotFramework() {
        noClasses().that().resideOutsideOfPackage("com.adfops.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
                .check(classes);
    }

    @Test
    void onlyTheAdfImplementationImportsTheDataFactorySdk() {
        noClasses().that().resideOutsideOfPackage("com.adfops.adf.implementation..")
                .should().dependOnClassesThat().resideInAPackage("com.azure.resourcemanager..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("com.adfops.adf.implementation..")
                .should().dependOnClassesThat().resideInAPackage("com.azure.monitor..")
                .because("the Log Analytics query client is used only by the archive of runs").check(classes);
        // azure-identity: Data Factory credentials, and the bot's managed identity for the Bot Connector.
        noClasses().that().resideOutsideOfPackages("com.adfops.adf.implementation..", "com.adfops.teams..",
                        "com.adfops.state.implementation..", "com.adfops.agent.foundry..", "com.adfops.config..")
                .should().dependOnClassesThat().resideInAPackage("com.azure.identity..")
                .check(classes);
    }

    @Test
    void onlyTheDocsImplementationImportsMcp() {
        noClasses().that().resideOutsideOfPackage("com.adfops.docs.implementation..")
                .and().resideOutsideOfPackage("com.adfops.config..")
                .and().resideOutsideOfPackage("com.adfops.mcp..")
                .should().dependOnClassesThat().resideInAPackage("io.modelcontextprotocol..")
                .check(classes);
        noClasses().that().resideInAPackage("com.adfops.docs..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.agent..", "com.adfops.teams..",
                        "com.adfops.cards..", "com.adfops.adf..", "com.adfops.sim..")
                .check(classes);
    }

    @Test
    void onlyTheFoundryAgentImportsTheAgentsSdk() {
        noClasses().that().resideOutsideOfPackages("com.adfops.agent.foundry..", "com.adfops.config..")
                .should().dependOnClassesThat().resideInAPackage("com.azure.ai..")
                .check(classes);
    }

    @Test
    void onlyTheStateImplementationImportsTheStorageSdk() {
        noClasses().that().resideOutsideOfPackage("com.adfops.state.implementation..")
                .should().dependOnClassesThat().resideInAPackage("com.azure.storage..")
                .check(classes);
    }

    /**
     * The layers, stated once: faces -> capabilities -> core -> ports, with the adapters and the wiring at the edge.
     * A layer may use the layers below it; nothing may use a face or the wiring; the conversation (and the model's
     * tools in it) reaches no capability, so the model can never act or alert.
     */
    /** The settings records: read from the environment in {@code config}, handed to the edge that needs them. */
    static final DescribedPredicate<JavaClass> SETTINGS = DescribedPredicate.describe("settings records",
            c -> c.getName().matches("com\\.adfops\\.config\\.\\w+Properties(\\$.*)?"));

    @Test
    void layersFlowOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Wiring").definedBy(resideInAPackage("com.adfops.config..").and(not(SETTINGS)))
                .layer("Settings").definedBy(SETTINGS)
                .layer("Teams face").definedBy("com.adfops.teams..", "com.adfops.cards..")
                .layer("MCP face").definedBy("com.adfops.mcp..")
                .layer("Conversation").definedBy("com.adfops.agent..")
                .layer("Tools").definedBy("com.adfops.tools..")
                .layer("Capabilities").definedBy("com.adfops.actions..", "com.adfops.alerts..",
                        "com.adfops.escalation..", "com.adfops.export..")
                .layer("Core").definedBy("com.adfops.runs..", "com.adfops.diagnosis..", "com.adfops.analytics..",
                        "com.adfops.schedule..", "com.adfops.impact..",
                        "com.adfops.answers..")
                .layer("Ports").definedBy("com.adfops.adf", "com.adfops.state", "com.adfops.docs", "com.adfops.billing..")
                .layer("Adapters").definedBy("com.adfops.adf.implementation..", "com.adfops.state.implementation..",
                        "com.adfops.docs.implementation..", "com.adfops.index..", "com.adfops.sim..",
                        "com.adfops.logging..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Teams face").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("MCP face").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Conversation").mayOnlyBeAccessedByLayers("Teams face", "Wiring")
                // The tools (schemas and compact JSON over the core): the model's (agent.foundry) and MCP's alike.
                .whereLayer("Tools").mayOnlyBeAccessedByLayers("Conversation", "MCP face", "Wiring")
                .whereLayer("Capabilities").mayOnlyBeAccessedByLayers("Teams face", "Capabilities", "Wiring")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Teams face", "MCP face", "Conversation", "Tools",
                        "Capabilities", "Core", "Wiring")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Adapters", "Wiring")
                .whereLayer("Settings").mayOnlyBeAccessedByLayers("Teams face", "Wiring")
                .check(classes);
    }

    /** What each layer may not know, beyond the table: the core and the ports know no face and no card. */
    @Test
    void theCoreAndThePortsKnowNoFace() {
        noClasses().that().resideInAnyPackage("com.adfops.runs..", "com.adfops.diagnosis..", "com.adfops.analytics..",
                        "com.adfops.schedule..", "com.adfops.impact..",
                        "com.adfops.answers..", "com.adfops.adf", "com.adfops.state", "com.adfops.docs",
                        "com.adfops.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.bot..", "com.azure.resourcemanager..",
                        "com.azure.ai..", "com.azure.storage..", "io.modelcontextprotocol..")
                .because("the core returns typed results; faces render them").allowEmptyShould(true)
                .check(classes);
    }

    /** Time comes from the injected clock, so tests (and two instances) agree on "now". */
    @Test
    void capabilitiesAndTheCoreReadTheInjectedClock() {
        noClasses().that().resideInAnyPackage("com.adfops.actions..", "com.adfops.alerts..", "com.adfops.escalation..",
                        "com.adfops.export..", "com.adfops.runs..", "com.adfops.diagnosis..", "com.adfops.analytics..",
                        "com.adfops.agent..", "com.adfops.billing..", "com.adfops.index..", "com.adfops.schedule..",
                        "com.adfops.impact..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }

    @Test
    void theModelCannotAct() {
        // Neither agent (nor its tools) can reach the port's Create Run or Cancel.
        noClasses().that().resideInAPackage("com.adfops.agent..")
                .should().callMethod(com.adfops.adf.DataFactory.class, "createRun", com.adfops.adf.FactoryRef.class,
                        com.adfops.adf.RunRequest.class)
                .orShould().callMethod(com.adfops.adf.DataFactory.class, "cancelRun", com.adfops.adf.FactoryRef.class,
                        String.class, boolean.class)
                .check(classes);
    }

    @Test
    void settingsAreReadOnlyThroughTheirRecords() {
        noClasses().that().resideOutsideOfPackage("com.adfops.config..")
                .should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("getProperty"))
                        .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                                JavaClass.Predicates.assignableTo(org.springframework.core.env.PropertyResolver.class)))))
                .because("settings are records of config (BotProperties for MicrosoftAppId and its kin), never raw reads")
                .check(classes);
    }

    /**
     * The MCP face reads the core through the tools the model has too ({@code tools.ToolRunner}; {@code runs}, {@code adf},
     * {@code docs}) and nothing of the other faces or the capabilities that act; only the wiring knows it.
     */
    @Test
    void theMcpFaceReadsTheCoreAndOnlyTheWiringKnowsIt() {
        noClasses().that().resideInAPackage("com.adfops.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.teams..", "com.adfops.cards..",
                        "com.adfops.actions..", "com.adfops.alerts..", "com.adfops.escalation..", "com.adfops.export..",
                        "com.adfops.state..", "com.adfops.sim..", "com.adfops.index..", "com.adfops.billing..",
                        "com.adfops.agent..", "com.adfops.config..", "..implementation..", "com.microsoft.bot..",
                        "com.azure..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("com.adfops.mcp..", "com.adfops.config..")
                .should().dependOnClassesThat().resideInAPackage("com.adfops.mcp..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("com.adfops.mcp..")
                .should().dependOnClassesThat().resideInAPackage("com.nimbusds..")
                .because("bearer tokens of the MCP server are checked in one place").check(classes);
    }

    @Test
    void theRunIndexKnowsOnlyTheDataFactoryPort() {
        noClasses().that().resideInAPackage("com.adfops.index..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.agent..", "com.adfops.teams..",
                        "com.adfops.cards..", "com.adfops.state..", "com.adfops.config..", "com.adfops.sim..",
                        "com.adfops.docs..", "com.adfops.escalation..", "com.adfops.adf.implementation..")
                .check(classes);
    }
}
