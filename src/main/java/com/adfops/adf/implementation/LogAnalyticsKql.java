package com.adfops.adf.implementation;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The KQL {@link LogAnalyticsArchive} sends: only end records (an ended status), the latest per run id, names and ids
 * as string literals (data, never query text), lists sorted (the same question gives the same query text).
 */
final class LogAnalyticsKql {

    /** The end statuses: a run's end record. */
    private static final String ENDED = "'Succeeded', 'Failed', 'Cancelled'";
    private static final String RUN_COLUMNS = "RunId, PipelineName, Status, Start, End, ErrorCode, ErrorMessage, "
            + "FailureType, Parameters, Predecessors, _ResourceId";
    private static final String ACTIVITY_COLUMNS = "ActivityRunId, ActivityName, ActivityType, PipelineRunId, "
            + "PipelineName, Status, Start, End, ErrorCode, ErrorMessage, FailureType, Error, Input, Output, "
            + "LinkedServiceName, EffectiveIntegrationRuntime";
    private static final DateTimeFormatter KQL_TIME = DateTimeFormatter.ISO_INSTANT;
    /** A query that reads one row: whether the workspace answers. */
    static final String PROBE = "ADFPipelineRun\n| take 1";

    private LogAnalyticsKql() {
    }

    /**
     * The runs of {@code factories} that ended in [{@code from}, {@code to}), of the query's pipelines and statuses,
     * newest end first, at most {@code take}.
     */
    static String pipelineRuns(Collection<FactoryRef> factories, RunQuery query, Instant from, Instant to, int take) {
        StringBuilder kql = new StringBuilder("ADFPipelineRun")
                .append("\n| where _ResourceId in~ (").append(list(factories.stream().map(LogAnalyticsKql::resourceId)
                        .toList())).append(')')
                .append("\n| where End >= ").append(time(from)).append(" and End < ").append(time(to))
                .append("\n| where Status in (").append(ENDED).append(')');
        if (!query.pipelineNames().isEmpty()) {
            kql.append("\n| where PipelineName in (").append(list(query.pipelineNames())).append(')');
        }
        if (!query.statuses().isEmpty()) {
            kql.append("\n| where Status in (").append(list(query.statuses().stream().map(LogAnalyticsKql::wire)
                    .collect(Collectors.toCollection(TreeSet::new)))).append(')');
        }
        kql.append("\n| summarize arg_max(TimeGenerated, *) by RunId")
                .append("\n| project ").append(RUN_COLUMNS)
                .append("\n| order by End desc")
                .append("\n| take ").append(take);
        return kql.toString();
    }

    /** The activity runs of run {@code runId} of {@code factory}, oldest start first, at most {@code take}. */
    static String activityRuns(FactoryRef factory, String runId, int take) {
        return latestEnded("ADFActivityRun", factory, "PipelineRunId", runId, "ActivityRunId", ACTIVITY_COLUMNS)
                + "\n| order by Start asc"
                + "\n| take " + take;
    }

    /** Run {@code runId} of {@code factory}. */
    static String pipelineRun(FactoryRef factory, String runId) {
        return latestEnded("ADFPipelineRun", factory, "RunId", runId, "RunId", RUN_COLUMNS)
                + "\n| take 1";
    }

    /**
     * The latest end record per {@code key} among the rows of {@code table} of {@code factory} whose {@code column} is
     * {@code value}.
     */
    private static String latestEnded(String table, FactoryRef factory, String column, String value, String key,
                                      String columns) {
        return table
                + "\n| where _ResourceId =~ " + literal(resourceId(factory))
                + "\n| where " + column + " == " + literal(value)
                + "\n| where Status in (" + ENDED + ")"
                + "\n| summarize arg_max(TimeGenerated, *) by " + key
                + "\n| project " + columns;
    }

    static String resourceId(FactoryRef f) {
        return "/subscriptions/" + f.subscriptionId() + "/resourceGroups/" + f.resourceGroup()
                + "/providers/Microsoft.DataFactory/factories/" + f.factoryName();
    }

    /** A KQL string literal: names and ids are data, never query text. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    private static String list(Collection<String> values) {
        // Sorted: the same question gives the same query text.
        return values.stream().sorted().map(LogAnalyticsKql::literal).collect(Collectors.joining(", "));
    }

    private static String time(Instant t) {
        return "datetime(" + KQL_TIME.format(t) + ")";
    }

    private static String wire(RunStatus s) {
        return switch (s) {
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case CANCELLED, CANCELING -> "Cancelled";
            case IN_PROGRESS -> "InProgress";
            case QUEUED -> "Queued";
            default -> s.name();
        };
    }
}
