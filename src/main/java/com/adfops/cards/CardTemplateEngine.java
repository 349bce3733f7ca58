package com.adfops.cards;

import com.adfops.cards.TemplateExpression.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Values from data are inserted literally: a {@code ${x}} inside data stays as it is. This class walks the template
 * ({@code $data}, {@code $when}); {@link TemplateStrings} finds and interpolates a string's expressions,
 * {@link TemplateExpression} parses and evaluates one.
 */
public final class CardTemplateEngine {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Expands {@code template} with {@code data} as {@code $root}. Neither argument is modified. */
    public JsonNode expand(JsonNode template, JsonNode data) {
        Scope root = new Scope(data, data, -1);
        List<JsonNode> out = expandNode(template, root);
        return out.isEmpty() ? NullNode.instance : out.get(0);
    }

    /** Expands one node; array elements may expand to zero or many. */
    private List<JsonNode> expandNode(JsonNode node, Scope scope) {
        if (node.isObject()) {
            JsonNode dataExpr = node.get("$data");
            if (dataExpr != null) {
                JsonNode bound = dataExpr.isTextual() ? TemplateStrings.evalString(dataExpr.asText(), scope) : dataExpr;
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
            JsonNode v = TemplateStrings.evalString(node.asText(), scope);
            return List.of(v == null ? node : v);
        }
        return List.of(node);
    }

    private void expandObject(ObjectNode node, Scope scope, List<JsonNode> out) {
        JsonNode when = node.get("$when");
        if (when != null) {
            JsonNode cond = when.isTextual() ? TemplateStrings.evalString(when.asText(), scope) : when;
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
}
