package com.adfops.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One template expression (the text inside {@code ${...}}) of {@link CardTemplateEngine}, parsed and evaluated as it
 * is parsed (recursive descent): property paths ({@code a.b}, {@code a[0]}, {@code $root}, {@code $data},
 * {@code $index}), literals, {@code ! == != < <= > >= && ||}, parentheses and the functions the templates use.
 * Missing values propagate as MissingNode, so the engine keeps the {@code ${...}} text as the npm engine does.
 */
final class TemplateExpression {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Where an expression is evaluated: the whole data ({@code $root}), the current {@code $data} and {@code $index}. */
    record Scope(JsonNode root, JsonNode data, int index) {
    }

    private final String s;
    private final Scope scope;
    private int pos;

    private TemplateExpression(String s, Scope scope) {
        this.s = s;
        this.scope = scope;
    }

    /** The value of {@code expr} in {@code scope}: MissingNode when it names what does not exist or does not parse. */
    static JsonNode evaluate(String expr, Scope scope) {
        try {
            TemplateExpression p = new TemplateExpression(expr, scope);
            JsonNode v = p.parseOr();
            p.skipWs();
            if (p.pos != expr.length()) {
                return MissingNode.getInstance();
            }
            return v;
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    private static boolean truthy(JsonNode v) {
        return v != null && v.isBoolean() && v.booleanValue();
    }

    private static boolean isEmpty(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isTextual()) {
            return v.asText().isEmpty();
        }
        if (v.isContainerNode()) {
            return v.isEmpty();
        }
        return false;
    }

    private void skipWs() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String tok) {
        skipWs();
        if (s.startsWith(tok, pos)) {
            pos += tok.length();
            return true;
        }
        return false;
    }

    private JsonNode parseOr() {
        JsonNode left = parseAnd();
        while (eat("||")) {
            JsonNode right = parseAnd();
            if (left.isMissingNode() || right.isMissingNode()) {
                left = MissingNode.getInstance();
            } else {
                left = BooleanNode.valueOf(truthy(left) || truthy(right));
            }
        }
        return left;
    }

    private JsonNode parseAnd() {
        JsonNode left = parseCmp();
        while (eat("&&")) {
            JsonNode right = parseCmp();
            if (left.isMissingNode() || right.isMissingNode()) {
                left = MissingNode.getInstance();
            } else {
                left = BooleanNode.valueOf(truthy(left) && truthy(right));
            }
        }
        return left;
    }

    private JsonNode parseCmp() {
        JsonNode left = parseUnary();
        for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            skipWs();
            if (s.startsWith(op, pos)) {
                pos += op.length();
                JsonNode right = parseUnary();
                if (left.isMissingNode() || right.isMissingNode()) {
                    return MissingNode.getInstance();
                }
                return BooleanNode.valueOf(compare(op, left, right));
            }
        }
        return left;
    }

    private boolean compare(String op, JsonNode a, JsonNode b) {
        if (op.equals("==")) {
            return equal(a, b);
        }
        if (op.equals("!=")) {
            return !equal(a, b);
        }
        int c;
        if (a.isNumber() && b.isNumber()) {
            c = a.decimalValue().compareTo(b.decimalValue());
        } else if (a.isTextual() && b.isTextual()) {
            c = a.asText().compareTo(b.asText());
        } else {
            throw new IllegalArgumentException("cannot compare");
        }
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private JsonNode parseUnary() {
        if (eat("!")) {
            JsonNode v = parseUnary();
            return v.isMissingNode() ? v : BooleanNode.valueOf(!truthy(v));
        }
        return parsePrimary();
    }

    private JsonNode parsePrimary() {
        skipWs();
        if (pos >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            JsonNode v = parseOr();
            if (!eat(")")) {
                throw new IllegalArgumentException(") expected");
            }
            return v;
        }
        if (c == '\'' || c == '"') {
            int end = s.indexOf(c, pos + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated string");
            }
            String lit = s.substring(pos + 1, end);
            pos = end + 1;
            return TextNode.valueOf(lit);
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
            int start = pos++;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            return F.numberNode(new BigDecimal(s.substring(start, pos)));
        }
        String ident = identifier();
        if (ident.isEmpty()) {
            throw new IllegalArgumentException("identifier expected");
        }
        skipWs();
        if (pos < s.length() && s.charAt(pos) == '(') {
            pos++;
            return call(ident);
        }
        return switch (ident) {
            case "true" -> BooleanNode.TRUE;
            case "false" -> BooleanNode.FALSE;
            case "null" -> NullNode.instance;
            default -> path(ident);
        };
    }

    private String identifier() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                || s.charAt(pos) == '$')) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private JsonNode path(String first) {
        JsonNode cur;
        switch (first) {
            case "$root" -> cur = scope.root();
            case "$data" -> cur = scope.data();
            case "$index" -> cur = scope.index() >= 0 ? F.numberNode(scope.index()) : MissingNode.getInstance();
            default -> cur = field(scope.data(), first);
        }
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '.') {
                pos++;
                cur = field(cur, identifier());
            } else if (c == '[') {
                pos++;
                JsonNode idx = parseOr();
                if (!eat("]")) {
                    throw new IllegalArgumentException("] expected");
                }
                if (idx.isNumber() && cur.isArray()) {
                    JsonNode v = cur.get(idx.intValue());
                    cur = v == null ? MissingNode.getInstance() : v;
                } else if (idx.isTextual()) {
                    cur = field(cur, idx.asText());
                } else {
                    cur = MissingNode.getInstance();
                }
            } else {
                break;
            }
        }
        return cur;
    }

    private static JsonNode field(JsonNode obj, String name) {
        if (obj == null || !obj.isObject() || !obj.has(name)) {
            return MissingNode.getInstance();
        }
        return obj.get(name);
    }

    private JsonNode call(String fn) {
        List<JsonNode> args = new ArrayList<>();
        if (!eat(")")) {
            do {
                args.add(parseOr());
            } while (eat(","));
            if (!eat(")")) {
                throw new IllegalArgumentException(") expected");
            }
        }
        return switch (fn) {
            case "exists" -> BooleanNode.valueOf(!args.get(0).isMissingNode() && !args.get(0).isNull());
            case "empty" -> BooleanNode.valueOf(isEmpty(args.get(0)));
            case "count", "length" -> {
                JsonNode a = args.get(0);
                if (a.isMissingNode()) {
                    yield a;
                }
                yield F.numberNode(a.isTextual() ? a.asText().length() : a.size());
            }
            case "not" -> args.get(0).isMissingNode() ? args.get(0) : BooleanNode.valueOf(!truthy(args.get(0)));
            case "and" -> BooleanNode.valueOf(args.stream().allMatch(TemplateExpression::truthy));
            case "or" -> BooleanNode.valueOf(args.stream().anyMatch(TemplateExpression::truthy));
            case "if" -> truthy(args.get(0)) ? args.get(1) : args.get(2);
            case "string" -> args.get(0).isMissingNode() ? args.get(0) : TextNode.valueOf(TemplateStrings.text(args.get(0)));
            default -> throw new IllegalArgumentException("unknown function " + fn);
        };
    }
}
