package com.adfops.adf.implementation;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.azure.core.util.BinaryData;
import com.azure.monitor.query.models.LogsTableCell;
import com.azure.monitor.query.models.LogsTableRow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of the {@code ADFPipelineRun} and {@code ADFActivityRun} tables as {@code com.adfops.adf} records: the JSON
 * columns (Parameters, Predecessors, Input, Output, Error) parsed, a start record's placeholder End (1601) read as no
 * end, a duration as End - Start.
 */
final class LogAnalyticsRows {

    private LogAnalyticsRows() {
    }

    static PipelineRun run(FactoryRef factory, LogsTableRow row) {
        Instant start = time(row, "Start");
        Instant end = time(row, "End");
        String invokedByType = null;
        String invokedByName = null;
        String parentRunId = null;
        String parentPipeline = null;
        // Predecessors: who started the run, as a JSON array of {Name, Id, InvokedByType, PipelineRunId?, PipelineName?}.
        if (json(text(row, "Predecessors")) instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> by) {
            invokedByType = field(by, "InvokedByType");
            invokedByName = field(by, "Name");
            parentRunId = AdfModelMapper.blankToNull(field(by, "PipelineRunId"));
            parentPipeline = parentRunId == null ? null : field(by, "PipelineName");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (json(text(row, "Parameters")) instanceof Map<?, ?> p) {
            p.forEach((k, v) -> {
                if (v != null) {
                    parameters.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return new PipelineRun(factory, text(row, "RunId"), text(row, "PipelineName"),
                RunStatus.fromWire(text(row, "Status")), text(row, "ErrorMessage"), start, end, end,
                start != null && end != null ? Duration.between(start, end).toMillis() : null, parameters,
                invokedByType, invokedByName, parentRunId, parentPipeline, null);
    }

    static ActivityRun activity(LogsTableRow row) {
        AdfModelMapper.OutputFacts facts = AdfModelMapper.output(json(text(row, "Output")));
        String target = null;
        if (json(text(row, "Error")) instanceof Map<?, ?> err) {
            target = field(err, "target");
        }
        ActivityError error = new ActivityError(text(row, "ErrorCode"), text(row, "ErrorMessage"),
                text(row, "FailureType"), target);
        Instant start = time(row, "Start");
        Instant end = time(row, "End");
        String runtime = AdfModelMapper.blankToNull(text(row, "EffectiveIntegrationRuntime"));
        return new ActivityRun(text(row, "PipelineRunId"), text(row, "PipelineName"), text(row, "ActivityRunId"),
                text(row, "ActivityName"), text(row, "ActivityType"), RunStatus.fromWire(text(row, "Status")), start, end,
                start != null && end != null ? Duration.between(start, end).toMillis() : null, error,
                facts.childRunId(), facts.childPipeline(), AdfModelMapper.blankToNull(text(row, "LinkedServiceName")),
                null, runtime != null ? runtime : facts.runtime(), AdfModelMapper.flatten(json(text(row, "Input"))),
                facts.billing(), facts.profile());
    }

    static String text(LogsTableRow row, String column) {
        Optional<LogsTableCell> cell = row.getColumnValue(column);
        if (cell.isEmpty()) {
            return null;
        }
        String v = cell.get().getValueAsString();
        return v == null || v.isEmpty() ? null : v;
    }

    private static Instant time(LogsTableRow row, String column) {
        String v = text(row, column);
        if (v == null) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(v).toInstant();
            // A start record's End is 1601-01-01: no end.
            return t.isBefore(Instant.parse("1700-01-01T00:00:00Z")) ? null : t;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A JSON column's value (the logs keep Parameters, Output, Input, Error as JSON text), or null. */
    private static Object json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.startsWith("{")) {
                return BinaryData.fromString(t).toObject(Map.class);
            }
            if (t.startsWith("[")) {
                return BinaryData.fromString(t).toObject(List.class);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** A field of a JSON object, matched case-insensitively (the logs are not consistent about case). */
    private static String field(Map<?, ?> map, String name) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(name) && e.getValue() != null) {
                return String.valueOf(e.getValue());
            }
        }
        return null;
    }
}
