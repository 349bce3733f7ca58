package com.adfops.export;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.SecretRedactor;
import com.adfops.agent.ErrorText;
import java.util.List;

/**
 * The compliance CSV: one row per run (factory, pipeline, run id, trigger, start, end, duration in seconds, status,
 * error code, message with secrets redacted, rerun of). RFC 4180 quoting; a cell that a spreadsheet would read as a
 * formula ({@code = + - @}, tab, carriage return) is prefixed with an apostrophe.
 */
public final class RunsCsv {

    static final String HEADER = "factory,pipeline,run_id,trigger,start,end,duration_s,status,error_code,message,rerun_of";

    private RunsCsv() {
    }

    public static String of(List<PipelineRun> runs) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (PipelineRun r : runs) {
            String trigger = (r.invokedByName() == null ? "" : r.invokedByName())
                    + (r.invokedByType() == null ? "" : " (" + r.invokedByType() + ")");
            String message = ErrorText.truncate(SecretRedactor.redact(r.message()), 2000);
            out.append(String.join(",",
                    cell(r.factory().factoryName()), cell(r.pipelineName()), cell(r.runId()), cell(trigger.trim()),
                    cell(r.runStart() == null ? "" : r.runStart().toString()),
                    cell(r.runEnd() == null ? "" : r.runEnd().toString()),
                    cell(r.duration().map(d -> String.valueOf(d.toSeconds())).orElse("")),
                    cell(r.status().wireName()), cell(errorCode(r.message())), cell(message),
                    cell(r.rerunOf() == null ? "" : r.rerunOf()))).append("\r\n");
        }
        return out.toString();
    }

    /** ADF's run message starts "Operation on target X failed: ErrorCode=..." for many failures; else empty. */
    static String errorCode(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ErrorCode=([A-Za-z0-9_.]{1,80})").matcher(
                message == null ? "" : message);
        return m.find() ? m.group(1) : "";
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
