package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.ErrorClass;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.PipelineStatus;
import com.adfops.agent.Reply;
import com.adfops.runs.TimeWindow;
import com.adfops.docs.DocResult;
import com.adfops.docs.Guidance;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text from outside (names, messages, parameters, user names, docs titles, model arguments) is data: fed with
 * markdown, a link, a Teams mention and a template expression, every card shows it only as a TextRun (which renders
 * no markdown), a button title or button data, never as markdown, a link target or an expression.
 */
class UntrustedTextTest {

    static final String P = "**bold** [click](https://evil.example/x) <at>Boss</at> ${x} _u_";
    static final Instant NOW = CardSamples.NOW;
    static final FactoryRef F = new FactoryRef("sub", "rg", "df " + P);
    static final CardFactory FACTORY = new CardFactory(TestSim.JSON);

    static PipelineRun run(String id, RunStatus status, String rerunOf) {
        Instant start = NOW.minus(Duration.ofHours(2));
        return new PipelineRun(F, id, "pl " + P, status, "Operation on target Copy " + P + " failed: " + P, start,
                start.plusSeconds(60), start.plusSeconds(60), 60_000L, Map.of("p " + P, "v " + P), "ScheduleTrigger",
                "tr " + P, null, null, rerunOf);
    }

    static Map<String, Reply> hostile() {
        PipelineRun failed = run("run " + P, RunStatus.FAILED, null);
        PipelineRun rerun = run("rerun " + P, RunStatus.CANCELLED, "run " + P);
        PipelineRun ok = run("ok " + P, RunStatus.SUCCEEDED, null);
        TimeWindow day = new TimeWindow(NOW.minus(Duration.ofHours(24)), NOW, "the last 24 hours");
        ActivityRun act = new ActivityRun("run " + P, "pl " + P, "act-1", "Copy " + P, "Copy" + P, RunStatus.FAILED,
                NOW.minusSeconds(600), NOW.minusSeconds(500), 100_000L,
                new ActivityError("2200" + P, "ErrorCode=TypeConversionFailure," + P, "UserError" + P, "target " + P),
                null, null, "ls", null);
        Diagnosis.FailedActivity fa = new Diagnosis.FailedActivity(act, 1, "Run " + P + " › Copy " + P, "pl " + P, "run " + P, 2);
        Diagnosis d = new Diagnosis(failed, List.of(fa), fa, ErrorClass.DATA_SCHEMA, 3, false);
        Guidance g = new Guidance("Microsoft Learn", List.of(new DocResult("Title " + P,
                "https://learn.microsoft.com/en-us/azure/data-factory/x", "Excerpt " + P)), "Note " + P);
        Map<String, Reply> m = new LinkedHashMap<>();
        m.put("failing", new Reply.Failing(new FailingSummary(day, List.of(F.factoryName()), 3, 1,
                List.of(new FailingSummary.Row("pl " + P, F.factoryName(), failed, 1, "short " + P, "parent " + P, rerun)),
                List.of(new FailingSummary.Recovered("pl2 " + P, F.factoryName(), failed, ok)), 0,
                new com.adfops.adf.Freshness(NOW, true, "stale " + P))));
        m.put("diagnosis", new Reply.DiagnosisCard(d, g, true, List.of("1. Step " + P)));
        m.put("diagnosis-no-root", new Reply.DiagnosisCard(new Diagnosis(failed, List.of(), null, ErrorClass.UNKNOWN, 0,
                false), g));
        m.put("status", new Reply.Status(new PipelineStatus("pl " + P, F.factoryName(), day, failed, ok, failed, 1, 1, 0,
                List.of(failed, ok), rerun, new com.adfops.adf.Freshness(NOW, true, "stale " + P))));
        m.put("docs-answer", new Reply.DocsAnswer("how do I " + P, g));
        m.put("problem", new Reply.Problem(DataFactoryException.Kind.SERVICE, "ADF said " + P, F.factoryName()));
        m.put("suggestions", new Reply.Suggestions("Title " + P, "Message " + P, List.of("Why did " + P + " fail?")));
        m.put("escalation", new Reply.Escalation(failed, "root " + P, "Data / schema", "next", "User " + P, NOW, g, true, ""));
        m.put("trends", new Reply.Trends(new com.adfops.analytics.TrendSummary(day, "pl " + P,
                List.of(new com.adfops.analytics.TrendSummary.Day(java.time.LocalDate.of(2026, 11, 26), 3, 2, 1)), 3, 2, 1,
                null, List.of(new com.adfops.analytics.TrendSummary.PipelineFailures("pl " + P, 1)), 0, null, null)));
        m.put("performance", new Reply.Performance(new com.adfops.analytics.PerformanceSummary(day, "pl " + P,
                List.of(new com.adfops.analytics.PerformanceSummary.PipelineDurations("pl " + P, 9, Duration.ofMinutes(3),
                        Duration.ofMinutes(5), Duration.ofMinutes(9), new com.adfops.analytics.DurationVerdict(
                        com.adfops.analytics.DurationVerdict.Kind.TOO_LITTLE_HISTORY, null, null, 0, null, null,
                        List.of(), 9))),
                List.of(new com.adfops.analytics.PerformanceSummary.Day(java.time.LocalDate.of(2026, 11, 26), 9, Duration.ofMinutes(3))),
                List.of(new com.adfops.analytics.PerformanceSummary.Outlier("pl " + P, "run " + P, Duration.ofMinutes(9),
                        Duration.ofMinutes(3))), null)));
        // The new surfaces: several pipelines' table, a failing incident with its cause and folded child, a yes/no
        // status line, a settled diagnosis, an action's and an alert's run links.
        m.put("performance-all", new Reply.Performance(new com.adfops.analytics.PerformanceSummary(day, "all pipelines",
                List.of(new com.adfops.analytics.PerformanceSummary.PipelineDurations("pl " + P, 9, Duration.ofMinutes(3),
                                Duration.ofMinutes(5), Duration.ofMinutes(9), new com.adfops.analytics.DurationVerdict(
                                com.adfops.analytics.DurationVerdict.Kind.TOO_LITTLE_HISTORY, null, null, 0, null, null,
                                List.of(), 9)),
                        new com.adfops.analytics.PerformanceSummary.PipelineDurations("pl2 " + P, 9, Duration.ofMinutes(2),
                                Duration.ofMinutes(4), Duration.ofMinutes(8), new com.adfops.analytics.DurationVerdict(
                                com.adfops.analytics.DurationVerdict.Kind.TOO_LITTLE_HISTORY, null, null, 0, null, null,
                                List.of(), 9))),
                List.of(), List.of(), null)));
        // ADF's account of a slow run's copies: activity names and ADF's tip texts.
        com.adfops.analytics.CopyTuning.Activity copy = new com.adfops.analytics.CopyTuning.Activity("Copy " + P, "Copy",
                List.of(new com.adfops.analytics.CopyTuning.PhaseTime(com.adfops.analytics.CopyTuning.Phase.WRITING,
                        Duration.ofMinutes(41), Duration.ofMinutes(9))), 8, 6, 4, 4, 8, 8);
        m.put("performance-tips", new Reply.Performance(new com.adfops.analytics.PerformanceSummary(day, "pl " + P,
                List.of(), List.of(), List.of(), null).withTuning(new com.adfops.analytics.CopyTuning.Result("run " + P,
                List.of(copy), List.of(new com.adfops.analytics.CopyTuning.Tip("Copy " + P, "Rule " + P, "Tip " + P,
                        "https://go.microsoft.com/fwlink/?linkid=2102534"))))));
        m.put("failing-incident", new Reply.Failing(new FailingSummary(day, List.of(F.factoryName()), 3, 2,
                List.of(new FailingSummary.Row("pl " + P, F.factoryName(), failed, 1, "short " + P, null, null,
                        List.of(run("child " + P, RunStatus.FAILED, null)),
                        new FailingSummary.Cause("Copy " + P, "child " + P, "Copy" + P, "2200" + P, "cause " + P))),
                List.of(), 0, null)));
        PipelineStatus st = new PipelineStatus("pl " + P, F.factoryName(), day, ok, ok, failed, 1, 1, 0, List.of(ok, failed),
                null, null);
        m.put("status-answer", new Reply.Status(st, com.adfops.agent.StatusAnswer.of(
                com.adfops.agent.Intent.Question.FAILING, st, false, NOW)));
        m.put("diagnosis-settled", new Reply.DiagnosisCard(d, g).settledBy(new Reply.Settled("rerunfromfailure", true,
                "succeeded", NOW, ok, "User " + P)));
        m.put("action-linked", new Reply.Action(com.adfops.answers.ActionViews.of("a-1", com.adfops.answers.ActionKind.RERUN, com.adfops.answers.ActionView.State.FINISHED, F.factoryName(),
                "pl " + P, "run " + P, null, null, null, Map.of(), "User " + P, NOW, "User " + P, NOW, "new " + P, "msg " + P,
                null).withFactoryRef(F)));
        m.put("watching", new Reply.Watching("Watching pipelines matching " + P + " here: when a run fails, I post an alert.",
                List.of(new com.adfops.answers.Watchlist.Watch(P, "df " + P, "User " + P, NOW))));
        m.put("expert", new Reply.ExpertDetails(List.of(new Reply.ToolCallInfo("tool " + P, "{\"a\":\"" + P + "\"}", 3, true)),
                "model " + P, 1, 2, 1, 5));
        m.putAll(impact(failed, d));
        return m;
    }

