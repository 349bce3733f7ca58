package com.adfops.agent.foundry;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.runs.ErrorText;
import com.adfops.agent.Reply;
import com.adfops.agent.StandardAnswers;
import com.adfops.tools.ToolRunner;
import com.adfops.agent.Turn;
import com.adfops.state.JsonDocuments;
import com.azure.ai.agents.AgentsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent on Azure AI Foundry. Typed questions go to the model, bound to one agent version and to the Foundry
 * conversation of this Teams conversation; the model's function calls run through {@link ToolRunner} (at most
 * {@code maxRounds} rounds, all within the turn's deadline). The user gets the model's text plus the bot's own cards
 * built from the tool results (never from model text) and an *Expert details* card. Card buttons, help and clear
 * history are deterministic ({@link StandardAnswers}). If Foundry fails or is too slow, the standard answer comes,
 * with a notice. Model calls run on a bounded pool; a call past the deadline is interrupted, which aborts its HTTP
 * request.
 */
public final class FoundryAgent implements Agent, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FoundryAgent.class);
    static final String UNAVAILABLE = "The AI assistant is unavailable right now, so here is the standard answer.";

    private final FoundryHttp http;
    private final AgentRegistrar.Registered agent;
    private final ToolRunner tools;
    private final StandardAnswers standard;
    private final FoundryConversations conversations;
    private final ObjectMapper json;
    private final String model;
    private final int maxRounds;
    private final Duration deadline;
    private final Duration callTimeout;
    private final ThreadPoolExecutor executor;

    /**
     * Settings of the Foundry agent.
     *
     * @param concurrency model turns running at once; as many again may wait, more get the standard answer
     */
    public record Settings(String endpoint, String model, String agentName, String apiVersion, int maxRounds,
                           Duration deadline, Duration callTimeout, int concurrency) {
    }

    FoundryAgent(FoundryHttp http, AgentRegistrar.Registered agent, ToolRunner tools, StandardAnswers standard,
                 JsonDocuments state, ObjectMapper json, Settings s) {
        this.http = http;
        this.agent = agent;
        this.tools = tools;
        this.standard = standard;
        this.conversations = new FoundryConversations(state);
        this.json = json;
        int n = Math.max(1, s.concurrency());
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(n), r -> {
            Thread t = new Thread(r, "foundry-turn-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.model = s.model();
        this.maxRounds = s.maxRounds();
        this.deadline = s.deadline();
        this.callTimeout = s.callTimeout();
    }

    /**
     * Registers the agent (once) and returns the Foundry agent. {@code agents} and {@code credential} come from the
     * caller so tests can aim both at a loopback fake.
     */
    public static FoundryAgent create(AgentsClient agents, com.azure.core.credential.TokenCredential credential,
                                      ToolRunner tools, StandardAnswers standard, JsonDocuments state,
                                      ObjectMapper json, Settings s) {
        AgentRegistrar.Registered registered = AgentRegistrar.register(agents, s.agentName(), s.model());
        FoundryHttp http = new FoundryHttp(s.endpoint(), s.apiVersion(), credential, s.callTimeout(), json);
        return new FoundryAgent(http, registered, tools, standard, state, json, s);
    }

    @Override
    public AgentReply handle(Turn turn) {
        Optional<AgentReply> deterministic = standard.withoutModel(turn);
        if (deterministic.isPresent()) {
            if (deterministic.get().parts().stream().anyMatch(Reply.Cleared.class::isInstance)) {
                conversations.forget(turn.conversationId());
            }
            return deterministic.get();
        }
        Future<AgentReply> work;
        try {
            work = executor.submit(() -> ask(turn));
        } catch (RejectedExecutionException busy) {
            log.warn("Foundry pool full; standard answer for {}", turn.conversationId());
            return fallback(turn);
        }
        try {
            return work.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A FutureTask interrupts its thread; the JDK HTTP client aborts the request it was waiting for.
            work.cancel(true);
            log.warn("Foundry turn exceeded its deadline of {} in {}", deadline, turn.conversationId());
            return fallback(turn);
        } catch (ExecutionException e) {
            log.warn("Foundry turn failed in {}: {}", turn.conversationId(), e.getCause().toString(), e.getCause());
            return fallback(turn);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            return fallback(turn);
        }
    }

    /** Model turns running or waiting now (for tests: a timed-out turn must not keep running). */
    int busy() {
        return executor.getActiveCount() + executor.getQueue().size();
    }

    private AgentReply fallback(Turn turn) {
        List<Reply> parts = new ArrayList<>();
        parts.add(new Reply.Text(UNAVAILABLE));
        parts.addAll(standard.answer(turn).parts());
        return new AgentReply(parts);
    }

    /** The Foundry conversation of a Teams conversation, created on first use and kept in the bot's state. */
    String conversation(String teamsConversation) {
        Optional<String> stored = conversations.find(teamsConversation);
        if (stored.isPresent()) {
            return stored.get();
        }
        JsonNode created = http.post("/openai/conversations", json.createObjectNode(), callTimeout);
        String id = created.path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("Foundry returned no conversation id");
        }
        conversations.remember(teamsConversation, id);
        return id;
    }

    private AgentReply ask(Turn turn) {
        long t0 = System.nanoTime();
        String conv = conversation(turn.conversationId());
        ArrayNode input = json.createArrayNode();
        input.addObject().put("type", "message").put("role", "user").put("content", turn.text());
        List<ToolRunner.Call> calls = new ArrayList<>();
        long in = 0;
        long out = 0;
        String modelName = model;
        String answer = null;
        int rounds = 0;
        while (rounds < maxRounds) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("turn cancelled after its deadline");
            }
            rounds++;
            ObjectNode body = json.createObjectNode();
            body.put("conversation", conv);
            body.set("input", input);
            body.putObject("agent").put("type", "agent_reference").put("name", agent.name()).put("version", agent.version());
            JsonNode resp = http.post("/openai/responses", body, callTimeout);
            in += resp.path("usage").path("input_tokens").asLong(0);
            out += resp.path("usage").path("output_tokens").asLong(0);
            if (resp.hasNonNull("model")) {
                modelName = resp.get("model").asText();
            }
            input = json.createArrayNode();
            StringBuilder text = new StringBuilder();
            for (JsonNode item : resp.path("output")) {
                switch (item.path("type").asText()) {
                    case "function_call" -> {
                        ToolRunner.Call c = tools.run(item.path("name").asText(), item.path("arguments").asText(), turn.zone());
                        calls.add(c);
                        input.addObject().put("type", "function_call_output").put("call_id", item.path("call_id").asText())
                                .put("output", c.output());
                    }
                    case "mcp_approval_request" -> input.addObject().put("type", "mcp_approval_response")
                            .put("approval_request_id", item.path("id").asText()).put("approve", false);
                    case "message" -> item.path("content").forEach(c -> {
                        if (c.hasNonNull("text")) {
                            text.append(c.get("text").asText());
                        }
                    });
                    default -> {
                        // reasoning and other items: nothing to do
                    }
                }
            }
            if (input.isEmpty()) {
                answer = text.toString().trim();
                break;
            }
        }
        if (answer == null) {
            answer = "I stopped after " + maxRounds + " rounds of tool calls without a final answer; the cards below "
                    + "show what the tools found.";
        }
        return reply(answer, calls, modelName, in, out, rounds, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Model text, then cards from the tool results (the last list, diagnosis and trends), then expert details. */
    private AgentReply reply(String answer, List<ToolRunner.Call> calls, String modelName, long in, long out, int rounds,
                             long ms) {
        List<Reply> parts = new ArrayList<>();
        if (!answer.isBlank()) {
            parts.add(new Reply.Text(ErrorText.truncate(answer, 4000)));
        }
        ToolRunner.Call lastList = null;
        ToolRunner.Call lastDiagnosis = null;
        ToolRunner.Call lastTrends = null;
        ToolRunner.Call lastCost = null;
        for (ToolRunner.Call c : calls) {
            if (c.cost() != null) {
                lastCost = c;
            }
            if (c.failing() != null) {
                lastList = c;
            }
            if (c.diagnosis() != null) {
                lastDiagnosis = c;
            }
            if (c.trends() != null) {
                lastTrends = c;
            }
        }
        if (lastList != null) {
            parts.add(new Reply.Failing(lastList.failing()));
        }
        if (lastDiagnosis != null) {
            parts.add(standard.diagnosisCard(lastDiagnosis.diagnosis()));
        }
        if (lastTrends != null) {
            parts.add(new Reply.Trends(lastTrends.trends()));
        }
        if (lastCost != null) {
            parts.add(new Reply.Cost(lastCost.cost()));
        }
        List<Reply.ToolCallInfo> infos = calls.stream()
                .map(c -> new Reply.ToolCallInfo(c.name(), c.arguments(), c.durationMs(), c.ok())).toList();
        parts.add(new Reply.ExpertDetails(infos, modelName, in, out, rounds, ms));
        return new AgentReply(parts);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
