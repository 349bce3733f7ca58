package com.adfops.agent;

import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DefinedFactory;
import com.adfops.TestSim;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.RunStatus;
import com.adfops.analytics.Analytics;
import com.adfops.answers.AuditTrail;
import com.adfops.answers.ExportLinks;
import com.adfops.answers.Watchlist;
import com.adfops.cards.CardFactory;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.ImpactedPipeline;
import com.adfops.impact.NextRuns;
import com.adfops.runs.AdfTools;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The impact answers through the Teams path (question -> parser -> router -> reply -> card), over a factory whose
 * definitions come from a test Data Factory: a Copy that failed left a dataset stale for the pipelines that read it,
 * and the self-hosted runtime it ran on has a node offline.
 */
class ImpactAnswersTest {

    static final FactoryRef F = new FactoryRef("sub-q", "rg-q", "df-quay");
    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    static final Map<String, Instant> NEXT = Map.of("Finance-Report", Instant.parse("2026-12-06T06:00:00Z"),
            "Load_Invoices", Instant.parse("2026-12-06T08:00:00Z"));

    final DefinedFactory adf = DefinedFactory.harbor(F);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final AdfTools tools = new AdfTools(adf, clock);
    final OfflineAgent agent = new OfflineAgent(tools, new Analytics(tools), new InMemoryConversationStore(),
            new GuidanceFinder(com.adfops.docs.TestDocs.builtInOnly()), Duration.ofHours(12), AuditTrail.EMPTY,
            Watchlist.NONE, ExportLinks.NONE,
            new FactoryImpact(adf, (defs, now) -> p -> Optional.ofNullable(NEXT.get(p)), clock));
    final CardFactory cards = new CardFactory(TestSim.JSON);

    ImpactAnswersTest() {
        adf.failLoadInvoices("run-q-1", "shir-harbor (vm-a)");
        adf.add(adf.run("run-q-2", "Sales-Mart", RunStatus.SUCCEEDED, Instant.parse("2026-12-06T04:10:00Z"),
                Instant.parse("2026-12-06T04:20:00Z"), ""));
    }

    private AgentReply ask(String text) {
        return agent.handle(new Turn("conv-q", "Noor", text, Map.of(), ZoneId.of("UTC")));
    }

    private String card(Reply part) throws Exception {
        return TestSim.JSON.writeValueAsString(cards.card(part, new CardFactory.View(NOW, ZoneId.of("UTC"))));
    }

    @Test
    void aDiagnosisOfTheFailedCopySaysWhatItAffectsAndThatANodeWasOffline() throws Exception {
        Reply.DiagnosisCard d = part(ask("why did load invoices fail?"), Reply.DiagnosisCard.class);
        assertThat(d.impact().downstream().pipelines()).extracting(ImpactedPipeline::pipeline)
                .containsExactly("Sales-Mart", "Finance-Report", "Nightly_Orchestrator", "Exec-Dashboard");
        assertThat(card(d)).contains("Affects: 2 datasets, 4 downstream pipelines: Sales-Mart (already ran on stale "
                        + "data at 04:10 UTC), Finance-Report (next run 06:00 UTC), Nightly_Orchestrator (no next run known) "
                        + "and 1 more")
                .contains("Integration runtime shir-harbor: node vm-b offline since 01:02 UTC (read 01:15 UTC)");
        // The diagnosis read the run's activity runs once; the impact reused them.
        assertThat(adf.activityReads).hasValue(1);
    }

    @Test
    void whatDependsOnAPipelineIsItsDependantsCard() throws Exception {
        Reply.DependantsCard d = part(ask("what does Load_Invoices break?"), Reply.DependantsCard.class);
        assertThat(d.factory()).isEqualTo("df-quay");
        assertThat(d.dependants().pipelines()).extracting(ImpactedPipeline::pipeline)
                .contains("Finance-Report", "Sales-Mart", "Exec-Dashboard", "Nightly_Orchestrator");
        assertThat(card(d)).contains("What depends on Load_Invoices", "Pipelines that read them", "Execute Pipeline parents");
        // The one in focus after a diagnosis.
        ask("why did load invoices fail?");
        assertThat(part(ask("what is downstream of it?"), Reply.DependantsCard.class).dependants().pipeline())
                .isEqualTo("Load_Invoices");
    }

    @Test
    void theRuntimeQuestionsAnswerWithTheRuntimeCard() throws Exception {
        Reply.RuntimeHealth all = part(ask("is the self-hosted IR ok?"), Reply.RuntimeHealth.class);
        assertThat(all.runtimes().reports()).hasSize(1);
        assertThat(card(all)).contains("shir-harbor", "Degraded: not every node is online",
                "Node vm-b offline since 01:02 UTC", "Load_Invoices: next run 08:00 UTC");
        Reply.RuntimeHealth named = part(ask("is shir-harbor ok?"), Reply.RuntimeHealth.class);
        assertThat(named.runtimes().asked()).isEqualTo("shir-harbor");
        // A pipeline's name still asks for the pipeline.
        assertThat(ask("is Finance-Report ok?").parts()).noneMatch(Reply.RuntimeHealth.class::isInstance);
    }
}
