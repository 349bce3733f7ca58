package com.adfops.escalation;

import com.adfops.teams.EscalationFlow;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.DataFactoryException;
import com.adfops.runs.AdfTools;
import com.adfops.agent.AgentReply;
import com.adfops.agent.AgentScenario;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.agent.Reply;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Escalating a run over the real SDK and the simulated factory: recorded once, diagnosed, with guidance. */
class EscalationServiceTest {

    static AgentScenario scenario;
    static TestSim sim;
    static AdfTools tools;
    final JsonDocuments docs = new JsonDocuments(new InMemoryStateStore(), TestSim.JSON);
    final EscalationService service = new EscalationService(tools, new GuidanceFinder(TestDocs.builtInOnly()),
            new Escalations(docs));

    @BeforeAll
    static void start() {
        scenario = new AgentScenario();
        sim = TestSim.of(scenario.data.build(), 5);
        tools = new AdfTools(sim.adf, Clock.fixed(AgentScenario.NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void faults() {
        sim.server.clearFaults();
    }


    /** The outcome as Teams shows it (the face writes the words). */
    static <T extends Reply> T part(EscalationOutcome outcome, Class<T> type) {
        return com.adfops.agent.Replies.part(EscalationFlow.reply(outcome), type);
    }

    @Test
    void outcomesAreTypedAndCarryNoWords() {
        assertThat(service.escalate(null, null, "Dana")).isInstanceOf(EscalationOutcome.NoRun.class);
        assertThat(service.escalate("11111111-2222-3333-4444-555555555555", null, "Dana"))
                .isEqualTo(new EscalationOutcome.RunGone("11111111-2222-3333-4444-555555555555"));
    }

    @Test
    void theFirstEscalationIsRecordedAndTheSecondShowsIt() {
        Reply.Escalation e = part(service.escalate(scenario.monthClose.id(), null, "Dana"), Reply.Escalation.class);
        assertThat(e.created()).isTrue();
        assertThat(e.escalatedBy()).isEqualTo("Dana");
        assertThat(e.at()).isEqualTo(AgentScenario.NOW);
        assertThat(e.rootCause()).contains("Copy partition").contains("DelimitedTextMoreColumnsThanDefined");
        assertThat(e.guidance().available()).isTrue();
        assertThat(e.originLink()).isEmpty();

        Reply.Escalation second = part(service.escalate(scenario.monthClose.id(), "df-northwind-finance", "Sam"),
                Reply.Escalation.class);
        assertThat(second.created()).isFalse();
        assertThat(second.escalatedBy()).isEqualTo("Dana");
    }

    @Test
    void anUnknownOrForgedRunIsNotEscalated() {
        assertThat(part(service.escalate("11111111-2222-3333-4444-555555555555", null, "Dana"), Reply.Suggestions.class)
                .message()).contains("can't find run").contains("did not escalate");
        assertThat(part(service.escalate("../../etc/passwd", null, "Dana"), Reply.Suggestions.class).message())
                .contains("can't find run").doesNotContain("/");
        assertThat(part(service.escalate(null, null, "Dana"), Reply.Suggestions.class).message())
                .contains("did not say which run");
        assertThat(new Escalations(docs).find("df-northwind-finance", "11111111-2222-3333-4444-555555555555")).isEmpty();
    }

    @Test
    void aDataFactoryOutageIsAProblemReply() {
        sim.server.injectFault("pipelineruns", 403, "AuthorizationFailed", 10);
        Reply.Problem p = part(service.escalate(scenario.financeLatest.id(), null, "Dana"), Reply.Problem.class);
        assertThat(p.kind()).isEqualTo(DataFactoryException.Kind.PERMISSION);
    }
}
