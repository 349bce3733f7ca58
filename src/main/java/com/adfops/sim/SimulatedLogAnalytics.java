package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated factory's logs in a Log Analytics workspace: the query API ({@code POST /v1/workspaces/{id}/query},
 * body {@code {"query", "timespan"}}) answering with its JSON shape ({@code {"tables": [{"name": "PrimaryResult",
 * "columns": [{"name", "type"}], "rows": [[...]]}]}}) from the same dataset, as diagnostic settings in
 * resource-specific mode would write it: tables {@code ADFPipelineRun} and {@code ADFActivityRun}, an end record per
 * ended run (JSON columns as text). Runs are kept past ADF's 45 days.
 *
 * <p>It understands the queries the bot sends, not KQL at large: the table, {@code _ResourceId =~ '...'},
 * {@code _ResourceId in~ (...)}, {@code End >= datetime(...) and End < datetime(...)}, {@code PipelineName in (...)}, {@code Status in (...)},
 * {@code RunId == '...'}, {@code PipelineRunId == '...'} and {@code take N}; anything else is a 400
 * {@code BadArgumentError}, as a query the service cannot run would be.
 */
final class SimulatedLogAnalytics {

    static final Pattern PATH = Pattern.compile("(?i)^/v1/workspaces/([^/]+)/query/?$");

