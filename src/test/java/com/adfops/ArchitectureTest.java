package com.adfops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
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

    @Test
    void theDataFactoryPortDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("com.adfops.adf")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.agent..", "com.adfops.cards..",
                        "com.adfops.teams..", "com.adfops.sim..", "com.adfops.state..", "com.adfops.config..",
                        "com.adfops.adf.implementation..")
                .check(classes);
    }

    @Test
    void theAgentKnowsNeitherTeamsNorCardsNorTheSdk() {
        noClasses().that().resideInAPackage("com.adfops.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.teams..", "com.adfops.cards..",
                        "com.adfops.sim..", "com.adfops.adf.implementation..", "com.adfops.config..")
                .check(classes);
    }

    @Test
    void cardsAndSimulatorStayInTheirLane() {
        noClasses().that().resideInAPackage("com.adfops.cards..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.teams..", "com.adfops.sim..",
                        "com.adfops.adf.implementation..", "com.adfops.config..")
                .check(classes);
        noClasses().that().resideInAPackage("com.adfops.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.adf..", "com.adfops.agent..",
                        "com.adfops.cards..", "com.adfops.teams..", "com.adfops.state..", "com.adfops.config..")
                .check(classes);
    }

    @Test
    void onlyTheWiringPicksImplementations() {
        noClasses().that().resideOutsideOfPackage("com.adfops.config..")
                .and().resideOutsideOfPackage("..implementation..")
                .should().dependOnClassesThat().resideInAPackage("..implementation..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("com.adfops.config..", "com.adfops.agent.foundry..")
                .should().dependOnClassesThat().resideInAPackage("com.adfops.agent.foundry..")
                .check(classes);
    }

    @Test
    void billingKnowsOnlyThePortAndTheStore() {
        noClasses().that().resideInAPackage("com.adfops.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.agent..", "com.adfops.cards..",
                        "com.adfops.teams..", "com.adfops.index..", "com.adfops.sim..", "com.adfops.config..",
                        "com.adfops.adf.implementation..", "com.adfops.state.implementation..")
                .because("the ledger reads through the Data Factory port and keeps its summaries in the state store")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("com.adfops.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void escalationKnowsNeitherTeamsNorCards() {
        noClasses().that().resideInAPackage("com.adfops.escalation..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.teams..", "com.adfops.cards..",
                        "com.adfops.config..", "com.adfops.sim..")
                .check(classes);
        noClasses().that().resideInAPackage("com.adfops.agent..")
                .should().dependOnClassesThat().resideInAPackage("com.adfops.escalation..")
                .check(classes);
    }

    @Test
    void actionsKnowNeitherTeamsNorCardsAndTheAgentCannotAct() {
        noClasses().that().resideInAPackage("com.adfops.actions..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.teams..", "com.adfops.cards..",
                        "com.adfops.config..", "com.adfops.sim..", "com.microsoft.bot..")
                .check(classes);
        // The model never triggers an action: neither agent (nor its tools) can reach the actions package, nor call
        // the port's Create Run or Cancel.
        noClasses().that().resideInAPackage("com.adfops.agent..")
                .should().dependOnClassesThat().resideInAPackage("com.adfops.actions..")
                .orShould().callMethod(com.adfops.adf.DataFactory.class, "createRun", com.adfops.adf.FactoryRef.class,
                        com.adfops.adf.RunRequest.class)
                .orShould().callMethod(com.adfops.adf.DataFactory.class, "cancelRun", com.adfops.adf.FactoryRef.class,
                        String.class, boolean.class)
                .check(classes);
    }

    @Test
    void alertsKnowNeitherTeamsNorCards() {
        noClasses().that().resideInAPackage("com.adfops.alerts..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.teams..", "com.adfops.cards..",
                        "com.adfops.config..", "com.adfops.sim..", "com.adfops.actions..", "com.microsoft.bot..")
                .check(classes);
        noClasses().that().resideInAPackage("com.adfops.agent..")
                .should().dependOnClassesThat().resideInAPackage("com.adfops.alerts..")
                .check(classes);
    }

    @Test
    void settingsAreReadOnlyThroughTheirRecords() {
        noClasses().that().resideOutsideOfPackage("com.adfops.config..")
                .should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                .check(classes);
    }

    /**
     * The MCP face reads the core through the model's tool runner ({@code agent.ToolRunner}; {@code runs}, {@code adf},
     * {@code docs}) and nothing of the other faces or the capabilities that act; only the wiring knows it.
     */
    @Test
    void theMcpFaceReadsTheCoreAndOnlyTheWiringKnowsIt() {
        noClasses().that().resideInAPackage("com.adfops.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("com.adfops.teams..", "com.adfops.cards..",
                        "com.adfops.actions..", "com.adfops.alerts..", "com.adfops.escalation..", "com.adfops.export..",
                        "com.adfops.state..", "com.adfops.sim..", "com.adfops.index..", "com.adfops.billing..",
                        "com.adfops.agent.foundry..", "com.adfops.config..", "..implementation..", "com.microsoft.bot..",
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
