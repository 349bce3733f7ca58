package com.adfops.cards;

import com.adfops.cards.TemplateExpression.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A template string of {@link CardTemplateEngine}: where its {@code ${...}} expressions are (quotes and nested braces
 * respected) and what it becomes: the typed value of a whole-string expression, else the text with each expression's
 * value interpolated ({@link TemplateExpression} evaluates them).
 */
final class TemplateStrings {

    private TemplateStrings() {
    }

    /**
     * Evaluates the expressions in a template string. Returns the typed value when the string is exactly one
     * expression, the interpolated text otherwise, or null when nothing could be evaluated (keep as is).
     */
    static JsonNode evalString(String s, Scope scope) {
        if (!s.contains("${")) {
            return null;
        }
        List<int[]> spans = spans(s);
        if (spans.isEmpty()) {
            return null;
        }
        if (spans.size() == 1 && spans.get(0)[0] == 0 && spans.get(0)[1] == s.length()) {
            JsonNode v = TemplateExpression.evaluate(s.substring(2, s.length() - 1), scope);
            return v.isMissingNode() ? TextNode.valueOf(s) : v;
        }
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (int[] span : spans) {
            sb.append(s, pos, span[0]);
            JsonNode v = TemplateExpression.evaluate(s.substring(span[0] + 2, span[1] - 1), scope);
            sb.append(v.isMissingNode() ? s.substring(span[0], span[1]) : text(v));
            pos = span[1];
        }
        sb.append(s.substring(pos));
        return TextNode.valueOf(sb.toString());
    }

    /** Start (at "$") and end (after "}") of each top-level ${...}, respecting quotes and nested braces. */
    private static List<int[]> spans(String s) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while ((i = s.indexOf("${", i)) >= 0) {
            int depth = 0;
            char quote = 0;
            int j = i + 2;
            int end = -1;
            for (; j < s.length(); j++) {
                char c = s.charAt(j);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        end = j + 1;
                        break;
                    }
                    depth--;
                }
            }
            if (end < 0) {
                break;
            }
            out.add(new int[] {i, end});
            i = end;
        }
        return out;
    }

    /** A value as text in a longer string: a string as it is, a number without trailing zeros, null as nothing. */
    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return v.toString();
    }
}
