package com.adfops.agent;

import com.adfops.runs.KnownNames;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What questions asked within the current second read as ({@link IntentParser#parse}): a turn reads its question once
 * although both its effort and its answer need it, and the same words asked in the same second by many people (an
 * incident channel) are read once. Reading is a pure function of the words, the second, the zone, the history and the
 * names; the names are the factories' at that second (a pipeline created within the second is known from the next).
 */
final class ParsedQuestions {

    /** Questions kept per second at most (the distinct ones asked within one second). */
    static final int KEPT = 512;

    private record Key(String text, ZoneId zone, Duration history) {
    }

    private final SecondMemo<Key, Intent> read = new SecondMemo<>(KEPT);

    /** What {@code text} asks for at {@code now} (to the second, as the tools give it). */
    Intent parse(String text, Instant now, ZoneId zone, Duration history, KnownNames known) {
        // Reading depends on the words and the second only (version 0: whatever the memory holds).
        return read.get(new Key(text == null ? "" : text, zone, history), now, 0,
                () -> IntentParser.parse(text, now, zone, history, known));
    }
}
