package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Random and mutated activities at {@code /api/messages} (wrong types, nulls, huge strings, deep nesting, bad URLs,
 * broken JSON): never a 5xx, and the next good message still gets its answer. Replies only ever go to the fake
 * connector: a mutated serviceUrl is either the connector's or not an http(s) URL at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagesFuzzIT extends WithConnector {

    static final String[] SAMPLES = {"personal-message.json", "channel-mention-message.json",
        "groupchat-mention-message.json", "personal-card-submit.json", "channel-card-submit.json",
        "personal-conversationUpdate.json", "channel-installationUpdate.json"};
    static final String[] BAD_URLS = {"javascript:alert(1)", "ftp://127.0.0.1/x", "not a url", "", "http://",
        "file:///etc/passwd", "//127.0.0.1/x", "mailto:a@b"};
    static final JsonNodeFactory N = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    /** Fixed by default so a failure reproduces; -Dadfops.fuzz.seed=N explores other mutations. */
    final Random random = new Random(Long.getLong("adfops.fuzz.seed", 20261127L));

    @Test
    void noMutationGetsA5xxAndTheNextGoodMessageIsAnswered() throws Exception {
        List<String> fiveHundreds = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < 400; i++) {
            String body = i % 10 == 9 ? brokenJson(i) : deepen(mutate(base(), 1 + random.nextInt(4)).toString());
            HttpResponse<String> r = TeamsActivities.post(port, body);
            if (r.statusCode() >= 500) {
                fiveHundreds.add(r.statusCode() + " for " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
            if (r.statusCode() == 200) {
                accepted++;
            }
        }
        assertThat(fiveHundreds).isEmpty();
        assertThat(accepted).as("some mutations are still valid activities").isPositive();

        String conv = "a:after-fuzz-" + UUID.randomUUID();
        ObjectNode good = TeamsActivities.message(connector.serviceUrl(), conv, "what pipelines are failing?");
        assertThat(TeamsActivities.post(port, good).statusCode()).isEqualTo(200);
        FakeConnector.Sent answer = connector.await(s -> s.conversationId().equals(conv) && s.type().equals("message")
                && s.card().toString().contains("failing"), Duration.ofSeconds(30));
        assertThat(answer).isNotNull();
    }

    @Test
    void aServiceUrlThatIsNotHttpIsABadRequest() {
        for (String url : BAD_URLS) {
            ObjectNode m = TeamsActivities.message(connector.serviceUrl(), "a:bad-url", "what pipelines are failing?");
            m.put("serviceUrl", url);
            HttpResponse<String> r = TeamsActivities.post(port, m);
            assertThat(r.statusCode()).as(url).isEqualTo(400);
            assertThat(r.body()).as(url).contains("serviceUrl");
        }
    }

    /**
     * Bodies far over the limit, with a Content-Length or chunked, four at once, without any token: each is refused
     * with 413 after at most a few megabytes went out (the bot stops reading; it used to read all of it, before
     * authentication, and four 100 MB bodies ended the process), and the bot answers the next question.
     */
    @Test
    void hugeBodiesAreRefusedWhileTheyStreamInBeforeAuthentication() throws Exception {
        long hundredMb = 100L * 1024 * 1024;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<RawPost.Result>> results = new ArrayList<>();
            for (String path : List.of("/api/messages", "/api/alerts")) {
                for (boolean chunked : List.of(false, true)) {
                    results.add(pool.submit(() -> RawPost.send(port, path, hundredMb, chunked)));
                }
            }
            for (var f : results) {
                RawPost.Result r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(413);
                assertThat(r.sentBeforeAnswer()).as("bytes sent before the answer").isLessThan(16L * 1024 * 1024);
            }
        } finally {
            pool.shutdownNow();
        }
        String conv = "a:after-huge-" + UUID.randomUUID();
        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv, "help")).statusCode())
                .isEqualTo(200);
        connector.await(s -> s.conversationId().equals(conv) && s.type().equals("message"), Duration.ofSeconds(30));
    }

    /**
     * Inputs that reached botbuilder or the store and failed there: odd content types, member lists with null or
     * empty members, conversation ids up to the limit: never a 5xx, and a long id's conversation is answered (not
     * with "I could not reach storage"); an id with a line break (a forged log line) is a 400.
     */
    @Test
    void oddContentTypesMembersAndConversationIdsAreNeverServerErrors() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String type : new String[] {"*/*", "text/plain", "application/x-www-form-urlencoded", "garbage;;=",
            "multipart/form-data; boundary=x", "application/json; charset=latin-1"}) {
            String conv = "a:ctype-" + UUID.randomUUID();
            HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/messages"))
                    .header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            TeamsActivities.message(connector.serviceUrl(), conv, "help").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(type).isEqualTo(200);
        }
        for (String members : new String[] {"[{}]", "[null]", "[{\"id\":null}]", "[{\"id\":\"\"}]", "[1,\"x\"]", "{}",
            "\"x\""}) {
            for (String field : new String[] {"membersAdded", "membersRemoved"}) {
                ObjectNode update = TeamsActivities.sample("personal-conversationUpdate.json", connector.serviceUrl(),
                        "a:members-" + UUID.randomUUID());
                update.set(field, new com.fasterxml.jackson.databind.ObjectMapper().readTree(members));
                assertThat(TeamsActivities.post(port, update).statusCode()).as(field + " " + members).isLessThan(500);
            }
        }
        HttpResponse<String> forged = TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(),
                "a:forged\n2026-12-05 INFO fake log line\r\n", "help"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("control characters");
        HttpResponse<String> accented = TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(),
                "19:café@thread.tacv2", "help"));
        assertThat(accented.statusCode()).as("an id that cannot go back in a header").isEqualTo(400);
        for (String conv : new String[] {"a:" + "x".repeat(188), "19:" + "y".repeat(400) + "@thread.tacv2",
            "a:" + "z".repeat(597)}) {
            HttpResponse<String> r = TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv,
                    "what pipelines are failing?"));
            assertThat(r.statusCode()).as("conversation id of " + conv.length()).isEqualTo(200);
            FakeConnector.Sent answer = connector.await(s -> s.conversationId().equals(conv) && s.type().equals("message"),
                    Duration.ofSeconds(30));
            assertThat(answer.card().toString()).as("answer for an id of " + conv.length())
                    .contains("failing").doesNotContain("storage");
        }
    }

    private ObjectNode base() {
        String file = SAMPLES[random.nextInt(SAMPLES.length)];
        return TeamsActivities.sample(file, connector.serviceUrl(), "a:fuzz-" + random.nextInt(20));
    }

    private ObjectNode mutate(ObjectNode a, int times) {
        for (int t = 0; t < times; t++) {
            List<String> fields = new ArrayList<>();
            a.fieldNames().forEachRemaining(fields::add);
            String f = fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(13)) {
                case 0 -> a.remove(f);
                case 1 -> a.putNull(f);
                case 2 -> a.put(f, "x".repeat(1 + random.nextInt(120_000)));
                case 3 -> a.put(f, random.nextLong());
                case 4 -> a.put(f, DEEP + (5 + random.nextInt(3000)));
                case 5 -> a.set(f, N.arrayNode().add(1).add("two").addNull());
                case 6 -> a.put("serviceUrl", BAD_URLS[random.nextInt(BAD_URLS.length)]);
                case 7 -> a.put("type", List.of("message", "invoke", "event", "typing", "", "💥", "conversationUpdate",
                        "installationUpdate", "messageReaction", "MESSAGE").get(random.nextInt(10)));
                case 8 -> a.set("value", random.nextBoolean() ? deep(50) : N.objectNode().put("action",
                        List.of("diagnose", "escalate", "followup", "ask", "clear", "help", "rerunfromfailure", "rerun",
                                "cancelrun", "confirm", "dismiss", "resolve", "<script>", "")
                                .get(random.nextInt(14))).put("actionId", "../../" + random.nextInt())
                                .put("note", "**x** ${y} <at>z</at>").put("runId", "../../" + random.nextInt()).put("text", "x".repeat(5000)));
                case 9 -> a.put("text", List.of("", "<at>x</at>", "\u0000\u0001", "why did " + "a".repeat(3000) + " fail",
                        "[x](https://evil.example) **y**", "${x}", "what failed since 31/02?").get(random.nextInt(7)));
                case 11 -> a.set(random.nextBoolean() ? "membersAdded" : "membersRemoved", List.of(
                        N.arrayNode().addObject(), N.arrayNode().addNull(), N.arrayNode().add(N.objectNode().putNull("id")),
                        N.objectNode(), N.textNode("x")).get(random.nextInt(5)));
                case 12 -> {
                    if (a.get("conversation") instanceof ObjectNode c) {
                        c.put("id", List.of("a:" + "x".repeat(150 + random.nextInt(600)), "a:x\ny", "a:\u0000",
                                "19:" + "é".repeat(300) + "@thread.tacv2").get(random.nextInt(4)));
                    }
                }
                default -> {
                    JsonNode conv = a.get("conversation");
                    if (conv instanceof ObjectNode c) {
                        c.set("id", random.nextBoolean() ? N.nullNode() : N.numberNode(42));
                    }
                }
            }
        }
        return a;
    }

    /** Marks a value to be replaced by nesting deeper than Jackson will write (it reads the same limit back). */
    static final String DEEP = "__deep__";

    private static String deepen(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + DEEP + "(\\d+)\"").matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int depth = Integer.parseInt(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    "{\"n\":".repeat(depth) + "1" + "}".repeat(depth)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode deep(int depth) {
        ObjectNode root = N.objectNode();
        ObjectNode cur = root;
        for (int i = 0; i < depth; i++) {
            cur = cur.putObject("n");
        }
        return root;
    }

    private String brokenJson(int i) {
        String good = base().toString();
        return switch (i % 4) {
            case 0 -> good.substring(0, good.length() / 2);
            case 1 -> "[" + good + "]";
            case 2 -> "\"just a string\"";
            default -> good.replace("\"", "'");
        };
    }
}
