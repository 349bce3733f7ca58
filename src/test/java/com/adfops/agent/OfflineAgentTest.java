package com.adfops.agent;

import com.adfops.answers.AuditRecord;
import com.adfops.answers.AuditTrail;
import com.adfops.answers.Watchlist;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.ErrorClass;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.PipelineStatus;
import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.DataFactoryException;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline agent over the real SDK and the simulated factory, with a dataset it has never seen. */
class OfflineAgentTest {

    static final com.adfops.docs.DocsService DOCS = com.adfops.docs.TestDocs.builtInOnly();
    static AgentScenario scenario;
    static TestSim sim;
    static AdfTools tools;
    InMemoryConversationStore store = new InMemoryConversationStore();
    OfflineAgent agent;

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

    private AgentReply ask(String text) {
        return ask("conv-1", text);
    }

    private AgentReply ask(String conversation, String text) {
        if (agent == null) {
            agent = new OfflineAgent(tools, store, new GuidanceFinder(DOCS), java.time.Duration.ofHours(12));
        }
        return agent.handle(new Turn(conversation, "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    private AgentReply click(Map<String, Object> data) {
        if (agent == null) {
            agent = new OfflineAgent(tools, store, new GuidanceFinder(DOCS), java.time.Duration.ofHours(12));
        }
        return agent.handle(new Turn("conv-1", "Dana", "", data, ZoneId.of("UTC")));
    }


    @Test
    void listsFailingPipelinesOfTheLast24HoursAndShowsRecoveredOnesApart() {
        FailingSummary s = part(ask("what pipelines are failing?"), Reply.Failing.class).summary();
        assertThat(s.window().label()).isEqualTo("the last 24 hours");
        assertThat(s.failing()).extracting(FailingSummary.Row::pipeline)
                .containsExactly("Finance-GL_Export", "orchestrate_month_close", "sales-dashboard");
        assertThat(s.recovered()).extracting(FailingSummary.Recovered::pipeline).containsExactly("marketing_sync");
        assertThat(s.active()).isEqualTo(1);
        // The child and grandchild that failed with it are one incident, under the top-level run.
        FailingSummary.Row parent = s.failing().get(1);
        assertThat(parent.folded()).extracting(com.adfops.adf.PipelineRun::pipelineName)
                .containsExactly("load_gl_detail", "stage_gl_rows");
        assertThat(parent.cause().inPipeline()).isEqualTo("stage_gl_rows");
        FailingSummary.Row fin = s.failing().get(0);
        assertThat(fin.shortError()).startsWith("SqlUnauthorizedAccess: Cannot connect to 'gl-sql'.");
    }

    @Test
    void windowWordsChangeTheWindow() {
        FailingSummary week = part(ask("what failed this week?"), Reply.Failing.class).summary();
        assertThat(week.window().label()).isEqualTo("this week");
        FailingSummary recent = part(ask("what failed in the last 90 minutes"), Reply.Failing.class).summary();
        assertThat(recent.failing()).extracting(FailingSummary.Row::pipeline).containsExactly("Finance-GL_Export");
    }

    @Test
    void whyDidItFailAfterAListWithOneFailureDiagnosesIt() {
        ask("what failed in the last 90 minutes?");
        Diagnosis d = part(ask("why did it fail?"), Reply.DiagnosisCard.class).diagnosis();
        assertThat(d.run().runId()).isEqualTo(scenario.financeLatest.id());
    }

    @Test
    void whyDidItFailWithSeveralFailuresAsksWhichOne() {
        ask("what pipelines are failing?");
        Reply.Suggestions s = part(ask("why did it fail?"), Reply.Suggestions.class);
        assertThat(s.questions()).contains("Why did Finance-GL_Export fail?");
    }

    @Test
    void whyDidPipelineFailToleratesCaseSeparatorsAndTypos() {
        for (String q : List.of("why did Finance-GL_Export fail?", "why did finance gl export fail", "Why did FINANCE_GL_EXPORT fail",
                "why did finanse-gl-exprot fail?")) {
            Diagnosis d = part(ask(q), Reply.DiagnosisCard.class).diagnosis();
            assertThat(d.run().runId()).as(q).isEqualTo(scenario.financeLatest.id());
            assertThat(d.rootCause().activity().activityName()).isEqualTo("Copy GL");
            assertThat(d.errorClass()).isEqualTo(ErrorClass.AUTHENTICATION);
        }
    }

    @Test
    void andTheOneBeforeWalksBackThroughFailures() {
        ask("why did finance gl export fail?");
        Diagnosis older = part(ask("and the one before?"), Reply.DiagnosisCard.class).diagnosis();
        assertThat(older.run().runId()).isEqualTo(scenario.financeOlder.id());
        assertThat(older.errorClass()).isEqualTo(ErrorClass.MISSING_SOURCE);
        Reply.Text none = part(ask("and the one before that?"), Reply.Text.class);
        // Names from Data Factory are escaped in markdown messages, so they show literally.
        assertThat(none.text()).contains("no earlier failure").contains("**Finance-GL\\_Export**");
    }

    @Test
    void diagnosisFollowsNestedPipelinesAndForEachToTheDeepestFailure() {
        Diagnosis d = part(ask("why did orchestrate month close fail"), Reply.DiagnosisCard.class).diagnosis();
        assertThat(d.run().runId()).isEqualTo(scenario.monthClose.id());
        Diagnosis.FailedActivity root = d.rootCause();
        assertThat(root.activity().activityName()).isEqualTo("Copy partition");
        assertThat(root.pipelineName()).isEqualTo("stage_gl_rows");
        assertThat(root.path()).isEqualTo("Run GL load › load_gl_detail › Run staging › stage_gl_rows › Each partition › Copy partition");
        assertThat(root.occurrences()).isEqualTo(2);
        assertThat(root.depth()).isEqualTo(3);
        assertThat(d.errorClass()).isEqualTo(ErrorClass.DATA_SCHEMA);
        assertThat(d.failed()).extracting(f -> f.activity().activityName())
                .containsExactly("Run GL load", "Run staging", "Each partition", "Copy partition");
    }

    @Test
    void failedRunWithoutFailedActivitiesStillGetsAnAnswer() {
        Diagnosis d = part(ask("why did sales dashboard fail?"), Reply.DiagnosisCard.class).diagnosis();
        assertThat(d.hasRootCause()).isFalse();
        assertThat(d.run().message()).contains("timed out");
        assertThat(d.errorClass()).isEqualTo(ErrorClass.NETWORK);
    }

    @Test
    void unknownPipelineSaysSoAndOffersTheClosest() {
        Reply.Suggestions s = part(ask("why did finance_gl_import_v2 fail?"), Reply.Suggestions.class);
        assertThat(s.message()).contains("can't find a pipeline").contains("finance_gl_import_v2");
        assertThat(s.questions()).contains("Why did Finance-GL_Export fail?");
    }

    @Test
    void statusShowsRecoveryAndHealth() {
        PipelineStatus m = part(ask("status of marketing sync"), Reply.Status.class).status();
        assertThat(m.recovered()).isTrue();
        assertThat(m.failed()).isEqualTo(1);
        PipelineStatus hr = part(ask("how is hr_snapshot doing?"), Reply.Status.class).status();
        assertThat(hr.lastFailure()).isNull();
        assertThat(hr.succeeded()).isEqualTo(1);
    }

    @Test
    void aPipelineThatNeverFailedIsNotDiagnosed() {
        AgentReply r = ask("why did hr_snapshot fail?");
        assertThat(part(r, Reply.Text.class).text()).contains("no failed runs");
    }

    @Test
    void runIdIsDiagnosedDirectly() {
        Diagnosis d = part(ask("what happened to " + scenario.financeOlder.id() + "?"), Reply.DiagnosisCard.class).diagnosis();
        assertThat(d.run().runId()).isEqualTo(scenario.financeOlder.id());
        Reply.Text ok = part(ask(scenario.hrOk.id()), Reply.Text.class);
        assertThat(ok.text()).contains("did not fail");
    }

    @Test
    void helpAndUnknownQuestions() {
        assertThat(ask("help").parts()).containsExactly(new Reply.Help(false, ""));
        Reply.Suggestions s = part(ask("what's the weather in Oslo?"), Reply.Suggestions.class);
        assertThat(s.message()).contains("I can list failing pipelines");
    }

    @Test
    void clearHistoryForgetsOnlyThisConversation() {
        ask("why did finance gl export fail?");
        ask("conv-2", "why did marketing sync fail?");
        assertThat(store.load("conv-1").getFocus()).isNotNull();
        assertThat(part(ask("clear history"), Reply.Cleared.class).text()).startsWith("History cleared.");
        assertThat(store.load("conv-1").isEmpty()).isTrue();
        assertThat(store.load("conv-2").getFocus().pipeline()).isEqualTo("marketing_sync");
        assertThat(part(ask("and the one before?"), Reply.Suggestions.class).message()).contains("don't know which pipeline");
    }

    @Test
    void cardActionsDrillDownAndFollowUp() {
        Diagnosis d = part(click(Map.of("action", "diagnose", "runId", scenario.monthClose.id(),
                "factory", "df-northwind-finance")), Reply.DiagnosisCard.class).diagnosis();
        assertThat(d.rootCause().activity().activityName()).isEqualTo("Copy partition");

        Reply.Suggestions f = part(click(Map.of("action", "followup", "runId", scenario.monthClose.id())), Reply.Suggestions.class);
        assertThat(f.questions()).contains("And the one before?", "Status of orchestrate_month_close");

        assertThat(part(click(Map.of("action", "clear")), Reply.Cleared.class).text()).startsWith("History cleared.");
    }

    @Test
    void staleOrForgedSubmitsGetAClearReply() {
        Reply.Suggestions unknownRun = part(click(Map.of("action", "diagnose", "runId", "11111111-2222-3333-4444-555555555555")),
                Reply.Suggestions.class);
        assertThat(unknownRun.message()).contains("can't find run");
        Reply.Suggestions noRun = part(click(Map.of("action", "diagnose")), Reply.Suggestions.class);
        assertThat(noRun.title()).contains("out of date");
        Reply.Suggestions weird = part(click(Map.of("action", "<script>rerun")), Reply.Suggestions.class);
        assertThat(weird.message()).contains("don't know that button").doesNotContain("<script>");
        Reply.Suggestions badId = part(click(Map.of("action", "diagnose", "runId", "../../etc/passwd")), Reply.Suggestions.class);
        assertThat(badId.message()).contains("can't find run");
    }

    @Test
    void dataFactoryFailuresBecomeAProblemReplyNotAnException() {
        sim.server.injectFault("querypipelineruns", 403, "AuthorizationFailed", 10);
        Reply.Problem p = part(ask("what pipelines are failing?"), Reply.Problem.class);
        assertThat(p.kind()).isEqualTo(DataFactoryException.Kind.PERMISSION);
        assertThat(p.message()).contains("AuthorizationFailed").doesNotContain("127.0.0.1");
    }

    @Test
    void diagnosisCarriesGuidanceForTheRootCause() {
        Reply.DiagnosisCard card = part(ask("why did orchestrate month close fail"), Reply.DiagnosisCard.class);
        assertThat(card.guidance().available()).isTrue();
        assertThat(card.guidance().source()).isEqualTo("built-in docs index");
        assertThat(card.guidance().results().get(0).url()).contains("connector-troubleshoot-delimited-text");
    }

    @Test
    void howToQuestionsAreAnsweredFromTheDocs() {
        Reply.DocsAnswer rerun = part(ask("how do I rerun from a failed activity?"), Reply.DocsAnswer.class);
        assertThat(rerun.guidance().results().get(0).url()).contains("monitor-visually");
        Reply.DocsAnswer code = part(ask("what does error 2108 mean?"), Reply.DocsAnswer.class);
        assertThat(code.guidance().results().get(0).title()).contains("Web activity");
    }

    @Test
    void secretsInErrorMessagesNeverReachTheReply() {
        Diagnosis d = part(ask("why did finance gl export fail?"), Reply.DiagnosisCard.class).diagnosis();
        // The raw activity keeps ADF's text; everything shown goes through ErrorText, which masks it.
        assertThat(ErrorText.full(d.rootCause().activity().error().message(), 2000)).doesNotContain("hunter2");
    }

    @Test
    void failedActivitiesOfANamedPipelineOpenTheList() {
        Reply.DiagnosisCard card = part(ask("Show me failed orchestrate_month_close activities"), Reply.DiagnosisCard.class);
        assertThat(card.diagnosis().run().runId()).isEqualTo(scenario.monthClose.id());
        assertThat(card.activitiesOpen()).isTrue();
        assertThat(card.resolutionSteps()).isEmpty();
        Reply.DiagnosisCard again = part(ask("what activities failed in it?"), Reply.DiagnosisCard.class);
        assertThat(again.diagnosis().run().runId()).isEqualTo(scenario.monthClose.id());
    }

    @Test
    void troubleshootingAPipelineGivesItsDiagnosisGuidanceAndNumberedSteps() {
        Reply.DiagnosisCard card = part(ask("How do I troubleshoot the orchestrate month close pipeline failure?"),
                Reply.DiagnosisCard.class);
        assertThat(card.diagnosis().run().runId()).isEqualTo(scenario.monthClose.id());
        assertThat(card.guidance().available()).isTrue();
        assertThat(card.resolutionSteps()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(card.resolutionSteps().get(0)).startsWith("1. ").contains("Copy partition");
        assertThat(card.resolutionSteps()).anyMatch(x -> x.contains(ErrorClass.DATA_SCHEMA.nextStep()));
        // A topic rather than a pipeline: the documentation answers.
        assertThat(part(ask("how do I fix a permissions problem?"), Reply.DocsAnswer.class).guidance().available()).isTrue();
    }

    @Test
    void questionsTheBotCannotAnswerYetSaySoInsteadOfAWrongCard() {
        // Anomalies are the slower-than-usual runs of the performance card; a chart of failures is the trend's.
        assertThat(ask("show me a chart of anomalies").parts()).anyMatch(p -> p instanceof Reply.Performance);
        assertThat(ask("which pipelines fail most often").parts()).anyMatch(p -> p instanceof Reply.Trends);
        // SLAs are the schedule card's, over every pipeline.
        assertThat(part(ask("are we meeting our SLAs"), Reply.OnSchedule.class).scope()).isNull();
        for (String q : List.of("compare pl_a versus pl_b")) {
            AgentReply r = ask(q);
            assertThat(r.parts()).as(q).noneMatch(p -> p instanceof Reply.Failing || p instanceof Reply.DiagnosisCard);
            Reply.Suggestions s = part(r, Reply.Suggestions.class);
            assertThat(s.title()).as(q).startsWith("Not yet");
            assertThat(s.message()).as(q).doesNotContain("can't find a pipeline");
            assertThat(s.questions()).as(q).isNotEmpty();
        }
    }

    @Test
    void aShareButtonsDataIsCheckedLikeAQuestion() {
        java.time.Instant now = AgentScenario.NOW;
        // Data from the client: a window reaching years back, a very long label, a name given by the clicker.
        Reply.Export shared = part(click(Map.of("action", "sharereport", "from", now.minus(java.time.Duration.ofDays(4000)).toString(),
                "to", now.toString(), "label", "x".repeat(500))), Reply.Export.class);
        assertThat(shared.window().from()).isEqualTo(now.minus(java.time.Duration.ofDays(45)));
        assertThat(shared.window().label().length()).isLessThanOrEqualTo(61);
        assertThat(shared.sharedBy()).isEqualTo("Dana");
        assertThat(shared.link()).isEmpty();
        assertThat(shared.shareable()).isFalse();
        assertThat(part(click(Map.of("action", "exportlink", "from", "yesterday", "to", now.toString())),
                Reply.Suggestions.class).title()).isEqualTo("That card is out of date");
        assertThat(part(click(Map.of("action", "exportlink", "from", now.minus(java.time.Duration.ofDays(900)).toString(),
                "to", now.minus(java.time.Duration.ofDays(800)).toString())), Reply.Suggestions.class).message())
                .contains("older than the run history kept");
    }

    @Test
    void typedRerunOrCancelShowsTheCardWhoseButtonProposesItAndNeverActs() {
        AgentReply r = ask("rerun orchestrate_month_close from the failed activity");
        assertThat(part(r, Reply.Text.class).text()).contains("Rerun from failed activity").contains("confirm");
        assertThat(part(r, Reply.DiagnosisCard.class).diagnosis().run().runId()).isEqualTo(scenario.monthClose.id());
        assertThat(part(ask("rerun it"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(scenario.monthClose.id());

        // Nothing runs: the latest run is finished, so there is nothing to cancel, and the status says so.
        AgentReply c = ask("cancel orchestrate_month_close");
        assertThat(part(c, Reply.Text.class).text()).startsWith("Nothing to cancel");
        assertThat(part(c, Reply.Status.class).status().pipeline()).isEqualTo("orchestrate_month_close");

        assertThat(part(ask("rerun no_such_pipeline_here"), Reply.Suggestions.class).title()).isEqualTo("Unknown pipeline");
    }

    @Test
    void theAuditQuestionReadsTheAuditTrailNewestFirst() {
        java.time.Instant now = AgentScenario.NOW;
        List<AuditRecord> log = List.of(
                new AuditRecord(now.minusSeconds(7200), "Ana", "oid-a", "rerunfromfailure", "df-northwind-finance",
                        "orchestrate_month_close", "r1", "r2", "started run r2", ""),
                new AuditRecord(now.minusSeconds(600), "Bo", "oid-b", "resolve", "df-northwind-finance",
                        "Finance-GL_Export", "r3", "", "resolved", "rotated the key"));
        OfflineAgent withAudit = new OfflineAgent(tools, new InMemoryConversationStore(),
                new GuidanceFinder(DOCS), java.time.Duration.ofHours(12), (from, to) -> log.stream()
                        .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList());
        Reply.Audit all = part(withAudit.handle(new Turn("c-audit", "u", "what was done today?", Map.of(),
                java.time.ZoneId.of("UTC"))), Reply.Audit.class);
        assertThat(all.window()).isEqualTo("today");
        assertThat(all.entries()).extracting(AuditRecord::who).containsExactly("Bo", "Ana");
        Reply.Audit one = part(withAudit.handle(new Turn("c-audit", "u", "audit for orchestrate month close",
                Map.of(), java.time.ZoneId.of("UTC"))), Reply.Audit.class);
        assertThat(one.pipeline()).isEqualTo("orchestrate_month_close");
        assertThat(one.entries()).extracting(AuditRecord::runId).containsExactly("r1");
        // The model never words it: the audit is a standard answer.
        assertThat(withAudit.withoutModel(new Turn("c-audit", "u", "what was done today?", Map.of(),
                java.time.ZoneId.of("UTC")))).isPresent();
    }

    @Test
    void watchingIsPerConversationResolvesNamesAndListsWithUnwatch() {
        com.adfops.alerts.Watches watches = new com.adfops.alerts.Watches(
                new com.adfops.state.JsonDocuments(new com.adfops.state.InMemoryStateStore(), TestSim.JSON));
        OfflineAgent a = new OfflineAgent(tools, new InMemoryConversationStore(), new GuidanceFinder(DOCS),
                java.time.Duration.ofHours(12), AuditTrail.EMPTY, watches);
        java.util.function.BiFunction<String, String, AgentReply> say = (conv, text) ->
                a.handle(new Turn(conv, "Dana", text, Map.of(), ZoneId.of("UTC")));

        Reply.Watching w = part(say.apply("chan-1", "watch orchestrate month close"), Reply.Watching.class);
        assertThat(w.message()).startsWith("Watching orchestrate_month_close here");
        assertThat(part(say.apply("chan-1", "watch Finance-*"), Reply.Watching.class).watches())
                .extracting(Watchlist.Watch::pattern).containsExactly("orchestrate_month_close", "Finance-*");
        assertThat(part(say.apply("chan-1", "watch Finance-*"), Reply.Watching.class).watches()).as("no duplicates").hasSize(2);
        assertThat(part(say.apply("chan-2", "what am I watching?"), Reply.Watching.class).watches()).isEmpty();
        assertThat(part(say.apply("chan-1", "watch pl_does_not_exist_anywhere"), Reply.Suggestions.class).title())
                .isEqualTo("Unknown pipeline");
        assertThat(part(say.apply("chan-1", "watch all pipelines in factory df-nope"), Reply.Suggestions.class).title())
                .isEqualTo("Unknown factory");

        // The Watch button and the Unwatch button.
        AgentReply clicked = a.handle(new Turn("chan-2", "Bo", "", Map.of("action", "watch", "pipeline", "Finance-GL_Export",
                "factory", "df-northwind-finance"), ZoneId.of("UTC")));
        assertThat(part(clicked, Reply.Watching.class).watches()).singleElement()
                .satisfies(x -> assertThat(x.factory()).isEqualTo("df-northwind-finance"));
        AgentReply un = a.handle(new Turn("chan-1", "Bo", "", Map.of("action", "unwatch", "pattern", "Finance-*"),
                ZoneId.of("UTC")));
        assertThat(part(un, Reply.Watching.class).watches()).extracting(Watchlist.Watch::pattern)
                .containsExactly("orchestrate_month_close");
        assertThat(part(say.apply("chan-1", "stop watching everything"), Reply.Watching.class).watches()).isEmpty();
        assertThat(watches.watchers()).containsExactly("chan-2");
        // The model never gets these.
        assertThat(a.withoutModel(new Turn("c", "u", "watch all pipelines", Map.of(), ZoneId.of("UTC")))).isPresent();
    }

    @Test
    void sinceYesterdayRunsFromYesterdaysStartUntilNow() {
        FailingSummary s = part(ask("what failed since yesterday?"), Reply.Failing.class).summary();
        assertThat(s.window().label()).isEqualTo("since yesterday");
        assertThat(s.window().from()).isEqualTo(java.time.Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(s.window().to()).isEqualTo(AgentScenario.NOW);
        assertThat(s.failing()).extracting(FailingSummary.Row::pipeline).contains("Finance-GL_Export");
    }

    @Test
    void expiredContextIsNotUsedForFollowUps() {
        ask("why did finance gl export fail?");
        com.adfops.state.ConversationContext old = store.load("conv-1");
        assertThat(old.getFocus()).isNotNull();
        old.setUpdated(AgentScenario.NOW.minus(java.time.Duration.ofHours(13)));
        store.save("conv-1", old);
        Reply.Suggestions s = part(ask("why did it fail?"), Reply.Suggestions.class);
        assertThat(s.title()).contains("expired");
        assertThat(s.message()).contains("12 hours");
        assertThat(s.questions()).contains("What pipelines are failing?");
        // A fresh question works and starts new context.
        part(ask("why did finance gl export fail?"), Reply.DiagnosisCard.class);
        assertThat(part(ask("and the one before?"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(scenario.financeOlder.id());
    }

    @Test
    void areYouConnectedSaysWhichFactoriesItCanReadAndWhatToDoOtherwise() {
        Reply.Access ok = part(ask("are you connected?"), Reply.Access.class);
        assertThat(ok.factories()).extracting(com.adfops.adf.FactoryStatus::factory).containsExactly("df-northwind-finance");
        assertThat(ok.factories().get(0).readable()).isTrue();
        sim.server.injectFault("/pipelines", 403, "AuthorizationFailed", 5);
        Reply.Access denied = part(ask("check access"), Reply.Access.class);
        assertThat(denied.factories().get(0).state()).isEqualTo(com.adfops.adf.FactoryStatus.State.FAILING);
        assertThat(denied.factories().get(0).fix()).contains("Ask an owner of factory df-northwind-finance");
    }

    private Agent.Effort effort(String text) {
        ask("warm-up");
        return agent.effort(new Turn("conv-1", "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    @Test
    void costQuestionsOverManyRunsAndWindowsPastTheMemoryAreHeavy() {
        // Ten finished runs in the week whose billing nobody read yet: more than a turn reads on the turn threads.
        agent = new OfflineAgent(new AdfTools(sim.adf, Clock.fixed(AgentScenario.NOW, ZoneOffset.UTC)), store,
                new GuidanceFinder(DOCS), java.time.Duration.ofHours(12));
        Agent.Effort cost = effort("what did we spend this week?");
        assertThat(cost.heavy()).isTrue();
        assertThat(cost.doing()).isEqualTo("reading the cost of 10 runs of this week");
        assertThat(cost.narrower()).isNotEmpty();
        assertThat(effort("trends for the last 30 days")).satisfies(e -> {
            assertThat(e.heavy()).isTrue();
            assertThat(e.doing()).isEqualTo("reading the runs of the last 30 days");
        });
        assertThat(agent.effort(new Turn("conv-1", "Dana", "", Map.of("action", "ask", "text", "most expensive pipelines"),
                ZoneId.of("UTC"))).heavy()).isTrue();
        // Questions from memory, a pipeline with few runs, an unknown pipeline: light.
        assertThat(effort("help").heavy()).isFalse();
        assertThat(effort("what pipelines are failing?").heavy()).isFalse();
        assertThat(effort("trends for the last 7 days").heavy()).isFalse();
        assertThat(effort("what did marketing_sync cost this week?").heavy()).isFalse();
        assertThat(effort("what did pl_nope_zzz cost this week?").heavy()).isFalse();
        // Once answered, the runs' billing is kept: the same question reads nothing and is light.
        assertThat(part(agent.handleHeavy(new Turn("conv-1", "Dana", "what did we spend this week?", Map.of(),
                ZoneId.of("UTC"))), Reply.Cost.class).summary().coverage().complete()).isTrue();
        assertThat(effort("what did we spend this week?").heavy()).isFalse();
    }

    @Test
    void aHeavyAnswerIsTheSameAnswerAndLeavesTheContextAlone() {
        ask("why did Finance-GL_Export fail?");
        com.adfops.state.ConversationContext before = store.load("conv-1").copy();
        AgentReply heavy = agent.handleHeavy(new Turn("conv-1", "Dana", "what did we spend this week?", Map.of(),
                ZoneId.of("UTC")));
        assertThat(part(heavy, Reply.Cost.class).summary().runsCounted()).isEqualTo(10);
        assertThat(store.load("conv-1").sameState(before)).isTrue();
        assertThat(store.load("conv-1").getUpdated()).isEqualTo(before.getUpdated());
    }
}
