package com.adfops.teams;

import com.adfops.config.AuthProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: the Bot Framework messaging endpoint. Reads the body as text and binds it with
 * botbuilder's own Jackson 2 (Spring's Jackson 3 cannot bind botbuilder's types), rejects what is not an
 * activity with 400, and hands the activity to the adapter without blocking the request thread.
 */
@RestController
class BotController {

    private static final Logger log = LoggerFactory.getLogger(BotController.class);
    static final int MAX_BODY = 256 * 1024;

    private final BotFrameworkAdapter adapter;
    private final AdfOpsBot bot;
    private final java.util.Set<String> allowedTenants;

    BotController(BotFrameworkAdapter adapter, AdfOpsBot bot, AuthProperties auth) {
        this.adapter = adapter;
        this.bot = bot;
        this.allowedTenants = auth.tenants();
    }

    /** Clients (the Agents Playground among them) probe the endpoint with HEAD. */
    @org.springframework.web.bind.annotation.RequestMapping(path = "/api/messages",
            method = org.springframework.web.bind.annotation.RequestMethod.HEAD)
    ResponseEntity<Void> probe() {
        return ResponseEntity.ok().build();
    }

    /**
     * An activity from the Bot Connector. Answered on the request thread: a message is only parsed and queued (its
     * answer goes out later through the connector), and a card click waits at most the flows' own deadlines; a
     * synchronous answer spares the servlet container an asynchronous dispatch per activity.
     */
    @PostMapping(path = "/api/messages")
    ResponseEntity<String> incoming(
            @RequestBody(required = false) String body,
            @RequestHeader(value = "Authorization", defaultValue = "") String authHeader) {
        Activity activity;
        try {
            activity = parse(body);
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        if (!allowedTenants.isEmpty() && !allowedTenants.contains(tenantOf(activity))) {
            log.warn("Refused an activity from a tenant that is not allowed");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        CompletableFuture<InvokeResponse> processing;
        try {
            processing = adapter.processActivity(authHeader, activity, bot::onTurn);
        } catch (RuntimeException e) {
            // botbuilder decodes the JWT before it returns a future: a malformed token throws here.
            return failure(e);
        }
        try {
            return answer(processing.get(REQUEST_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS), null);
        } catch (java.util.concurrent.ExecutionException e) {
            return answer(null, e.getCause() == null ? e : e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            // The flows answer within their deadlines; this is a backstop, and the work goes on.
            log.warn("An activity took longer than {} to process; answered 200", REQUEST_LIMIT);
            return ResponseEntity.ok().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }

    /** The longest an activity may hold a request thread (card clicks wait at most ADFOPS_TURNS_CARDDEADLINE). */
    static final java.time.Duration REQUEST_LIMIT = java.time.Duration.ofSeconds(60);

    private static ResponseEntity<String> answer(InvokeResponse invoke, Throwable error) {
        if (error != null) {
            return failure(error);
        }
        if (invoke != null) {
            return ResponseEntity.status(invoke.getStatus())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(invoke.getBody() == null ? null : Serialization.toStringSilent(invoke.getBody()));
        }
        return ResponseEntity.status(HttpStatus.OK).<String>build();
    }

    /** 401 for anything about the caller's token; 500 (logged) for the rest, which the turn boundary did not catch. */
    private static ResponseEntity<String> failure(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof AuthenticationException || c.getClass().getName().startsWith("com.auth0.jwt.exceptions.")) {
                log.info("Rejected an activity: {}", c.getMessage());
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        log.error("Activity processing failed", error);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
    }

    /** The Entra tenant an activity comes from (conversation, else Teams channel data), lower case, or "". */
    static String tenantOf(Activity a) {
        String t = a.getConversation() == null ? null : a.getConversation().getTenantId();
        if ((t == null || t.isBlank()) && a.getChannelData() != null) {
            JsonNode cd = Serialization.objectToTree(a.getChannelData());
            t = cd == null ? null : cd.path("tenant").path("id").asText(null);
        }
        return t == null ? "" : t.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The activity in {@code body}; IllegalArgumentException with a safe message when it is not one. */
    static Activity parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The request body is empty; expected a Bot Framework activity.");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("The request body is too large.");
        }
        JsonNode node;
        try {
            node = Serialization.jsonToTree(body);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("The request body must be a JSON object (a Bot Framework activity).");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new IllegalArgumentException("The activity has no \"type\".");
        }
        // TeamsActivityHandler switches on channelData.eventType of a conversationUpdate without members: never null.
        if ("conversationUpdate".equals(type.asText()) && node.get("channelData") instanceof com.fasterxml.jackson.databind.node.ObjectNode cd
                && !cd.path("eventType").isTextual()) {
            cd.put("eventType", "");
        }
        // botbuilder walks the member lists without guarding (a null member, or one without an id, is a 500 inside it).
        membersWithIds((com.fasterxml.jackson.databind.node.ObjectNode) node, "membersAdded");
        membersWithIds((com.fasterxml.jackson.databind.node.ObjectNode) node, "membersRemoved");
        normalizeTimestamp((com.fasterxml.jackson.databind.node.ObjectNode) node, "timestamp");
        normalizeTimestamp((com.fasterxml.jackson.databind.node.ObjectNode) node, "localTimestamp");
        Activity activity;
        try {
            activity = Serialization.treeToValue(node, Activity.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The body is not a valid Bot Framework activity.");
        }
        if (activity == null) {
            throw new IllegalArgumentException("The body is not a valid Bot Framework activity.");
        }
        if (activity.getConversation() == null || activity.getConversation().getId() == null
                || activity.getServiceUrl() == null || activity.getServiceUrl().isBlank()) {
            throw new IllegalArgumentException("The activity needs a conversation id and a serviceUrl.");
        }
        if (!isHttpUrl(activity.getServiceUrl())) {
            throw new IllegalArgumentException("The activity's serviceUrl must be an http(s) URL.");
        }
        if (activity.getConversation().getId().length() > MAX_CONVERSATION_ID) {
            throw new IllegalArgumentException("The conversation id is too long.");
        }
        // Teams ids are printable ASCII; anything else (a control character would forge log lines) cannot even be sent
        // back: botbuilder puts the id in a header.
        if (activity.getConversation().getId().chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("The conversation id holds characters no Teams id has (control "
                    + "characters or non-ASCII).");
        }
        // botbuilder reads these without guarding: a malformed locale throws, a missing event or invoke name NPEs.
        if (activity.getLocale() != null && !isLanguageTag(activity.getLocale())) {
            activity.setLocale(null);
        }
        if (activity.getName() == null && ("event".equals(activity.getType()) || "invoke".equals(activity.getType()))) {
            activity.setName("");
        }
        // That name is the bot's own proactive turns' (whose failures go back to their sender): never a caller's.
        if ("event".equals(activity.getType())
                && com.microsoft.bot.schema.ActivityEventNames.CONTINUE_CONVERSATION.equals(activity.getName())) {
            activity.setName("");
        }
        // botbuilder's Teams tenant middleware builds a new ObjectMapper (a classpath scan) for every turn whose
        // conversation lacks the tenant; channelData usually has it.
        String tenant = tenantOf(activity);
        if ((activity.getConversation().getTenantId() == null || activity.getConversation().getTenantId().isBlank())
                && !tenant.isEmpty()) {
            activity.getConversation().setTenantId(tenant);
        }
        return activity;
    }

    /** Keeps only the members of a list that are objects with a non-blank string id; drops a list that is not one. */
    private static void membersWithIds(com.fasterxml.jackson.databind.node.ObjectNode node, String field) {
        JsonNode list = node.get(field);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            node.remove(field);
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode kept = node.arrayNode();
        for (JsonNode m : list) {
            if (m != null && m.isObject() && m.path("id").isTextual() && !m.path("id").asText().isBlank()) {
                kept.add(m);
            }
        }
        node.set(field, kept);
    }

    /** Teams conversation ids are well under this; longer ones cannot be real and would not fit a state key. */
    static final int MAX_CONVERSATION_ID = 600;

    private static boolean isLanguageTag(String tag) {
        try {
            new java.util.Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
    }

    /** An absolute http or https URL with a host: the only kind of serviceUrl a reply can go to. */
    static boolean isHttpUrl(String url) {
        try {
            java.net.URI u = new java.net.URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null && !u.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * botbuilder-java only parses timestamps with fractional seconds; channels may omit them
     * ({@code 2026-11-26T10:00:00Z}). Adds ".000" so such activities are not rejected.
     */
    private static void normalizeTimestamp(com.fasterxml.jackson.databind.node.ObjectNode node, String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isTextual()) {
            String t = v.asText();
            java.util.regex.Matcher m = NO_FRACTION.matcher(t);
            if (m.matches()) {
                node.put(field, m.group(1) + ".000" + m.group(2));
            }
        }
    }

    private static final java.util.regex.Pattern NO_FRACTION =
            java.util.regex.Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(Z|[+-]\\d{2}:\\d{2})$");

    private static ResponseEntity<String> badRequest(String message) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":{\"code\":\"BadRequest\",\"message\":" + quote(message) + "}}");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
