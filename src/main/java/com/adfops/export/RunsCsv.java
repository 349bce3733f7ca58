package com.adfops.export;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.SecretRedactor;
import com.adfops.runs.ErrorText;
import java.util.List;

/**
 * The compliance CSV: one row per run (factory, pipeline, run id, trigger, start, end, duration in seconds, status,
 * error code, message, rerun of; then whether it started on time, its SLA verdict and its pipeline's SLA summary:
 * {@link ScheduleColumns}). Every cell has its secrets masked ({@link SecretRedactor}: a pipeline name or a
 * trigger name is outside text too). RFC 4180 quoting; a cell that a spreadsheet would read as a formula
 * ({@code = + - @} at its start or after leading white space of any kind, a leading tab or carriage return) is
 * prefixed with an apostrophe.
 */
public final class RunsCsv {

    static final String HEADER = "factory,pipeline,run_id,trigger,start,end,duration_s,status,error_code,message,rerun_of,"
            + ScheduleColumns.HEADER;

    private RunsCsv() {
    }

    public static String of(List<PipelineRun> runs) {
        return of(runs, ScheduleColumns.NONE);
    }

    static String of(List<PipelineRun> runs, ScheduleColumns schedule) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (PipelineRun r : runs) {
            String trigger = (r.invokedByName() == null ? "" : r.invokedByName())
                    + (r.invokedByType() == null ? "" : " (" + r.invokedByType() + ")");
            // Masked before it is cut, so a cut cannot leave part of a secret without its key.
            String message = ErrorText.truncate(SecretRedactor.redact(r.message()), 2000);
            out.append(String.join(",",
                    cell(r.factory().factoryName()), cell(r.pipelineName()), cell(r.runId()), cell(trigger.trim()),
                    cell(r.runStart() == null ? "" : r.runStart().toString()),
                    cell(r.runEnd() == null ? "" : r.runEnd().toString()),
                    cell(r.duration().map(d -> String.valueOf(d.toSeconds())).orElse("")),
                    cell(r.status().wireName()), cell(errorCode(r.message())), cell(message),
                    cell(r.rerunOf() == null ? "" : r.rerunOf()),
                    String.join(",", schedule.cells(r).stream().map(RunsCsv::cell).toList()))).append("\r\n");
        }
        return out.toString();
    }

    /**
     * Whether a spreadsheet would read the cell as a formula: it starts with a tab or carriage return, or its first
     * character after white space (spaces, tabs, line ends, no-break and other Unicode spaces, zero-width
     * characters) is {@code = + - @}, which spreadsheets trim before they look.
     */
    static boolean readAsFormula(String v) {
        if (v.isEmpty()) {
            return false;
        }
        if (v.charAt(0) == '\t' || v.charAt(0) == '\r') {
            return true;
        }
        int i = 0;
        while (i < v.length() && isBlank(v.charAt(i))) {
            i++;
        }
        return i < v.length() && "=+-@".indexOf(v.charAt(i)) >= 0;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** ADF's run message starts "Operation on target X failed: ErrorCode=..." for many failures; else empty. */
    static String errorCode(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ErrorCode=([A-Za-z0-9_.]{1,80})").matcher(
                message == null ? "" : message);
        return m.find() ? m.group(1) : "";
    }

    static String cell(String value) {
        String v = SecretRedactor.redact(value);
        if (readAsFormula(v)) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
