package com.adfops.cards;

import static com.adfops.cards.CardText.clockTime;
import static com.adfops.cards.CardText.fact;
import static com.adfops.cards.CardText.time;
import static com.adfops.cards.CardText.timeAgo;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryStatus;
import com.adfops.agent.Reply;
import com.adfops.answers.AuditRecord;
import com.adfops.answers.Watchlist;
import com.adfops.cards.CardFactory.View;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Everything else the bot says about itself: welcome and help, access to the factories, problems and failed turns,
 * suggestions, the expert details of a model answer, the audit of what was done, exports and watches. Templates in
 * {@code cards/admin/}.
 */
final class AdminCards {

    /** Most audit entries on one card. */
    static final int MAX_AUDIT = 25;

    private final ObjectMapper json;

    AdminCards(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode accessData(List<FactoryStatus> factories, FactoryStatus history, View v) {
        ObjectNode d = json.createObjectNode();
        long readable = factories.stream().filter(FactoryStatus::readable).count();
        d.put("title", factories.isEmpty() ? "🔌 Data Factory access"
                : readable == factories.size() ? "✅ I can read " + (readable == 1 ? "the factory" : "all " + readable + " factories")
                : "🔌 I can read " + readable + " of " + factories.size() + (factories.size() == 1 ? " factory" : " factories"));
        ArrayNode list = d.putArray("factories");
        for (FactoryStatus f : factories) {
            list.addObject().put("line", accessLine(f, v)).put("fix", f.fix());
        }
        if (history != null) {
            // Not a factory: its own line, without the runs-in-memory wording.
            String line = history.readable() ? "✅ " + history.factory() + ": readable (windows past 45 days, runs ADF no "
                    + "longer keeps)" : history.state() == FactoryStatus.State.LOADING ? "⏳ " + history.factory()
                    + ": checking it now" : "🚫 " + history.factory() + ": I can't read it. " + history.reason();
            list.addObject().put("line", line).put("fix", history.fix());
        }
        return d;
    }

    /** One factory's access in words: "✅ df-x: live, 1,204 runs in memory, as of 10:42:05 UTC". */
    static String accessLine(FactoryStatus f, View v) {
        String at = f.asOf() == null ? "" : clockTime(f.asOf(), v);
        return switch (f.state()) {
            case LIVE -> "✅ " + f.factory() + ": readable" + (f.runs() > 0 ? ", " + f.runs() + " runs in memory" : "")
                    + (at.isEmpty() ? "" : ", as of " + at);
            case STALE -> "⚠️ " + f.factory() + ": readable, but not refreshed since " + at + ": " + f.reason();
            case LOADING -> "⏳ " + f.factory() + ": reading its run history now";
            case FAILING -> "🚫 " + f.factory() + ": I can't read it. " + f.reason();
        };
    }

    /** The welcome and help card's questions that can be asked as they are, one click each. */
    static final List<String> WELCOME_ASKS = List.of("What pipelines are failing?", "What failed in the last 3 days?",
            "How did pipelines do this week?", "Which pipelines are slowest this week?", "What did we spend this week?",
            "Export runs for last week", "What am I watching?", "What was done today?", "Are you connected?");

    /** The welcome and help card's questions about one pipeline, and the follow-ups. */
    static final List<String> WELCOME_EXAMPLES = List.of("Why did ‹pipeline› fail? · then: why did it fail? / and the one before?",
            "What changed since ‹pipeline› last worked?", "Status of ‹pipeline› · Is ‹pipeline› getting slower?",
            "Rerun ‹pipeline› from the failed activity (you confirm on a card)", "What did ‹pipeline› cost this week?",
            "Watch ‹pipeline› (or watch all pipelines): an alert here when it fails", "How do I fix ‹pipeline›?");

    ObjectNode welcomeData(boolean welcome, String scope, List<FactoryStatus> factories, View v) {
        ObjectNode d = json.createObjectNode();
        d.put("title", welcome ? "👋 Hi, I'm ADF Ops" : "What I can do");
        d.put("intro", "I help you run Azure Data Factory from Teams: which pipelines are failing, why a run failed "
                + "(following Execute Pipeline and ForEach into the activity that broke), and how a pipeline is doing; "
                + "rerun or cancel from the card, with a confirmation, and record how an incident was resolved.");
        // Every capability once: the questions that need no name can be clicked; the others show their shape.
        ArrayNode asks = d.putArray("asks");
        for (String q : WELCOME_ASKS) {
            asks.addObject().put("text", q);
        }
        ArrayNode ex = d.putArray("examples");
        for (String q : WELCOME_EXAMPLES) {
            ex.addObject().put("text", q);
        }
        d.put("factoriesText", factories.isEmpty() || v == null ? "" : "Factories: " + String.join(" · ",
                factories.stream().map(f -> accessLine(f, v)).toList()));
        d.put("tip", switch (scope == null ? "" : scope) {
            case "channel" -> "In this channel, @mention me in a post or a reply: I answer in the same thread, and each "
                    + "thread keeps its own context, so parallel incidents never mix. Escalate posts to the incident channel.";
            case "groupChat" -> "In this group chat, @mention me; everyone here shares the conversation's context.";
            case "personal" -> "Just type here; I remember what we talked about until you clear history.";
            default -> "Tip: in a channel or group chat, @mention me. Each chat and channel thread keeps its own context.";
        });
        return d;
    }

    /** The error card's title and recovery steps for each kind of Data Factory problem. */
    private record Recovery(String title, List<String> steps) {
    }

    private static final Map<DataFactoryException.Kind, Recovery> RECOVERY = Map.of(
            DataFactoryException.Kind.AUTHENTICATION, new Recovery("🔑 I couldn't sign in to Azure", List.of(
                    "1. Check the bot's identity: the managed identity in Azure, or `az login` when running locally.",
                    "2. Make sure the tenant and subscription settings match the factory.",
                    "3. If a client secret is used, check it has not expired.")),
            DataFactoryException.Kind.PERMISSION, new Recovery("🚫 I'm not allowed to read this factory", List.of(
                    "1. Give the bot's identity a role on the factory that can query runs (Data Factory Contributor, or a custom role with the queryPipelineRuns and queryActivityruns actions).",
                    "2. Role assignments can take a few minutes to apply; try again afterwards.")),
            DataFactoryException.Kind.NOT_FOUND, new Recovery("🔍 I couldn't find that in Data Factory", List.of(
                    "1. Check the configured subscription, resource group and factory name.",
                    "2. Runs older than 45 days are deleted by ADF.")),
            DataFactoryException.Kind.THROTTLED, new Recovery("⏳ Azure is throttling requests", List.of(
                    "1. Wait a minute and try again.",
                    "2. Ask about a narrower time window or a single pipeline.")),
            DataFactoryException.Kind.NETWORK, new Recovery("🌐 I couldn't reach Data Factory", List.of(
                    "1. Check the bot's network path to management.azure.com (proxy, firewall, private endpoints).",
                    "2. Try again in a minute; the outage may be transient.")),
            DataFactoryException.Kind.SERVICE, new Recovery("⚠️ Data Factory returned an error", List.of(
                    "1. Try again in a minute.", "2. Check Azure status for Data Factory in your region.")));

    ObjectNode problemData(Reply.Problem p) {
        Recovery r = RECOVERY.getOrDefault(p.kind(), RECOVERY.get(DataFactoryException.Kind.SERVICE));
        ObjectNode d = json.createObjectNode();
        d.put("title", r.title());
        d.put("message", p.message());
        ArrayNode s = d.putArray("steps");
        r.steps().forEach(x -> s.addObject().put("text", x));
        d.put("footer", p.factory() == null ? "Nothing was changed." : "Factory: " + p.factory() + ". Nothing was changed.");
        d.put("retryText", "What pipelines are failing?");
        return d;
    }

    /** The card of a turn that failed: what happened and what to do, never the cause's text. */
    ObjectNode failureData(Reply.FailureKind kind) {
        ObjectNode d = json.createObjectNode();
        ArrayNode steps;
        if (kind == Reply.FailureKind.STORAGE) {
            d.put("title", "🗄️ I couldn't reach my storage");
            d.put("message", "I keep each conversation's context in my state store, and it did not answer just now. "
                    + "Nothing was changed in Data Factory.");
            steps = d.putArray("steps");
            steps.addObject().put("text", "1. Try again in a minute.");
            steps.addObject().put("text", "2. Bot owners: check the state store (ADFOPS_STATE_STORE): the data directory's disk, "
                    + "or the storage account, its network rules and the identity's Storage Blob Data Contributor role.");
            d.put("footer", "Your question was not lost: ask it again.");
        } else {
            d.put("title", "⚠️ Something went wrong on my side");
            d.put("message", "I couldn't finish that request. The details are in my log; nothing was changed.");
            steps = d.putArray("steps");
            steps.addObject().put("text", "1. Try again; this conversation still works.");
            steps.addObject().put("text", "2. If it keeps happening, tell the bot's owners the time of the failure.");
            d.put("footer", "Your question was not lost: ask it again or start from the help card.");
        }
        d.put("retryText", "What pipelines are failing?");
        return d;
    }

    ObjectNode suggestionsData(Reply.Suggestions s) {
        ObjectNode d = json.createObjectNode();
        d.put("title", s.title());
        d.put("message", s.message());
        ArrayNode q = d.putArray("questions");
        s.questions().stream().limit(5).forEach(x -> q.addObject().put("text", ErrorText.truncate(x, 80)));
        return d;
    }

    ObjectNode expertData(Reply.ExpertDetails x) {
        ObjectNode d = json.createObjectNode();
        d.put("summary", x.calls().size() + (x.calls().size() == 1 ? " tool call" : " tool calls") + ", " + x.rounds()
                + (x.rounds() == 1 ? " model round" : " model rounds") + ", " + x.totalMs() + " ms");
        ArrayNode calls = d.putArray("calls");
        for (Reply.ToolCallInfo c : x.calls().stream().limit(20).toList()) {
            calls.addObject().put("line", (c.ok() ? "✔ " : "✖ ") + c.name() + " " + ErrorText.truncate(c.arguments(), 200)
                    + " · " + c.durationMs() + " ms");
        }
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Model", x.model());
        fact(facts, "Tokens", x.inputTokens() + " in, " + x.outputTokens() + " out");
        return d;
    }

    ObjectNode auditData(Reply.Audit a, View v) {
        ObjectNode d = json.createObjectNode();
        d.put("title", "🧾 What was done" + (a.pipeline().isEmpty() ? "" : " on " + a.pipeline()) + ", " + a.window());
        d.put("subtitle", a.entries().size() + (a.entries().size() == 1 ? " entry" : " entries")
                + " from cards (reruns, cancels, resolutions), newest first");
        d.put("emptyText", "Nothing was done from cards " + (a.pipeline().isEmpty() ? "" : "on " + a.pipeline() + " ")
                + "in " + a.window() + ".");
        ArrayNode rows = d.putArray("entries");
        for (AuditRecord e : a.entries().stream().limit(MAX_AUDIT).toList()) {
            String what = switch (e.what()) {
                case "rerunfromfailure" -> "rerun from the failed activity";
                case "rerun" -> "rerun";
                case "cancel" -> "cancel";
                case "resolve" -> "resolved";
                case "outcome" -> "outcome";
                default -> e.what();
            };
            ObjectNode row = rows.addObject();
            row.put("when", time(e.at(), v));
            row.put("line", e.who() + " · " + what + " · " + e.pipeline() + " (" + e.factory() + ") · run " + e.runId()
                    + (e.newRunId().isEmpty() ? "" : " → " + e.newRunId()) + " · " + e.result());
            row.put("note", e.note());
        }
        int more = a.entries().size() - Math.min(MAX_AUDIT, a.entries().size());
        d.put("moreText", more > 0 ? "…and " + more + " older entries. Ask about a shorter window or one pipeline." : "");
        return d;
    }

    ObjectNode exportData(Reply.Export e, View v) {
        ObjectNode d = json.createObjectNode();
        String when = e.window().label();
        d.put("title", "📄 Runs of " + e.scope() + " " + (when.startsWith("the ") ? "in " + when : when));
        d.put("subtitle", time(e.window().from(), v) + " – " + time(e.window().to(), v));
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Runs", String.valueOf(e.runs()));
        fact(facts, "Succeeded", String.valueOf(e.succeeded()));
        fact(facts, "Failed", String.valueOf(e.failed()));
        fact(facts, "Other", String.valueOf(e.runs() - e.succeeded() - e.failed()));
        d.put("link", e.link());
        d.put("shareable", e.shareable());
        d.put("sharedBy", e.sharedBy());
        d.put("exportFactory", e.factory() == null ? "" : e.factory());
        d.put("exportPipelines", e.pipelines() == null ? "" : e.pipelines());
        d.put("exportFrom", e.window().from().toString());
        d.put("exportTo", e.window().to().toString());
        d.put("exportLabel", when);
        d.put("note", !e.sharedBy().isEmpty() ? "*Get a download link* gives whoever clicks it a link to the CSV (one row per run) that works for " + e.minutes() + " minutes."
                : e.link().isEmpty() ? "Downloads are not available in this installation."
                : "The CSV has one row per run: factory, pipeline, run id, trigger, start, end, duration, status, error "
                        + "code, message (secrets redacted), rerun of. The link works for " + e.minutes() + " minutes "
                        + "and only for this organization; ask again for a fresh one.");
        return d;
    }

    ObjectNode watchingData(Reply.Watching w, View v) {
        ObjectNode d = json.createObjectNode();
        d.put("title", "👀 Watched here");
        d.put("message", w.message());
        d.put("emptyText", "Nothing is watched in this conversation. Say \"watch all pipelines\", \"watch Finance-*\" or "
                + "\"watch <pipeline>\" and I'll post an alert here when a run fails.");
        ArrayNode rows = d.putArray("watches");
        for (Watchlist.Watch x : w.watches()) {
            rows.addObject().put("pattern", x.pattern())
                    .put("meta", (x.pattern().equals("*") ? " (every pipeline)" : "")
                            + (x.factory() == null ? "" : " in " + x.factory()) + " · added by " + x.by()
                            + (x.at() == null ? "" : " " + timeAgo(x.at(), v)));
        }
        d.put("footer", "When a watched pipeline's run fails (with the diagnosis), runs long, does not start on schedule or "
                + "misses its SLA, or the self-hosted integration runtime it runs on goes down, I post an alert here (a channel "
                + "gets a new post). Acknowledge and Snooze are on every alert, Escalate on a failure's; when it "
                + "recovers, the alert says so.");
        return d;
    }
}
