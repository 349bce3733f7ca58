package com.adfops.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Expands Adaptive Card templates: the subset of the Adaptive Cards Templating Language our templates use,
 * with the npm engine's ({@code adaptivecards-templating} 2.3) semantics:
 * <ul>
 *   <li>{@code "${expr}"} as a whole string yields the value with its JSON type; inside a longer string it is
 *       interpolated as text;</li>
 *   <li>an expression over a property that does not exist leaves the {@code ${...}} text as it is;</li>
 *   <li>{@code $data} binds an object as the scope, or repeats the element for each array item
 *       ({@code $index} is the position); {@code $root} is the whole data; {@code $when} drops an element
 *       whose expression is not {@code true};</li>
 *   <li>expressions: property paths ({@code a.b}, {@code a[0]}), string/number/boolean/null literals,
 *       {@code ! == != < <= > >= && ||} and parentheses, functions {@code count}, {@code length},
 *       {@code empty}, {@code exists}, {@code not}, {@code and}, {@code or}, {@code if}, {@code string}.</li>
 * </ul>
 * Values from data are inserted literally: a {@code ${x}} inside data stays as it is.
 */
public final class CardTemplateEngine {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Expands {@code template} with {@code data} as {@code $root}. Neither argument is modified. */
    public JsonNode expand(JsonNode template, JsonNode data) {
        Scope root = new Scope(data, data, -1);
        List<JsonNode> out = expandNode(template, root);
        return out.isEmpty() ? NullNode.instance : out.get(0);
    }

    private record Scope(JsonNode root, JsonNode data, int index) {
    }

    /** Expands one node; array elements may expand to zero or many. */
    private List<JsonNode> expandNode(JsonNode node, Scope scope) {
        if (node.isObject()) {
            JsonNode dataExpr = node.get("$data");
            if (dataExpr != null) {
                JsonNode bound = dataExpr.isTextual() ? evalString(dataExpr.asText(), scope) : dataExpr;
                if (bound == null || bound.isMissingNode()) {
                    bound = dataExpr;
                }
                List<JsonNode> out = new ArrayList<>();
                if (bound.isArray()) {
                    for (int i = 0; i < bound.size(); i++) {
                        expandObject((ObjectNode) node, new Scope(scope.root(), bound.get(i), i), out);
                    }
                } else {
                    expandObject((ObjectNode) node, new Scope(scope.root(), bound, scope.index()), out);
                }
                return out;
            }
            List<JsonNode> out = new ArrayList<>(1);
            expandObject((ObjectNode) node, scope, out);
            return out;
        }
        if (node.isArray()) {
            ArrayNode arr = F.arrayNode();
            for (JsonNode el : node) {
                arr.addAll(expandNode(el, scope));
            }
            return List.of(arr);
        }
        if (node.isTextual()) {
            JsonNode v = evalString(node.asText(), scope);
            return List.of(v == null ? node : v);
        }
        return List.of(node);
    }

    private void expandObject(ObjectNode node, Scope scope, List<JsonNode> out) {
        JsonNode when = node.get("$when");
        if (when != null) {
            JsonNode cond = when.isTextual() ? evalString(when.asText(), scope) : when;
            if (cond == null || !cond.isBoolean() || !cond.booleanValue()) {
                return;
            }
        }
        ObjectNode result = F.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("$data") || e.getKey().equals("$when")) {
                continue;
            }
            List<JsonNode> v = expandNode(e.getValue(), scope);
            if (!v.isEmpty()) {
                result.set(e.getKey(), v.get(0));
            }
        }
        out.add(result);
    }

    /**
     * Evaluates the expressions in a template string. Returns the typed value when the string is exactly one
     * expression, the interpolated text otherwise, or null when nothing could be evaluated (keep as is).
     */
    private JsonNode evalString(String s, Scope scope) {
        if (!s.contains("${")) {
            return null;
        }
        List<int[]> spans = spans(s);
        if (spans.isEmpty()) {
            return null;
        }
        if (spans.size() == 1 && spans.get(0)[0] == 0 && spans.get(0)[1] == s.length()) {
            JsonNode v = evaluate(s.substring(2, s.length() - 1), scope);
            return v.isMissingNode() ? TextNode.valueOf(s) : v;
        }
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (int[] span : spans) {
            sb.append(s, pos, span[0]);
            JsonNode v = evaluate(s.substring(span[0] + 2, span[1] - 1), scope);
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

    // ---- expressions -------------------------------------------------------------------------------------

    private JsonNode evaluate(String expr, Scope scope) {
        try {
            Parser p = new Parser(expr, scope);
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

    /** A recursive-descent parser that evaluates as it parses. Missing values propagate as MissingNode. */
    private static final class Parser {
        private final String s;
        private final Scope scope;
        private int pos;

        Parser(String s, Scope scope) {
            this.s = s;
            this.scope = scope;
        }

        void skipWs() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String tok) {
            skipWs();
            if (s.startsWith(tok, pos)) {
                pos += tok.length();
                return true;
            }
            return false;
        }

        JsonNode parseOr() {
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

        JsonNode parseAnd() {
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

        JsonNode parseCmp() {
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

        JsonNode parseUnary() {
            if (eat("!")) {
                JsonNode v = parseUnary();
                return v.isMissingNode() ? v : BooleanNode.valueOf(!truthy(v));
            }
            return parsePrimary();
        }

        JsonNode parsePrimary() {
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
                case "and" -> BooleanNode.valueOf(args.stream().allMatch(Parser::truthyStatic));
                case "or" -> BooleanNode.valueOf(args.stream().anyMatch(Parser::truthyStatic));
                case "if" -> truthy(args.get(0)) ? args.get(1) : args.get(2);
                case "string" -> args.get(0).isMissingNode() ? args.get(0) : TextNode.valueOf(text(args.get(0)));
                default -> throw new IllegalArgumentException("unknown function " + fn);
            };
        }

        private static boolean truthyStatic(JsonNode v) {
            return truthy(v);
        }
    }
}
