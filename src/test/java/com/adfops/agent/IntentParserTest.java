package com.adfops.agent;

import com.adfops.runs.KnownNames;
import com.adfops.runs.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser against real phrasings: typos, Teams mentions, punctuation, mixed case, names with spaces, dots and
 * dashes, windows in words. Each row: what was typed | what the parser must understand.
 */
class IntentParserTest {

    /** A Thursday, so "since Monday" and "this week" are distinct from "last 7 days". */
    static final Instant NOW = Instant.parse("2026-11-26T15:30:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // help and clear
        "help | help",
        "Hi! | help",
        "what can you do? | help",
        "<at>ADF Ops</at> help | help",
        "| help",
        "clear history | clear",
        "Start over | clear",
        "please reset the conversation | clear",
        "forget everything | clear",
        // failing lists and windows
        "what pipelines are failing? | failing[-]",
        "What is failing today? | failing[today]",
        "any failures in the last 3 days | failing[the last 3 days]",
        "what failed since yesterday? | failing[since yesterday]",
        "What failed since Monday | failing[since Monday]",
        "which pipelines failed this week | failing[this week]",
        "show me failed runs in the past 2 hours | failing[the last 2 hours]",
        "list failures from last week | failing[the last week]",
        "are there any broken pipelines? | failing[-]",
        "<at>ADF Ops</at> what's failing in factory df-prod-eu? | failing[-]@df-prod-eu",
        "anything red on the df-sales factory today | failing[today]@df-sales",
        "WHAT FAILED YESTERDAY | failing[yesterday]",
        "what broke in the last 90 minutes | failing[the last 90 minutes]",
        // diagnosis by name
        "why did Finance-GL_Export fail? | why:finance-gl_export",
        "why did finance gl export fail | why:finance gl export",
        "Why did pl.sales.orders-v2 fail? | why:pl.sales.orders-v2",
        "why has the sales orders ingest pipeline failed | why:sales orders ingest",
        "what went wrong with pl_master_nightly | why:pl_master_nightly",
        "diagnose pl_copy_customers | why:pl_copy_customers",
        "root cause for ingest-events-hourly? | why:ingest-events-hourly",
        "whats wrong with 'Load Customers (EU)' | why:Load Customers (EU)",
        "why did `nightly.load` fail in factory df-core | why:nightly.load@df-core",
        "why did finanse-gl-exprot fail?? | why:finanse-gl-exprot",
        "<at>ADF Ops</at> why did pl_master_nightly fail today | why:pl_master_nightly[today]",
        // follow-ups
        "why did it fail? | why:<focus>",
        "Why? | why:<focus>",
        "what happened | why:<focus>",
        "and the one before? | previous",
        "the previous failure | previous",
        "go back one | previous",
        // failed activities
        "Show me failed pl_master_nightly activities | activities:pl_master_nightly",
        "what activities failed in sales_orders_ingest? | activities:sales_orders_ingest",
        "which activity failed in the nightly.load pipeline | activities:nightly.load",
        "show the failed activities | activities:<focus>",
        "list failed activities for Load Customers | activities:load customers",
        // troubleshoot
        "How do I troubleshoot the pl_master_nightly pipeline failure? | fix:pl_master_nightly",
        "how do I fix sales-orders-ingest? | fix:sales-orders-ingest",
        "how can we fix it | fix:<focus>",
        "troubleshoot nightly.load | fix:nightly.load",
        "help me debug Finance-GL_Export | fix:finance-gl_export",
        "How do I troubleshoot the Sales Orders Ingest pipeline failure? | fix:sales orders ingest",
        "how do I fix a permissions problem | fix:permissions",
        // how-to (documentation)
        "how do I rerun from a failed activity? | howto",
        "what does error 2108 mean? | howto",
        "how do I fix error 2200 | howto",
        "How do I fix a UserErrorSourceBlobNotExists error? | howto",
        "how can I fix DF-Executor-OutOfMemoryError | howto",
        "documentation for the copy activity | howto",
        "is there a way to get alerts on failures | howto",
        // run ids
        "what happened to 8f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b? | run:8f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b",
        "8F1D2C3B-4A5E-4F60-8A9B-0C1D2E3F4A5B | run:8F1D2C3B-4A5E-4F60-8A9B-0C1D2E3F4A5B",
        // status
        "status of pl_sales_ingest | status:pl_sales_ingest",
        "how's nightly.load doing? | status:nightly.load",
        "is Finance-GL_Export ok | ask:HEALTHY:finance-gl_export",
        "last runs of ingest events hourly | status:ingest events hourly",
        "status of pl_sales_ingest over the last 3 days | status:pl_sales_ingest[the last 3 days]",
        "status of it | status:<focus>",
        "pl_sales_ingest | name:pl_sales_ingest",
        "Load Customers (EU) | name:load customers eu",
        // analytics
        "which pipelines are slowest this week? | perf:<all>[this week]",
        "is nightly.load getting slower? | perf:nightly.load",
        "how long does Load Customers take | perf:load customers",
        "show me trends for the last week | trends:<all>[the last week]",
        "how did pipelines do this week? | trends:<all>[this week]",
        "trends for Finance-* | trends:finance-*",
        "how did Qtr Close Ledger do in the last 2 months? | trends:qtr close ledger[the last 45 days (ADF keeps run history for 45 days)]",
        "how has nightly.load been doing this week | trends:nightly.load[this week]",
        "export runs for last month | export:<all>[the last month]",
        "what is the success rate of nightly.load | trends:nightly.load",
        "<at>ADF Ops</at> weekly report | trends:<all>",
        "how much did pl_copy cost yesterday | cost:pl_copy[yesterday]",
        "what did Finance-* cost this week? | cost:finance-*[this week]",
        "most expensive pipelines | cost:<all>",
        "what do we spend on pipelines in factory df-prod | cost:<all>@df-prod",
        "what is the average duration of nightly.load | perf:nightly.load",
        "which pipelines fail most often | trends:<all>",
        "which pipelines are flaky this week | trends:<all>[this week]",
        "show me a chart of failures for Finance-* | trends:finance-*",
        "any anomalies in pl_daily_load runs? | perf:pl_daily_load",
        "export the failed runs to csv | export:<all>",
        "export runs for Finance-* this week | export:finance-*[this week]",
        "compliance export in factory df-prod | export:<all>@df-prod",
        "status of cost_rollup | status:cost_rollup",
        "why did export_to_lake fail | why:export_to_lake",
        // what changed
        "what changed since pl_sales_ingest last worked? | changed:pl_sales_ingest",
        "what changed? | changed:<focus>",
        "what's different in nightly.load | changed:nightly.load",
        "what has changed in 'Load Customers (EU)' since it last succeeded | changed:Load Customers (EU)",
        // watching
        "watch Finance-* | watch:Finance-*",
        "watch all pipelines | watch:*",
        "please watch everything | watch:*",
        "watch pl_sales_ingest in factory df-prod | watch:pl_sales_ingest@df-prod",
        "watch 'Load Customers (EU)' | watch:Load Customers (EU)",
        "alert me when pl_master_nightly fails | watch:pl_master_nightly",
        "let us know when nightly.load fails | watch:nightly.load",
        "what am I watching? | watching",
        "<at>ADF Ops</at> what are we watching | watching",
        "subscriptions | watching",
        "unwatch Finance-* | unwatch:Finance-*",
        "stop watching everything | unwatch:*",
        "unwatch | unwatch:",
        "snooze pl_x for an hour | notyet:WATCH",
        // actions: the card that proposes them (a person confirms)
        "rerun pl_master_nightly from the failed activity | action:RERUN_FROM_FAILURE:pl_master_nightly",
        "cancel the run of nightly.load | action:CANCEL:nightly.load",
        "please retry sales_orders_ingest | action:RERUN:sales_orders_ingest",
        "restart Load Customers (EU) from where it failed | action:RERUN_FROM_FAILURE:load customers eu",
        "can you stop the run of \"ingest events hourly\" that is in progress | action:CANCEL:ingest events hourly",
        "rerun it | action:RERUN:<focus>",
        "rerun pl_copy in factory df-prod | action:RERUN:pl_copy@df-prod",
        // audit
        "what was done today? | audit:<all>[today]",
        "audit for nightly.load | audit:nightly.load",
        "show me the audit log | audit:<all>",
        "who reran pl_master_nightly this week | audit:pl_master_nightly[this week]",
        "export the audit report to csv | export:<all>",
        "compare pl_a versus pl_b | notyet:ANALYTICS",
        // what depends on a pipeline
        "what depends on pl_orders_stage? | depends:pl_orders_stage",
        "What does Harvest-Ledger break? | depends:harvest-ledger",
        "what is downstream of nightly.loader | depends:nightly.loader",
        "what's downstream of the copy invoices pipeline | depends:copy invoices",
        "impact of Load Customers (EU) | depends:load customers eu",
        "what breaks if stg_customer_dim fails? | depends:stg_customer_dim",
        "who depends on 'Quarterly Close v2' | depends:Quarterly Close v2",
        "what depends on it? | depends:<focus>",
        "what depends on pl_x in factory df-west | depends:pl_x@df-west",
        "show me the downstream impact of wh.refresh | depends:wh.refresh",
        // the self-hosted integration runtimes
        "is the self-hosted IR ok? | runtime:<all>",
        "integration runtime status | runtime:<all>",
        "IR health | runtime:<all>",
        "are the integration runtimes healthy? | runtime:<all>",
        "how is integration runtime shir-west-02 doing | runtime:shir-west-02",
        "status of the SHIR | runtime:<all>",
        "are all IR nodes online | runtime:<all>",
        "is gw-onprem-7 ok? | ask:HEALTHY:gw-onprem-7",
        "why did ir_loader fail | why:ir_loader",
        "what's the status of ir-sync | status:ir-sync",
        // schedules and SLAs
        "is everything on schedule? | schedule:<all>",
        "Are we on schedule? | schedule:<all>",
        "did anything miss its schedule? | schedule:<all>",
        "what missed its run? | schedule:<all>",
        "any late runs? | schedule:<all>",
        "SLA status | schedule:<all>",
        "are we meeting our SLAs | schedule:<all>",
        "sla status in factory df-nightly-eu | schedule:<all>@df-nightly-eu",
        "is pl.fin.close-ledger on schedule? | schedule:pl.fin.close-ledger",
        "did wh_orders_daily miss its run yesterday? | schedule:wh_orders_daily[yesterday]",
        "are the billing pipelines on time? | schedule:*billing*",
        "what runs tonight? | upcoming:<all>[tonight]",
        "What's scheduled next? | upcoming:<all>[PT24H]",
        "what runs in the next 6 hours? | upcoming:<all>[PT6H]",
        "what runs in the next 90 minutes in factory df-apac | upcoming:<all>[PT1H30M]@df-apac",
        "when does mart_refresh_v3 run next? | upcoming:mart_refresh_v3[PT24H]",
        "what is coming up tonight for crm-sync-hourly | upcoming:crm-sync-hourly[tonight]",
        // access
        "are you connected? | access",
        "<at>ADF Ops</at> check access | access",
        "can you read the factory? | access",
        "which factories can you see | access",
        "ping | access",
        // nothing
        "what's the weather in Oslo? | name:weather oslo",
        "thanks | name:thanks"
    })
    void understands(String text, String expected) {
        assertThat(describe(IntentParser.parse(text == null ? "" : text, NOW, ZoneId.of("UTC")))).isEqualTo(expected.trim());
    }

    /**
     * Questions as a new user phrases them (issue 23, point 5), read from their words alone: scoped lists, windows on
     * a diagnosis, yes/no and "still running?" questions, typos in command words. Each row: typed | understood.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // a list narrowed to a group, a pattern, a factory
        "what broke in the billing pipelines? | failing[-] in billing",
        "failures in the sales pipelines today | failing[today] in sales",
        "what's failing in Finance-* | failing[-] in finance-*",
        "anything failing in ingest_* since yesterday | failing[since yesterday] in ingest_*",
        "show all sales pipelines | failing[-] in sales",
        "are the sales pipelines ok? | failing[-] in sales",
        "is anything failing? | failing[-]",
        "is everything ok? | failing[-]",
        "what did the sales pipelines cost this week? | cost:*sales*[this week]",
        "how are the billing pipelines doing? | trends:*billing*",
        // a window on a diagnosis (and on the other answers about one pipeline)
        "why did pl_orders fail yesterday? | why:pl_orders[yesterday]",
        "pl_orders's errors on Monday | why:pl_orders[Monday, Nov 23]",
        "what went wrong with ingest-events last night | why:ingest-events[overnight]",
        "why did it fail yesterday | why:<focus>[yesterday]",
        "show the failed activities of pl_orders from 3 days ago | activities:pl_orders[Monday, Nov 23]",
        "how do I fix pl_orders's failure from yesterday | fix:pl_orders[yesterday]",
        "what changed in pl_orders on Nov 24 | changed:pl_orders[Tuesday, Nov 24]",
        "what went wrong with 'Load Customers (EU)' on 2026-11-24 | why:Load Customers (EU)[Tuesday, Nov 24]",
        "show me the pl_orders runs yesterday | status:pl_orders[yesterday]",
        "what failed since 31/02? | failing[-]",
        "why did pl_orders fail at 14:00 | why:pl_orders",
        // yes or no
        "is pl_orders failing? | ask:FAILING:pl_orders",
        "is pl_orders still failing? | ask:FAILING:pl_orders",
        "did pl_orders fail yesterday? | ask:FAILING:pl_orders[yesterday]",
        "has pl_orders been failing this week | ask:FAILING:pl_orders[this week]",
        "has Load Customers recovered? | ask:HEALTHY:load customers",
        "is the nightly load ok now? | ask:HEALTHY:nightly load",
        "did pl_orders run yesterday? | ask:RAN:pl_orders[yesterday]",
        "can you check if pl_orders is broken | ask:FAILING:pl_orders",
        "is it failing again? | ask:FAILING:<focus>",
        // still running?
        "is pl_orders still running? | ask:RUNNING:pl_orders",
        "<at>ADF Ops</at> is 'Load Customers (EU)' still running | ask:RUNNING:Load Customers (EU)",
        "is it still running? | ask:RUNNING:<focus>",
        "still running? | ask:RUNNING:<focus>",
        "pl_orders still going? | ask:RUNNING:pl_orders",
        "is pl_orders done yet? | ask:FINISHED:pl_orders",
        "has pl_orders finished? | ask:FINISHED:pl_orders",
        // typos in command words
        "whats failng right now? | failing[-]",
        "diagnoze pl_orders | why:pl_orders",
        "stauts of pl_orders | status:pl_orders",
        "why did pl_orders fial yesterady | why:pl_orders[yesterday]",
        "wich pipelines are failnig today | failing[today]",
        "is pl_orders runing | ask:RUNNING:pl_orders",
        "yesterady's failures | failing[yesterday]",
        "trnds for the last week | trends:<all>[the last week]",
        // words that only look like a typo of a command word stay as typed
        "why did the batch loader fail | why:batch loader",
        "status of the lowest tier sync | status:lowest tier sync",
    })
    void understandsQuestionsAsPeoplePhraseThem(String text, String expected) {
        assertThat(describe(IntentParser.parse(text, NOW, ZoneId.of("UTC")))).isEqualTo(expected.trim());
    }

    /** Names of a factory the parser has never seen, some with command words in them. */
    static final KnownNames KNOWN = KnownNames.of(List.of("trend_loader", "cost_sync", "PL_Copy_Sales_Daily",
            "copy_hr_daily", "status_feed", "failed_orders_retry", "ingest_failng_records", "cost_sync_eu",
            "cost_sync_us"), List.of("df-prod", "df-test"));

    /**
     * With the factories' names known: words that name a pipeline are its name even when one is a command word, a
     * word of a name is never corrected as a typo, and a factory is recognised by its name alone.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "is the trend loader ok? | ask:HEALTHY:trend_loader",
        "how's the cost sync doing? | status:cost_sync",
        "what did the cost sync cost last week? | cost:cost_sync[the last week]",
        "is the trend loader getting slower? | perf:trend_loader",
        "why did the status feed fail yesterday | why:status_feed[yesterday]",
        "show me the status feed runs | status:status_feed",
        "why did the failed orders retry fail | why:failed_orders_retry",
        "why did ingest failng records fail | why:ingest failng records",
        "is the cost sync eu still running | ask:RUNNING:cost_sync_eu",
        // the words fit several names: the router asks which one
        "how is the cost sync us doing | status:cost_sync_us",
        // command words stay commands where they name nothing
        "show trends for the last week | trends:<all>[the last week]",
        "what did we spend this week | cost:<all>[this week]",
        "most expensive pipelines | cost:<all>",
        "whats failing right now? | failing[-]",
        // a factory by its name alone
        "what's failing in df-prod? | failing[-]@df-prod",
        "is df-test ok? | failing[-]@df-test",
        "what failed in df-prodx | failing[-] in df-prodx",
    })
    void namesKnownWinOverCommandWords(String text, String expected) {
        assertThat(describe(IntentParser.parse(text, NOW, ZoneId.of("UTC"), java.time.Duration.ofDays(45), KNOWN)))
                .isEqualTo(expected.trim());
    }

    static String describe(Intent i) {
        if (i instanceof Intent.Help) {
            return "help";
        } else if (i instanceof Intent.ClearHistory) {
            return "clear";
        } else if (i instanceof Intent.CheckAccess) {
            return "access";
        } else if (i instanceof Intent.HowTo) {
            return "howto";
        } else if (i instanceof Intent.FailingList f) {
            return "failing[" + (f.window() == null ? "-" : f.window().label()) + "]" + at(f.factory())
                    + (f.scope() == null ? "" : " in " + f.scope());
        } else if (i instanceof Intent.DiagnoseRun d) {
            return "run:" + d.runId();
        } else if (i instanceof Intent.DiagnosePipeline d) {
            return "why:" + name(d.pipeline()) + in(d.window()) + at(d.factory());
        } else if (i instanceof Intent.PreviousFailure) {
            return "previous";
        } else if (i instanceof Intent.FailedActivities f) {
            return "activities:" + name(f.pipeline()) + in(f.window()) + at(f.factory());
        } else if (i instanceof Intent.Troubleshoot t) {
            return "fix:" + name(t.pipeline()) + in(t.window()) + at(t.factory());
        } else if (i instanceof Intent.Status s) {
            return (s.question() == null ? "status:" : "ask:" + s.question() + ":") + name(s.pipeline()) + in(s.window())
                    + at(s.factory());
        } else if (i instanceof Intent.NameOnly n) {
            return "name:" + n.words();
        } else if (i instanceof Intent.Performance p) {
            return "perf:" + (p.pipelines() == null ? "<all>" : p.pipelines())
                    + (p.window() == null ? "" : "[" + p.window().label() + "]") + at(p.factory());
        } else if (i instanceof Intent.Trends t) {
            return "trends:" + (t.pipelines() == null ? "<all>" : t.pipelines())
                    + (t.window() == null ? "" : "[" + t.window().label() + "]") + at(t.factory());
        } else if (i instanceof Intent.RequestAction a) {
            return "action:" + a.kind() + ":" + name(a.pipeline()) + at(a.factory());
        } else if (i instanceof Intent.Audit a) {
            return "audit:" + (a.pipeline() == null ? "<all>" : a.pipeline())
                    + (a.window() == null ? "" : "[" + a.window().label() + "]") + at(a.factory());
        } else if (i instanceof Intent.Export e) {
            return "export:" + (e.pipelines() == null ? "<all>" : e.pipelines())
                    + (e.window() == null ? "" : "[" + e.window().label() + "]") + at(e.factory());
        } else if (i instanceof Intent.Cost c) {
            return "cost:" + (c.pipelines() == null ? "<all>" : c.pipelines())
                    + (c.window() == null ? "" : "[" + c.window().label() + "]") + at(c.factory());
        } else if (i instanceof Intent.WhatChanged w) {
            return "changed:" + name(w.pipeline()) + in(w.window()) + at(w.factory());
        } else if (i instanceof Intent.Watch w) {
            return "watch:" + w.pattern() + at(w.factory());
        } else if (i instanceof Intent.Unwatch u) {
            return "unwatch:" + u.pattern();
        } else if (i instanceof Intent.Watching) {
            return "watching";
        } else if (i instanceof Intent.Dependants d) {
            return "depends:" + name(d.pipeline()) + at(d.factory());
        } else if (i instanceof Intent.RuntimeHealth r) {
            return "runtime:" + (r.runtime() == null ? "<all>" : r.runtime());
        } else if (i instanceof Intent.OnSchedule o) {
            return "schedule:" + (o.pipelines() == null ? "<all>" : o.pipelines()) + in(o.window()) + at(o.factory());
        } else if (i instanceof Intent.Upcoming u) {
            return "upcoming:" + (u.pipelines() == null ? "<all>" : u.pipelines())
                    + "[" + (u.ahead() == null ? "tonight" : u.ahead()) + "]" + at(u.factory());
        } else if (i instanceof Intent.NotYet n) {
            return "notyet:" + n.capability();
        }
        return "unknown";
    }

    private static String name(String p) {
        return p == null ? "<focus>" : p;
    }

    private static String in(TimeWindow w) {
        return w == null ? "" : "[" + w.label() + "]";
    }

    private static String at(String factory) {
        return factory == null ? "" : "@" + factory;
    }
}