    private static final Pattern TABLE = Pattern.compile("^\\s*(ADFPipelineRun|ADFActivityRun)\\b");
    private static final Pattern RESOURCE = Pattern.compile("_ResourceId =~ '((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern RESOURCE_IN = Pattern.compile("_ResourceId in~ \\(([^)]*)\\)");
    private static final Pattern END = Pattern.compile(
            "End >= datetime\\(([^)]+)\\) and End < datetime\\(([^)]+)\\)");
    private static final Pattern IN = Pattern.compile("\\| where (PipelineName|Status) in \\(([^)]*)\\)");
    private static final Pattern EQUALS = Pattern.compile("\\| where (RunId|PipelineRunId) == '((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern TAKE = Pattern.compile("\\| take (\\d{1,7})\\s*$");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern KNOWN_LINE = Pattern.compile("^\\| (where|summarize arg_max\\(TimeGenerated, \\*\\) by "
            + "(RunId|ActivityRunId)|project [A-Za-z, ]+|order by [A-Za-z]+ (asc|desc)|take \\d+)\\b.*");
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");

    private static final String[][] RUN_COLUMNS = {
            {"RunId", "string"}, {"PipelineName", "string"}, {"Status", "string"}, {"Start", "datetime"},
            {"End", "datetime"}, {"ErrorCode", "string"}, {"ErrorMessage", "string"}, {"FailureType", "string"},
            {"Parameters", "string"}, {"Predecessors", "string"}, {"_ResourceId", "string"}};
    private static final String[][] ACTIVITY_COLUMNS = {
            {"ActivityRunId", "string"}, {"ActivityName", "string"}, {"ActivityType", "string"},
            {"PipelineRunId", "string"}, {"PipelineName", "string"}, {"Status", "string"}, {"Start", "datetime"},
            {"End", "datetime"}, {"ErrorCode", "string"}, {"ErrorMessage", "string"}, {"FailureType", "string"},
            {"Error", "string"}, {"Input", "string"}, {"Output", "string"}, {"LinkedServiceName", "string"},
            {"EffectiveIntegrationRuntime", "string"}};

    /** A query the simulated workspace cannot run: a 400 with the service's error code. */
    static final class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message);
        }
    }

    private final SimDataset dataset;
    private final ObjectMapper json;
    private final String resourceId;

    SimulatedLogAnalytics(SimDataset dataset, ObjectMapper json, String resourceId) {
        this.dataset = dataset;
        this.json = json;
        this.resourceId = resourceId;
    }

    /** Runs {@code query} at {@code now}; the answer in the query API's shape. */
    ObjectNode query(String query, Instant now) {
        if (query == null || query.isBlank()) {
            throw new BadQuery("The request had no query.");
        }
        Matcher t = TABLE.matcher(query);
        if (!t.find()) {
            throw new BadQuery("The simulated workspace has the tables ADFPipelineRun and ADFActivityRun only.");
        }
        String[] lines = query.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!KNOWN_LINE.matcher(lines[i].trim()).matches()) {
                throw new BadQuery("The simulated workspace cannot run '" + lines[i].trim() + "'.");
            }
        }
        boolean activities = t.group(1).equals("ADFActivityRun");
        Matcher r = RESOURCE.matcher(query);
        boolean named = r.find() && unescape(r.group(1)).equalsIgnoreCase(resourceId);
        Matcher rin = RESOURCE_IN.matcher(query);
        if (rin.find()) {
            Matcher lit = LITERAL.matcher(rin.group(1));
            while (lit.find()) {
                named |= unescape(lit.group(1)).equalsIgnoreCase(resourceId);
            }
        }
        boolean thisFactory = named;
        Predicate<ObjectNode> keep = x -> thisFactory;
        Matcher end = END.matcher(query);
        if (end.find()) {
            Instant from = Instant.parse(end.group(1));
            Instant to = Instant.parse(end.group(2));
            keep = keep.and(x -> {
                Instant e = SimDataset.time(x, activities ? "activityRunEnd" : "runEnd");
                return e != null && !e.isBefore(from) && e.isBefore(to);
            });
        }
        Matcher in = IN.matcher(query);
        while (in.find()) {
            Set<String> values = new HashSet<>();
            Matcher lit = LITERAL.matcher(in.group(2));
            while (lit.find()) {
                values.add(unescape(lit.group(1)).toLowerCase(Locale.ROOT));
            }
            String field = in.group(1).equals("Status") ? "status" : "pipelineName";
            keep = keep.and(x -> values.contains(String.valueOf(SimDataset.text(x, field)).toLowerCase(Locale.ROOT)));
        }
        Matcher eq = EQUALS.matcher(query);
        while (eq.find()) {
            String value = unescape(eq.group(2));
            String field = eq.group(1).equals("RunId") ? "runId" : "pipelineRunId";
            keep = keep.and(x -> value.equals(SimDataset.text(x, field)));
        }
        Matcher take = TAKE.matcher(query.trim());
        int limit = take.find() ? Integer.parseInt(take.group(1)) : Integer.MAX_VALUE;

        List<ObjectNode> rows = new ArrayList<>();
        if (activities) {
            for (ObjectNode run : dataset.pipelineRuns()) {
                for (ObjectNode a : dataset.activityRuns(SimDataset.text(run, "runId"))) {
                    if (ended(a, "activityRunEnd", now) && keep.test(a)) {
                        rows.add(a);
                    }
                }
            }
            rows.sort(Comparator.comparing((ObjectNode a) -> SimDataset.time(a, "activityRunStart"),
                    Comparator.nullsLast(Comparator.naturalOrder())));
        } else {
            for (ObjectNode run : dataset.pipelineRuns()) {
                if (ended(run, "runEnd", now) && keep.test(run)) {
                    rows.add(run);
                }
            }
            rows.sort(Comparator.comparing((ObjectNode x) -> SimDataset.time(x, "runEnd")).reversed());
        }
        ObjectNode resp = json.createObjectNode();
        ObjectNode table = resp.putArray("tables").addObject();
        table.put("name", "PrimaryResult");
        String[][] columns = activities ? ACTIVITY_COLUMNS : RUN_COLUMNS;
        ArrayNode cols = table.putArray("columns");
        for (String[] c : columns) {
            cols.addObject().put("name", c[0]).put("type", c[1]);
        }
        ArrayNode out = table.putArray("rows");
        for (int i = 0; i < rows.size() && i < limit; i++) {
            out.add(activities ? activityRow(rows.get(i)) : runRow(rows.get(i)));
        }
        return resp;
    }

    /** Only an ended run has an end record; the dataset's future (or running) runs have none yet. */
    private static boolean ended(ObjectNode x, String endField, Instant now) {
        Instant end = SimDataset.time(x, endField);
        String status = SimDataset.text(x, "status");
        return end != null && !end.isAfter(now) && status != null && ENDED.contains(status.toLowerCase(Locale.ROOT));
    }

    private ArrayNode runRow(ObjectNode run) {
        ArrayNode row = json.createArrayNode();
        row.add(SimDataset.text(run, "runId"));
        row.add(SimDataset.text(run, "pipelineName"));
        row.add(SimDataset.text(run, "status"));
        row.add(SimDataset.text(run, "runStart"));
        row.add(SimDataset.text(run, "runEnd"));
        boolean failed = "Failed".equalsIgnoreCase(SimDataset.text(run, "status"));
        // A pipeline's own log row has its message; the error code and type belong to the failing activity's row.
        row.add("");
        row.add(failed ? orEmpty(SimDataset.text(run, "message")) : "");
        row.add("");
        row.add(text(run.get("parameters"), "{}"));
        JsonNode by = run.get("invokedBy");
        ArrayNode predecessors = json.createArrayNode();
        if (by != null && by.isObject()) {
            ObjectNode p = predecessors.addObject();
            p.put("Name", SimDataset.text(by, "name"));
            p.put("Id", SimDataset.text(by, "id"));
            p.put("InvokedByType", SimDataset.text(by, "invokedByType"));
            if (SimDataset.text(by, "pipelineRunId") != null) {
                p.put("PipelineRunId", SimDataset.text(by, "pipelineRunId"));
                p.put("PipelineName", SimDataset.text(by, "pipelineName"));
            }
        }
        row.add(predecessors.toString());
        // As the logs write it: lower case.
        row.add(resourceId.toLowerCase(Locale.ROOT));
        return row;
    }

    private ArrayNode activityRow(ObjectNode a) {
        ArrayNode row = json.createArrayNode();
        JsonNode error = a.get("error");
        JsonNode output = a.get("output");
        row.add(SimDataset.text(a, "activityRunId"));
        row.add(SimDataset.text(a, "activityName"));
        row.add(SimDataset.text(a, "activityType"));
        row.add(SimDataset.text(a, "pipelineRunId"));
        row.add(SimDataset.text(a, "pipelineName"));
        row.add(SimDataset.text(a, "status"));
        row.add(SimDataset.text(a, "activityRunStart"));
        row.add(SimDataset.text(a, "activityRunEnd"));
        row.add(error == null ? "" : orEmpty(SimDataset.text(error, "errorCode")));
        row.add(error == null ? "" : orEmpty(SimDataset.text(error, "message")));
        row.add(error == null ? "" : orEmpty(SimDataset.text(error, "failureType")));
        row.add(text(error, ""));
        row.add(text(a.get("input"), ""));
        row.add(text(output, ""));
        row.add(orEmpty(SimDataset.text(a, "linkedServiceName")));
        row.add(output == null ? "" : orEmpty(SimDataset.text(output, "effectiveIntegrationRuntime")));
        return row;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A JSON value as the logs keep it: as text. */
    private static String text(JsonNode node, String empty) {
        return node == null || node.isNull() ? empty : node.toString();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