    /** The impact lines and cards, every name hostile. */
    static Map<String, Reply> impact(PipelineRun failed, Diagnosis d) {
        com.adfops.impact.ImpactedPipeline reader = new com.adfops.impact.ImpactedPipeline("rd " + P,
                List.of(com.adfops.impact.ImpactedPipeline.Relation.READS_STALE_DATA), 1, List.of("ds " + P),
                com.adfops.impact.ImpactedPipeline.State.SCHEDULED, NOW.plusSeconds(3600), null);
        List<com.adfops.impact.ImpactedDataset> ds = List.of(new com.adfops.impact.ImpactedDataset("ds " + P, "pl " + P,
                "act " + P, com.adfops.impact.ImpactedDataset.Cause.ACTIVITY_FAILED, 0));
        com.adfops.impact.FailureImpact fi = new com.adfops.impact.FailureImpact("pl " + P, "run " + P, NOW,
                com.adfops.impact.FailureImpact.Basis.ACTIVITY_RUNS, true, ds, List.of(reader), List.of(), null, false);
        com.adfops.impact.NodeState node = new com.adfops.impact.NodeState("vm " + P,
                com.adfops.impact.NodeState.Condition.OFFLINE, "Offline", NOW.minusSeconds(600), null, null, null);
        com.adfops.impact.RunImpact ri = new com.adfops.impact.RunImpact(fi, new com.adfops.impact.RuntimeAtFailure(
                "ir " + P, "act " + P, NOW, NOW, com.adfops.impact.RuntimeReport.Availability.DEGRADED, List.of(node)));
        com.adfops.impact.RuntimeReport report = new com.adfops.impact.RuntimeReport("ir " + P,
                com.adfops.impact.RuntimeReport.State.DEGRADED, com.adfops.impact.RuntimeReport.Availability.DEGRADED,
                com.adfops.impact.RuntimeReport.Version.EXPIRING, "Online", NOW.plusSeconds(86400), List.of(node),
                List.of(new com.adfops.impact.RuntimeUser("u " + P, List.of(), List.of(), List.of("c " + P),
                        NOW.plusSeconds(60), true)), NOW);
        Map<String, Reply> m = new LinkedHashMap<>();
        m.put("diagnosis-impact", new Reply.DiagnosisCard(d, null).withImpact(ri));
        m.put("dependants", new Reply.DependantsCard("df " + P, new com.adfops.impact.Dependants("pl " + P, true, ds,
                List.of(reader), List.of(), false)));
        m.put("runtimes", new Reply.RuntimeHealth(new com.adfops.impact.FactoryImpact.Runtimes("ir " + P,
                List.of(report), List.of("ir " + P))));
        return m;
    }

