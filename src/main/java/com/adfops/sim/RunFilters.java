package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ADF's {@code filters[]} and {@code orderBy[]} of a run query: the exact test on a run's JSON, the conservative
 * {@link RunTable.Prefilter} on its numbers, and the order of the answer.
 */
final class RunFilters {

    private RunFilters() {
    }

    /** Builds the predicate for ADF's filters[], or null if one is invalid. */
    static Predicate<ObjectNode> filters(JsonNode filters) {
        Predicate<ObjectNode> all = r -> true;
        if (filters == null || filters.isNull()) {
            return all;
        }
        if (!filters.isArray()) {
            return null;
        }
        for (JsonNode f : filters) {
            String operand = SimDataset.text(f, "operand");
            String operator = SimDataset.text(f, "operator");
            Set<String> values = new HashSet<>();
            if (f.get("values") != null) {
                f.get("values").forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
            }
            if (operand == null || operator == null) {
                return null;
            }
            String field = switch (operand) {
                case "PipelineName" -> "pipelineName";
                case "Status" -> "status";
                case "RunStart" -> "runStart";
                case "RunEnd" -> "runEnd";
                case "RunGroupId" -> "runGroupId";
                case "ActivityName" -> "activityName";
                case "ActivityType" -> "activityType";
                case "ActivityRunStart" -> "activityRunStart";
                case "ActivityRunEnd" -> "activityRunEnd";
                case "LatestOnly" -> "isLatest";
                default -> null;
            };
            if (field == null) {
                return null;
            }
            Predicate<ObjectNode> in = r -> {
                String v = SimDataset.text(r, field);
                if (field.equals("isLatest")) {
                    boolean latestWanted = values.contains("true");
                    return !latestWanted || v == null || v.equals("true");
                }
                return v != null && values.contains(v.toLowerCase(Locale.ROOT));
            };
            Predicate<ObjectNode> p = switch (operator) {
                case "Equals", "In" -> in;
                case "NotEquals", "NotIn" -> in.negate();
                default -> null;
            };
            if (p == null) {
                return null;
            }
            all = all.and(p);
        }
        return all;
    }

    /** The numbers a run must have to match (a superset of the exact filters): window, pipelines, statuses. */
    static RunTable.Prefilter prefilter(SimRuns base, JsonNode filters, Instant after, Instant before, Instant now) {
        Predicate<String> byName = operandTest(filters, "PipelineName");
        Predicate<String> byStatus = operandTest(filters, "Status");
        boolean[] pipelines = null;
        if (byName != null) {
            List<String> names = base.pipelineNames();
            pipelines = new boolean[names.size()];
            for (int i = 0; i < pipelines.length; i++) {
                pipelines[i] = byName.test(names.get(i));
            }
        }
        boolean[] statuses = null;
        if (byStatus != null) {
            List<String> names = base.statusNames();
            statuses = new boolean[names.size()];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = byStatus.test(names.get(i));
            }
        }
        return new RunTable.Prefilter(SimRuns.micros(after), SimRuns.micros(before), SimRuns.micros(now), pipelines,
                statuses, byStatus == null || byStatus.test("InProgress"));
    }

    /** Which values pass every filter on {@code operand} (null: none names it); the filters are valid. */
    private static Predicate<String> operandTest(JsonNode filters, String operand) {
        if (filters == null || !filters.isArray()) {
            return null;
        }
        Predicate<String> all = null;
        for (JsonNode f : filters) {
            if (!operand.equals(SimDataset.text(f, "operand"))) {
                continue;
            }
            Set<String> values = new HashSet<>();
            if (f.get("values") != null) {
                f.get("values").forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
            }
            Predicate<String> in = v -> v != null && values.contains(v.toLowerCase(Locale.ROOT));
            Predicate<String> p = switch (String.valueOf(SimDataset.text(f, "operator"))) {
                case "NotEquals", "NotIn" -> in.negate();
                default -> in;
            };
            all = all == null ? p : all.and(p);
        }
        return all;
    }

    /** The field of the first {@code orderBy} as a JSON field name ({@code RunStart} -> {@code runStart}). */
    static String orderField(JsonNode orderBy, String defaultField) {
        if (orderBy != null && orderBy.isArray() && !orderBy.isEmpty()) {
            String f = SimDataset.text(orderBy.get(0), "orderBy");
            if (f != null && !f.isEmpty()) {
                return Character.toLowerCase(f.charAt(0)) + f.substring(1);
            }
        }
        return defaultField;
    }

    /** Descending unless the first {@code orderBy} says ASC. */
    static boolean orderDescending(JsonNode orderBy) {
        return orderBy == null || !orderBy.isArray() || orderBy.isEmpty()
                || !"ASC".equalsIgnoreCase(SimDataset.text(orderBy.get(0), "order"));
    }

    static Comparator<ObjectNode> order(JsonNode orderBy, String defaultField) {
        String key = orderField(orderBy, defaultField);
        boolean desc = orderDescending(orderBy);
        Comparator<ObjectNode> c;
        if (key.endsWith("Start") || key.endsWith("End")) {
            java.util.Map<ObjectNode, Instant> memo = new java.util.IdentityHashMap<>();
            c = Comparator.comparing(n -> memo.computeIfAbsent(n,
                    x -> RunViews.firstNonNull(SimDataset.time(x, key), Instant.EPOCH)));
        } else {
            c = Comparator.comparing(n -> String.valueOf(SimDataset.text(n, key)));
        }
        return desc ? c.reversed() : c;
    }
}
