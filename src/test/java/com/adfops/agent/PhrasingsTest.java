package com.adfops.agent;

import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.ErrorClass;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.runs.AdfTools;
import com.adfops.runs.FailingSummary;
import static com.adfops.agent.Replies.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.cards.CardFactory;
import com.adfops.docs.TestDocs;
import com.adfops.state.InMemoryConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Questions as a new user phrases them, end to end through the offline agent, on two factories the project has never
 * seen (issue 23, point 5): yes/no and "still running?" answered in the headline, a window on a diagnosis, a list
 * scoped to a group, a pattern or a factory, typos in command words, pipelines named by description (with "did you
 * mean" when two fit), and a pipeline's name winning over an analytics word in it.
 *
 * <p>Now is Thursday 2026-11-26 15:30 UTC. Every expectation below is worked out from the runs listed here.
 */
class PhrasingsTest {

    static final Instant NOW = Instant.parse("2026-11-26T15:30:00Z");
    static final Instant TODAY = Instant.parse("2026-11-26T00:00:00Z");
    static TestSim retail;
    static TestSim hr;
    static AdfTools tools;
    static DatasetBuilder.Run glYesterday;
    static DatasetBuilder.Run glToday;
    static DatasetBuilder.Run dimToday;

    static Instant today(int hour, int minute) {
        return TODAY.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }

    @BeforeAll
    static void start() {
        DatasetBuilder r = new DatasetBuilder("df-contoso-retail");
        // Failed at 07:00-07:10, succeeded 13:52-14:02: recovered.
        r.run("PL_Copy_Sales_Daily", today(7, 0), 600, "Failed")
                .message("Operation on target Copy sales failed: The source table dbo.Sales is missing.");
        r.run("PL_Copy_Sales_Daily", today(13, 52), 600, "Succeeded");
        r.run("PL_Copy_Sales_Hourly", today(15, 0), 300, "Succeeded");
        r.run("sales_orders_ingest", today(10, 0), 300, "Failed").message("Operation on target Ingest failed: timeout");
        r.run("fact_sales_load", today(11, 0), 300, "Failed").message("Operation on target Load facts failed: deadlock");
        // Failed yesterday 09:00-09:10 (a missing blob) and today 08:00-08:10 (a login); succeeded on Monday.
        glYesterday = r.run("copy-gl-to-lake", TODAY.minus(Duration.ofHours(15)), 600, "Failed")
                .activity("Copy GL", "Copy", 5, 60, "Failed", "2200",
                        "ErrorCode=UserErrorSourceBlobNotExists,'Message=The required Blob is missing. BlobPrefix: gl/,Source=x,'")
                .message("Operation on target Copy GL failed: blob missing");
        glToday = r.run("copy-gl-to-lake", today(8, 0), 600, "Failed")
                .activity("Copy GL", "Copy", 5, 60, "Failed", "2200",
                        "ErrorCode=SqlUnauthorizedAccess,'Message=Cannot connect to 'gl-sql'. Login failed for user 'etl'.,Source=x,'")
                .message("Operation on target Copy GL failed: login failed");
        r.run("copy-gl-to-lake", TODAY.minus(Duration.ofDays(3)).plus(Duration.ofHours(9)), 600, "Succeeded");
        dimToday = r.run("dim_product_load", today(12, 0), 300, "Failed")
                .activity("Load dim", "Copy", 5, 60, "Failed", "2200", "Type conversion failed")
                .message("Operation on target Load dim failed: Type conversion failed");
        r.run("IngestCustomerDataV2", TODAY.minus(Duration.ofHours(9)), 1800, "Succeeded");
        r.run("IngestCustomerDataV2", today(15, 0), 0, "InProgress");
        r.run("trend_loader", today(6, 0), 120, "Succeeded");
        r.run("cost_sync", today(5, 0), 120, "Succeeded");
        r.run("cost_sync", TODAY.minus(Duration.ofDays(2)), 120, "Failed");
        r.run("nightly_gl_load", today(2, 0), 900, "Succeeded");
        DatasetBuilder h = new DatasetBuilder("df-contoso-hr");
        h.run("hr_snapshot_load", today(9, 0), 300, "Failed").message("Operation on target Snapshot failed: no rows");
        h.run("payroll-export", today(4, 0), 300, "Succeeded");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        retail = TestSim.of(r.build(), 50, clock);
        hr = TestSim.of(h.build(), 50, clock);
        tools = new AdfTools(new TwoFactories(retail, hr), clock);
    }

    @AfterAll
    static void stop() {
        retail.close();
        hr.close();
    }

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final OfflineAgent agent = new OfflineAgent(tools, store, new GuidanceFinder(TestDocs.builtInOnly()),
            Duration.ofHours(12));

    private AgentReply ask(String text) {
        return agent.handle(new Turn("conv-phrasings", "Dana", text, Map.of(), ZoneId.of("UTC")));
    }

    /** The status card's first line, as Teams shows it. */
    private static String headline(AgentReply r) {
        return new CardFactory(TestSim.JSON).card(part(r, Reply.Status.class), new CardFactory.View(NOW, ZoneId.of("UTC")))
                .path("body").get(0).path("inlines").get(0).path("text").asText();
    }

    @Test
    void isItFailingAfterItRecoveredSaysNoInTheHeadlineAndNeverShowsTheOldFailure() {
        AgentReply r = ask("is PL_Copy_Sales_Daily failing?");
        assertThat(r.parts()).noneMatch(Reply.DiagnosisCard.class::isInstance);
        assertThat(part(r, Reply.Status.class).answer().verdict()).isEqualTo(StatusAnswer.Verdict.NO);
        assertThat(headline(r)).isEqualTo("No: the latest run succeeded at 14:02 UTC; it failed at 07:10 UTC before");
        assertThat(headline(ask("is copy sales daily ok?")))
                .isEqualTo("Yes: the latest run succeeded at 14:02 UTC; it failed at 07:10 UTC before");
        assertThat(headline(ask("is dim_product_load failing?"))).startsWith("Yes: the latest run failed at 12:05 UTC (Load dim:");
        assertThat(headline(ask("is nightly_gl_load broken?")))
                .isEqualTo("No: the latest run succeeded at 02:15 UTC; no failures in the last 7 days");
        assertThat(headline(ask("did copy-gl-to-lake fail yesterday?"))).startsWith("Yes: it failed at Nov 25, 09:10 UTC");
        assertThat(headline(ask("did copy-gl-to-lake fail on Monday?"))).isEqualTo(
                "No: no failures on Monday, Nov 23; the latest run succeeded at Nov 23, 09:10 UTC");
        assertThat(headline(ask("did trend_loader run yesterday?"))).isEqualTo("No: no runs yesterday");
        assertThat(headline(ask("did trend_loader run today?")))
                .isEqualTo("Yes: it ran once today; the latest run succeeded at 06:02 UTC");
    }

    @Test
    void stillRunningIsAnsweredWithTheTimeItHasRun() {
        assertThat(headline(ask("is IngestCustomerDataV2 still running?"))).isEqualTo("Yes: running for 30m 0s, since 15:00 UTC");
        assertThat(headline(ask("<at>ADF Ops</at> is the ingest customer data v2 pipeline still running")))
                .isEqualTo("Yes: running for 30m 0s, since 15:00 UTC");
        assertThat(headline(ask("is dim_product_load still running?")))
                .isEqualTo("No: the latest run failed at 12:05 UTC after 5m 0s");
        assertThat(headline(ask("is IngestCustomerDataV2 done yet?"))).isEqualTo("No: still running for 30m 0s, since 15:00 UTC");
        // The run in focus: "is it still running?" after asking about it.
        ask("status of IngestCustomerDataV2");
        assertThat(headline(ask("is it still running?"))).isEqualTo("Yes: running for 30m 0s, since 15:00 UTC");
    }

    @Test
    void aWindowOnADiagnosisDiagnosesTheFailureInThatWindow() {
        Diagnosis yesterday = part(ask("why did copy-gl-to-lake fail yesterday?"), Reply.DiagnosisCard.class).diagnosis();
        assertThat(yesterday.run().runId()).isEqualTo(glYesterday.id());
        assertThat(yesterday.errorClass()).isEqualTo(ErrorClass.MISSING_SOURCE);
        // Without a window: the latest failure, today's.
        assertThat(part(ask("why did copy-gl-to-lake fail?"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(glToday.id());
        // The run in focus, yesterday.
        assertThat(part(ask("why did it fail yesterday?"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(glYesterday.id());
        // No failure in the window: said so, with the status of that window.
        AgentReply monday = ask("copy-gl-to-lake's errors on Monday");
        assertThat(part(monday, Reply.Text.class).text()).isEqualTo("**copy-gl-to-lake** did not fail on Monday, Nov 23.");
        assertThat(part(monday, Reply.Status.class).status().succeeded()).isEqualTo(1);
        assertThat(monday.parts()).noneMatch(Reply.DiagnosisCard.class::isInstance);
        assertThat(part(ask("why did trend_loader fail today"), Reply.Text.class).text())
                .isEqualTo("**trend\\_loader** did not fail today.");
    }

    @Test
    void aListScopedToAGroupAPatternOrAFactoryHoldsOnlyTheirFailures() {
        AgentReply sales = ask("what broke in the sales pipelines?");
        FailingSummary s = part(sales, Reply.Failing.class).summary();
        assertThat(s.failing()).extracting(FailingSummary.Row::pipeline).containsExactly("fact_sales_load", "sales_orders_ingest");
        assertThat(s.recovered()).extracting(FailingSummary.Recovered::pipeline).containsExactly("PL_Copy_Sales_Daily");
        assertThat(part(sales, Reply.Text.class).text()).startsWith("Only the 4 pipelines matching “sales”:");
        // The same in other words, with a window.
        assertThat(part(ask("failures in the sales pipelines today"), Reply.Failing.class).summary().failing())
                .extracting(FailingSummary.Row::pipeline).containsExactly("fact_sales_load", "sales_orders_ingest");
        // A pattern, across both factories.
        assertThat(part(ask("what's failing in *_load?"), Reply.Failing.class).summary().failing())
                .extracting(FailingSummary.Row::pipeline)
                .containsExactly("dim_product_load", "fact_sales_load", "hr_snapshot_load");
        // A factory by its name alone.
        FailingSummary hrOnly = part(ask("what failed in df-contoso-hr today?"), Reply.Failing.class).summary();
        assertThat(hrOnly.factories()).containsExactly("df-contoso-hr");
        assertThat(hrOnly.failing()).extracting(FailingSummary.Row::pipeline).containsExactly("hr_snapshot_load");
        // Without a scope: everything.
        assertThat(part(ask("what's failing?"), Reply.Failing.class).summary().failing()).hasSize(5);
        // Words that name nothing: said so, and everything shown.
        AgentReply none = ask("what broke in the marketing pipelines?");
        assertThat(part(none, Reply.Text.class).text()).startsWith("No pipeline or factory here has “marketing”");
        assertThat(part(none, Reply.Failing.class).summary().failing()).hasSize(5);
    }

    @Test
    void typosInCommandWordsAreForgiven() {
        assertThat(part(ask("whats failng right now?"), Reply.Failing.class).summary().failing()).hasSize(5);
        assertThat(part(ask("diagnoze dim_product_load"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(dimToday.id());
        assertThat(part(ask("stauts of dim_product_load"), Reply.Status.class).status().pipeline()).isEqualTo("dim_product_load");
        assertThat(part(ask("why did copy-gl-to-lake fial yesterady?"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(glYesterday.id());
    }

    @Test
    void aPipelineNamedByDescriptionIsFoundOrAskedAbout() {
        assertThat(part(ask("status of the nightly GL load"), Reply.Status.class).status().pipeline()).isEqualTo("nightly_gl_load");
        assertThat(part(ask("why did the gl lake copy fail yesterday"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(glYesterday.id());
        assertThat(part(ask("why did the product dim load fail"), Reply.DiagnosisCard.class).diagnosis().run().runId())
                .isEqualTo(dimToday.id());
        // Two names fit equally: never the whole failing list, never a guess.
        AgentReply r = ask("why did the sales copy pipeline fail?");
        assertThat(r.parts()).noneMatch(p -> p instanceof Reply.Failing || p instanceof Reply.DiagnosisCard);
        Reply.Suggestions which = part(r, Reply.Suggestions.class);
        assertThat(which.title()).isEqualTo("Which pipeline?");
        assertThat(which.message()).isEqualTo("Did you mean **PL\\_Copy\\_Sales\\_Daily** or **PL\\_Copy\\_Sales\\_Hourly**?");
        assertThat(which.questions()).containsExactly("Why did PL_Copy_Sales_Daily fail?", "Why did PL_Copy_Sales_Hourly fail?");
        assertThat(part(ask("is the sales copy pipeline still running"), Reply.Suggestions.class).questions())
                .containsExactly("Is PL_Copy_Sales_Daily still running?", "Is PL_Copy_Sales_Hourly still running?");
        assertThat(part(ask("the sales copy pipeline"), Reply.Suggestions.class).questions())
                .containsExactly("Status of PL_Copy_Sales_Daily", "Status of PL_Copy_Sales_Hourly");
        assertThat(part(ask("how do I fix the sales copy pipeline?"), Reply.Suggestions.class).questions())
                .containsExactly("How do I fix PL_Copy_Sales_Daily?", "How do I fix PL_Copy_Sales_Hourly?");
        // A choice, clicked, is answered.
        assertThat(headline(ask(which.questions().get(0).replace("Why did", "Did").replace("fail?", "fail today?"))))
                .startsWith("Yes: it failed at 07:10 UTC");
    }

    @Test
    void aPipelinesNameWinsOverAnAnalyticsWordInIt() {
        AgentReply trend = ask("is the trend loader ok?");
        assertThat(part(trend, Reply.Status.class).status().pipeline()).isEqualTo("trend_loader");
        assertThat(headline(trend)).isEqualTo("Yes: the latest run succeeded at 06:02 UTC; no failures in the last 7 days");
        AgentReply cost = ask("how's the cost sync doing?");
        assertThat(part(cost, Reply.Status.class).status().pipeline()).isEqualTo("cost_sync");
        assertThat(cost.parts()).noneMatch(p -> p instanceof Reply.Suggestions s && s.title().startsWith("Not yet"));
        // Where the words name no pipeline, the analytics word keeps its meaning.
        assertThat(ask("show me trends for the last week").parts()).anyMatch(Reply.Trends.class::isInstance);
    }

    /** Two simulated factories behind one port. */
    static final class TwoFactories implements DataFactory {
        private final List<TestSim> sims;

        TwoFactories(TestSim... sims) {
            this.sims = List.of(sims);
        }

        private DataFactory of(FactoryRef f) {
            return sims.stream().filter(s -> s.factory.equals(f)).findFirst().orElseThrow().adf;
        }

        @Override
        public List<FactoryRef> factories() {
            return sims.stream().map(s -> s.factory).toList();
        }

        @Override
        public List<String> listPipelineNames(FactoryRef factory) {
            return of(factory).listPipelineNames(factory);
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
            return of(factory).queryPipelineRuns(factory, query);
        }

        @Override
        public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
            return of(factory).queryActivityRuns(factory, run);
        }

        @Override
        public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
            return of(factory).getPipelineRun(factory, runId);
        }
    }
}