    @Test
    void everyCardShowsOutsideTextLiterally() {
        CardFactory.View view = new CardFactory.View(NOW, java.time.ZoneId.of("UTC"));
        for (Map.Entry<String, Reply> e : hostile().entrySet()) {
            JsonNode card = FACTORY.card(e.getValue(), view);
            List<String> problems = new ArrayList<>();
            int[] seen = {0};
            walk(card, null, "", false, problems, seen);
            assertThat(problems).as(e.getKey()).isEmpty();
            assertThat(seen[0]).as(e.getKey() + ": the payload reached the card").isPositive();
        }
    }

    /** Checks every string that carries the payload. */
    private static void walk(JsonNode node, JsonNode parent, String field, boolean inData, List<String> problems, int[] seen) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> walk(f.getValue(), node, f.getKey(),
                    inData || f.getKey().equals("data"), problems, seen));
        } else if (node.isArray()) {
            node.forEach(x -> walk(x, parent, field, inData, problems, seen));
        } else if (node.isTextual() && node.asText().contains("evil.example")) {
            seen[0]++;
            String type = parent == null ? "" : parent.path("type").asText();
            String text = node.asText();
            boolean literalRun = type.equals("TextRun") && field.equals("text");
            boolean buttonTitle = type.startsWith("Action.") && field.equals("title");
            boolean escapedMarkdown = type.equals("TextBlock") && field.equals("text")
                    && !text.contains("[click](") && !text.contains("**bold**") && !text.contains("<at>");
            // The one link that carries outside text: a run in ADF Studio, whose run id and factory id are
            // percent-encoded path and query values (they cannot change where the link goes).
            boolean encodedInStudioLink = text.startsWith("https://adf.azure.com/en/monitoring/pipelineruns/")
                    && text.indexOf("://") == text.lastIndexOf("://") && !text.contains(" ") && !text.contains("(")
                    && !text.contains("[") && !text.contains("<") && !text.contains("${");
            if (field.equals("url") && !encodedInStudioLink) {
                problems.add("outside text became a link target: " + text);
            } else if (!(literalRun || buttonTitle || inData || escapedMarkdown || encodedInStudioLink)) {
                problems.add(type + "." + field + " shows outside text as markdown: " + ErrorText.truncate(text, 120));
            }
        }
    }
}
