package com.adfops.tools;

import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;

/** The tools' arguments as they read them: a text field, a window in words, a run id; a bad one says the fix. */
final class ToolArgs {

    private ToolArgs() {
    }

    /** The field's value, trimmed, or null when absent, null or not a value. */
    static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText().trim();
    }

    /** The window {@code w} names (in words, as of {@code now}); not understood throws with {@code examples}. */
    static TimeWindow window(String w, AdfTools tools, Instant now, ZoneId zone, String examples) {
        return TimeWindowParser.find(w, now, zone, tools.history()).orElseThrow(() -> new IllegalArgumentException(
                "window '" + ErrorText.truncate(w, 40) + "' is not understood; use e.g. " + examples));
    }

    /** A pipeline run id as given, or {@link IllegalArgumentException} when it is not one. */
    static String runId(String runId) {
        if (runId == null || !runId.matches("[A-Za-z0-9-]{1,80}")) {
            throw new IllegalArgumentException("run_id must be a pipeline run id (letters, digits and dashes)");
        }
        return runId;
    }
}
