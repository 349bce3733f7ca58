package com.adfops.runs;

import com.adfops.adf.SecretRedactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes ADF error text readable and safe: secrets masked, wrappers removed, length bounded. */
public final class ErrorText {

    private static final Pattern OPERATION_ON_TARGET = Pattern.compile("^Operation on target (.+?) failed:\\s*");
    private static final Pattern INNER_CODE = Pattern.compile("ErrorCode=([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern JOB_FAILED = Pattern.compile("(?i)job failed due to reason: ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorText() {
    }

    /** The innermost activity named by ADF's "Operation on target X failed:" wrappers of a run's message, or "". */
    public static String failedActivity(String message) {
        String m = message == null ? "" : message.trim();
        String name = "";
        Matcher t;
        while ((t = OPERATION_ON_TARGET.matcher(m)).find()) {
            name = t.group(1);
            m = m.substring(t.end());
        }
        return truncate(name, 120);
    }

    /** What a message says, taken apart once: the error code it names (or "") and its human sentence, both masked. */
    private record Parsed(String code, String cause) {
    }

    /** Messages already taken apart: the same messages are summarised on every list, status and diagnosis. */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_KEPT = 4096;

    /** A one-line summary: the error code and the human cause, e.g. "SqlFailedToConnect: Login failed for user 'etl'." */
    public static String summary(String message, int max) {
        Parsed p = parsed(message);
        String s = p.code().isEmpty() || p.cause().startsWith(p.code()) ? p.cause() : p.code() + ": " + p.cause();
        return truncate(s, max);
    }

    /**
     * The short human cause of an ADF error message, without codes or wrappers: the innermost meaningful
     * {@code Message=} of a Copy exception chain (the SQL or storage sentence), the sentence after "with the following
     * error:" or "Error Message:", the {@code message} of a JSON body, the status, title and first heading of an HTML
     * page (never its markup); then its first sentence. Secrets are masked. Plain text, never markdown.
     */
    public static String cause(String message, int max) {
        return truncate(parsed(message).cause(), max);
    }

    private static Parsed parsed(String message) {
        String m = message == null ? "" : message;
        Parsed known = PARSED.get(m);
        if (known != null) {
            return known;
        }
        if (PARSED.size() >= PARSED_KEPT) {
            PARSED.clear();
        }
        Parsed p = parse(m);
        PARSED.put(m, p);
        return p;
    }

    private static Parsed parse(String message) {
        // Unwrapped first: a data flow's JSON error escapes what the redactor must see (\u0026sig=, \"Password\").
        JsonError json = jsonError(message);
        String m = SecretRedactor.redact(json == null ? message : json.prefix() + json.text()).trim();
        Matcher t;
        while ((t = OPERATION_ON_TARGET.matcher(m)).find()) {
            m = m.substring(t.end());
        }
        m = JOB_FAILED.matcher(m).replaceFirst("");
        String code = json == null ? "" : SecretRedactor.redact(json.code());
        Matcher c = INNER_CODE.matcher(m);
        if (code.isEmpty() && c.find()) {
            code = c.group(1);
        }
        int html = HtmlText.start(m);
        String text = html >= 0 ? htmlCause(m, html) : sentence(chainMessage(m));
        return new Parsed(code, oneLine(text));
    }

    /** The cause an HTML error page gives: the HTTP status, its title and first heading, without markup. */
    private static String htmlCause(String m, int html) {
        String before = HtmlText.toText(m.substring(0, html)).trim();
        HtmlText.Page page = HtmlText.page(m.substring(html));
        StringBuilder b = new StringBuilder();
        int status = httpStatus(before + " " + page.title());
        if (status > 0 && !(page.title() + page.heading()).contains(String.valueOf(status))) {
            b.append("HTTP ").append(status);
        }
        for (String part : new String[] {page.title(), page.heading()}) {
            if (!part.isEmpty() && b.indexOf(part) < 0) {
                b.append(b.isEmpty() ? "" : ": ").append(part);
            }
        }
        if (b.isEmpty()) {
            return sentence(before.isEmpty() ? page.text() : before);
        }
        return b.toString();
    }

    /** Segments of a .NET exception chain start at {@code 'Type=}; each names its message in {@code Message=}. */
    private static final String SEGMENT = "'Type=";
    private static final String MESSAGE = "Message=";
    /** Wrapper sentences that say nothing about the cause: skipped in favour of an outer message. */
    private static final List<String> GENERIC = List.of("one or more errors occurred", "exception of type",
            "an error occurred while sending the request", "the remote server returned an error",
            "a database operation failed. please search error", "an exception has been raised");
    /** Phrases after which the real cause follows. */
    private static final List<String> CAUSE_AFTER = List.of("with the following error:", "error message:");

    /**
     * The text of a message that tells the cause: for an exception chain ({@code Message=...,Source=...,''Type=...})
     * the innermost message that is not a generic wrapper sentence, else the outermost; for other text, the text
     * without its {@code ErrorCode=} prefix. The sentence after "with the following error:" and the like is preferred.
     */
    private static String chainMessage(String m) {
        List<String> messages = new java.util.ArrayList<>();
        int from = 0;
        while (from < m.length()) {
            int next = m.indexOf(SEGMENT, from + 1);
            int end = next < 0 ? m.length() : next;
            int at = m.indexOf(MESSAGE, from);
            if (at >= 0 && at < end && (at == 0 || ",'".indexOf(m.charAt(at - 1)) >= 0)) {
                int stop = m.indexOf(",Source=", at);
                String text = m.substring(at + MESSAGE.length(), stop >= 0 && stop < end ? stop : end);
                messages.add(afterCause(stripQuotes(text)));
            }
            if (next < 0) {
                break;
            }
            from = next;
        }
        for (int i = messages.size() - 1; i > 0; i--) {
            if (!messages.get(i).isBlank() && !generic(messages.get(i))) {
                return messages.get(i);
            }
        }
        if (!messages.isEmpty() && !messages.get(0).isBlank()) {
            return messages.get(0);
        }
        return afterCause(m.replaceFirst("^ErrorCode=[A-Za-z0-9_]+,\\s*'?", ""));
    }

    private static boolean generic(String text) {
        String l = text.toLowerCase(java.util.Locale.ROOT);
        return GENERIC.stream().anyMatch(l::startsWith);
    }

    /** The text after the last "with the following error:" (or alike) when something follows it, else the text. */
    private static String afterCause(String text) {
        String l = text.toLowerCase(java.util.Locale.ROOT);
        for (String p : CAUSE_AFTER) {
            int i = l.lastIndexOf(p);
            if (i >= 0) {
                String rest = stripQuotes(text.substring(i + p.length()));
                if (rest.length() > 3) {
                    return rest;
                }
            }
        }
        return text;
    }

    /** Text without the quotes and commas ADF puts around nested messages ({@code 'Invalid object name 'x'.',}). */
    private static String stripQuotes(String text) {
        String s = text.trim();
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == '\'' || s.charAt(a) == '"')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ',' || Character.isWhitespace(s.charAt(b - 1)))) {
            b--;
        }
        // Only as many closing quotes as opening ones: "for user 'etl'" keeps its own.
        for (int q = a; q > 0 && b > a && (s.charAt(b - 1) == '\'' || s.charAt(b - 1) == '"'); q--) {
            b--;
        }
        return s.substring(a, b).trim();
    }

    private static String sentence(String text) {
        int dot = firstSentenceEnd(text);
        return dot > 0 ? text.substring(0, dot + 1) : text;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /**
     * A message that is a JSON object (mapping data flows report {@code {"StatusCode": ..., "Message": ...,
     * "Details": ...}}, web APIs {@code {"error": {"code", "message"}}} or {@code {"error_description": ...}}) as
     * "StatusCode: Message"; the details (a stack trace) are left out. Any other text, and JSON without a message,
     * comes back unchanged. An "Operation on target X failed:" prefix is kept.
     */
    public static String unwrapJson(String message) {
        JsonError j = jsonError(message);
        return j == null ? message == null ? "" : message
                : j.prefix() + (j.code().isEmpty() || j.text().startsWith(j.code()) ? j.text() : j.code() + ": " + j.text());
    }

    /** A JSON error body: the text before it, its code (or "") and its message. */
    private record JsonError(String prefix, String code, String text) {
    }

    /** The JSON error body a message is, or null when it is none (or has no message). */
    private static JsonError jsonError(String message) {
        if (message == null) {
            return null;
        }
        int brace = message.indexOf('{');
        if (brace < 0 || !(message.substring(0, brace).isBlank() || OPERATION_ON_TARGET.matcher(message).find())) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(message.substring(brace));
            if (n == null || !n.isObject()) {
                return null;
            }
            JsonNode error = n.path("error").isObject() ? n.get("error") : n;
            String text = firstText(error, "Message", "message", "errorMessage", "error_description", "error");
            if (text.isEmpty()) {
                text = firstText(n, "error_description", "Message", "message");
            }
            if (text.isEmpty()) {
                return null;
            }
            return new JsonError(message.substring(0, brace), firstText(error, "StatusCode", "statusCode", "errorCode",
                    "code"), text);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().trim();
            }
        }
        return "";
    }

    /**
     * The full message with secrets masked, bounded to {@code max} characters. An HTML page in it is shown as its text:
     * tags, scripts and styles removed, entities decoded, before the secrets are masked.
     */
    public static String full(String message, int max) {
        String m = message == null ? "" : message;
        int html = HtmlText.start(m);
        if (html >= 0) {
            m = m.substring(0, html) + HtmlText.toText(m.substring(html));
        }
        return truncate(SecretRedactor.redact(m).trim(), max);
    }

    /**
     * Masks secrets ({@link SecretRedactor}) in every string value of a JSON tree, in place: objects' values and
     * arrays' items at any depth, so a tree built from outside text (a card, a tool output) can leave the bot. A
     * string for which {@code keep} answers true (given the object holding it and the field's name) is left alone:
     * the bot's own links. Field names are the bot's and are not touched.
     */
    public static void redactStrings(JsonNode tree, java.util.function.BiPredicate<JsonNode, String> keep) {
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                JsonNode v = f.getValue();
                if (v.isTextual()) {
                    String r = SecretRedactor.redact(v.textValue());
                    if (!r.equals(v.textValue()) && !keep.test(o, f.getKey())) {
                        f.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(r));
                    }
                } else {
                    redactStrings(v, keep);
                }
            }
        } else if (tree instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual()) {
                    String r = SecretRedactor.redact(v.textValue());
                    if (!r.equals(v.textValue())) {
                        a.set(i, r);
                    }
                } else {
                    redactStrings(v, keep);
                }
            }
        }
    }

    /**
     * Text from outside (a pipeline name, an error message) for a Teams markdown message: every markdown and HTML
     * character is escaped, so it shows literally and cannot become a link, a mention or formatting.
     */
    public static String escapeMarkdown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\`*_{}[]()<>#+!|~".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    public static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }

    private static int firstSentenceEnd(String s) {
        for (int i = 20; i < s.length() - 1; i++) {
            if (s.charAt(i) == '.' && Character.isWhitespace(s.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static final List<Pattern> HTTP_STATUS = List.of(
            Pattern.compile("(?i)response status code:\\s*'?(\\d{3})"),
            Pattern.compile("(?i)http ?status ?code[\"':= ]*(\\d{3})"),
            Pattern.compile("(?i)status ?code[\"':= ]+'?(\\d{3})\\b"),
            Pattern.compile("(?i)\\bstatus[- ]?'?(\\d{3})\\b"),
            Pattern.compile("\\((\\d{3})\\)"));
    /** Status words some activities print instead of numbers ("failed with status-'NotFound'"). */
    private static final Map<String, Integer> STATUS_WORDS = Map.of("unauthorized", 401, "forbidden", 403,
            "notfound", 404, "toomanyrequests", 429, "internalservererror", 500, "badgateway", 502,
            "serviceunavailable", 503, "gatewaytimeout", 504, "requesttimeout", 408);
    private static final Pattern STATUS_WORD = Pattern.compile("(?i)status-?'?([a-z]+)'?");

    /** The HTTP status a message reports, or 0. */
    public static int httpStatus(String message) {
        for (Pattern p : HTTP_STATUS) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                int s = Integer.parseInt(m.group(1));
                if (s >= 400 && s <= 599) {
                    return s;
                }
            }
        }
        Matcher w = STATUS_WORD.matcher(message);
        while (w.find()) {
            Integer s = STATUS_WORDS.get(w.group(1).toLowerCase(Locale.ROOT));
            if (s != null) {
                return s;
            }
        }
        return 0;
    }
}
