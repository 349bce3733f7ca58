package com.adfops.cards;

import static com.adfops.cards.CardText.duration;
import static com.adfops.cards.CardText.shortId;

import com.adfops.analytics.CopyTuning;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What ADF says of a slow run's copies, in words, under "where the time goes" on the durations card: one line per Copy
 * or Data Flow activity ("📦 Copy GL: writing to sink 41m 0s (usually 9m 0s), 6 throttled writes; DIU 4, 8 parallel
 * copies") and ADF's tips, their text as ADF wrote it (a TextRun: never markdown) with an "Open" button for an https
 * link.
 */
final class TuningText {

    private TuningText() {
    }

    /** The section's data: {@code tuningShown}, {@code tuningTitle}, {@code copies[].line}, {@code tips[].line/url}. */
    static void put(ObjectNode d, CopyTuning.Result t) {
        d.put("tuningShown", t != null);
        d.put("tuningTitle", t == null ? "" : "What ADF recorded of the slow run " + shortId(t.runId())
                + ", against the usual runs");
        ArrayNode copies = d.putArray("copies");
        ArrayNode tips = d.putArray("tips");
        if (t == null) {
            return;
        }
        for (CopyTuning.Activity a : t.activities()) {
            copies.addObject().put("line", "📦 " + line(a));
        }
        for (CopyTuning.Tip tip : t.tips()) {
            // ADF's text, literally; the link only when it is https (the adapter keeps no other).
            tips.addObject().put("line", "💡 " + tip.activity() + ": " + tip.text())
                    .put("url", tip.url().startsWith("https://") ? tip.url() : "");
        }
    }

    /** "Copy GL: writing to sink 41m 0s (usually 9m 0s), 6 throttled writes; DIU 4, 8 parallel copies". */
    static String line(CopyTuning.Activity a) {
        List<String> parts = new ArrayList<>();
        for (CopyTuning.PhaseTime p : a.grew()) {
            parts.add(phase(p));
        }
        // A data flow's start-up against the rest, both said.
        for (CopyTuning.PhaseTime p : a.phases()) {
            boolean flow = p.phase() == CopyTuning.Phase.CLUSTER_STARTUP || p.phase() == CopyTuning.Phase.PROCESSING;
            if (flow && !p.grew()) {
                parts.add(phase(p));
            }
        }
        Integer throttled = a.throttlingErrors();
        if (throttled != null && throttled > 0) {
            parts.add(throttled + (throttled == 1 ? " throttled write" : " throttled writes"));
        }
        List<String> scale = new ArrayList<>();
        if (a.diu() != null) {
            scale.add("DIU " + a.diu() + usually(a.diu(), a.usualDiu()));
        }
        if (a.parallelCopies() != null) {
            scale.add(a.parallelCopies() + (a.parallelCopies() == 1 ? " parallel copy" : " parallel copies")
                    + usually(a.parallelCopies(), a.usualParallelCopies()));
        }
        return a.name() + ": " + (parts.isEmpty() ? "no phase longer than usual" : String.join(", ", parts))
                + (scale.isEmpty() ? "" : "; " + String.join(", ", scale));
    }

    private static String phase(CopyTuning.PhaseTime p) {
        return words(p.phase()) + " " + duration(p.now()) + (p.usual() == null ? "" : " (usually " + duration(p.usual()) + ")");
    }

    private static String usually(Integer now, Integer usual) {
        return usual == null || usual.equals(now) ? "" : " (usually " + usual + ")";
    }

    static String words(CopyTuning.Phase p) {
        return switch (p) {
            case QUEUE -> "queue";
            case FIRST_BYTE -> "time to first byte";
            case READING -> "reading from source";
            case WRITING -> "writing to sink";
            case CLUSTER_STARTUP -> "cluster start-up";
            case PROCESSING -> "processing";
        };
    }
}
