package com.adfops.agent;

import com.adfops.adf.SecretRedactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes ADF error text readable and safe: secrets masked, wrappers removed, length bounded. */
public final class ErrorText {

    private static final Pattern OPERATION_ON_TARGET = Pattern.compile("^Operation on target (.+?) failed:\\s*");
    private static final Pattern INNER_CODE = Pattern.compile("ErrorCode=([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern INNER_MESSAGE = Pattern.compile("Message=(.+?)(?:,Source=|,''Type=|$)");
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

    /** Summaries already made: the same messages are summarised on every list, status and diagnosis. */
    private static final Map<SummaryKey, String> SUMMARIES = new ConcurrentHashMap<>();
    private static final int SUMMARIES_KEPT = 4096;

    private record SummaryKey(String message, int max) {
    }

    /** A one-line summary, e.g. "SqlFailedToConnect: Cannot connect to SQL Database." */
    public static String summary(String message, int max) {
        SummaryKey key = new SummaryKey(message == null ? "" : message, max);
        String known = SUMMARIES.get(key);
        if (known != null) {
            return known;
        }
        if (SUMMARIES.size() >= SUMMARIES_KEPT) {
            SUMMARIES.clear();
        }
        String s = summarise(key.message(), max);
        SUMMARIES.put(key, s);
        return s;
    }

    private static String summarise(String message, int max) {
        // Unwrapped first: a data flow's JSON error escapes what the redactor must see (\u0026sig=, \"Password\").
        String m = SecretRedactor.redact(unwrapJson(message == null ? "" : message)).trim();
        Matcher t;
        while ((t = OPERATION_ON_TARGET.matcher(m)).find()) {
            m = m.substring(t.end());
        }
        m = JOB_FAILED.matcher(m).replaceFirst("");
        String code = null;
        Matcher c = INNER_CODE.matcher(m);
        if (c.find()) {
            code = c.group(1);
        }
        Matcher im = INNER_MESSAGE.matcher(m);
        String text = im.find() ? im.group(1) : m.replaceFirst("^ErrorCode=[A-Za-z0-9_]+,\\s*'?", "");
        int dot = firstSentenceEnd(text);
        if (dot > 0) {
            text = text.substring(0, dot + 1);
        }
        String s = code != null && !text.startsWith(code) ? code + ": " + text : text;
        return truncate(s.replaceAll("\\s+", " ").trim(), max);
    }

    /**
     * A message that is a JSON object (mapping data flows report {@code {"StatusCode": ..., "Message": ...,
     * "Details": ...}}) as "StatusCode: Message"; the details (a stack trace) are left out. Any other text, and JSON
     * without a message, comes back unchanged. An "Operation on target X failed:" prefix is kept.
     */
    public static String unwrapJson(String message) {
        if (message == null) {
            return "";
        }
        int brace = message.indexOf('{');
        if (brace < 0 || !(message.substring(0, brace).isBlank() || OPERATION_ON_TARGET.matcher(message).find())) {
            return message;
        }
        try {
            JsonNode n = JSON.readTree(message.substring(brace));
            if (n == null || !n.isObject()) {
                return message;
            }
            String text = firstText(n, "Message", "message", "errorMessage", "error");
            if (text.isEmpty()) {
                return message;
            }
            String code = firstText(n, "StatusCode", "statusCode", "errorCode", "code");
            return message.substring(0, brace) + (code.isEmpty() || text.startsWith(code) ? text : code + ": " + text);
        } catch (java.io.IOException | RuntimeException e) {
            return message;
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

    /** The full message with secrets masked, bounded to {@code max} characters. */
    public static String full(String message, int max) {
        return truncate(SecretRedactor.redact(message == null ? "" : message).trim(), max);
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
}
