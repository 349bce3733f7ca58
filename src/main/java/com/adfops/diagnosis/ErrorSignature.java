package com.adfops.diagnosis;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes two failures "the same error": the failing (root-cause) activity, its error code and its message with
 * what changes from run to run (GUIDs and run ids, timestamps and dates, numbers, hex, data values in quotes, URL
 * queries) replaced by placeholders, case and whitespace folded. Names stay: a missing table {@code 'dbo.Orders'} and
 * a missing {@code 'dbo.Customers'} are two errors; the same table on Monday and on Tuesday, with another run id and
 * row count, is one.
 *
 * @param activity  the root-cause activity ({@code pipeline › activity}, folded), or "" when ADF recorded none
 * @param errorCode the error code, folded
 * @param message   the normalised message
 */
public record ErrorSignature(String activity, String errorCode, String message) {

    /** Longest normalised message kept (a long error differs in its first lines when it differs at all). */
    static final int MAX_MESSAGE = 400;

    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s'\"?]*)\\?[^\\s'\"]*");
    private static final Pattern GUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b");
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "\\b\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s?[AaPp][Mm]\\b)?");
    private static final Pattern HEX = Pattern.compile(
            "\\b(?:0[xX][0-9a-fA-F]+|(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,})\\b");
    /** A quoted value introduced as data ("the value 'abc'", "duplicate key '42'"): the value varies, the words not. */
    private static final Pattern QUOTED_VALUE = Pattern.compile(
            "(?i)\\b(values?|key)(\\s*[:=]?\\s*)(?:'[^'\\n]{0,200}'|\"[^\"\\n]{0,200}\")");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** The signature of a failure (null parts read as ""). */
    public static ErrorSignature of(String activity, String errorCode, String message) {
        return new ErrorSignature(fold(activity), fold(errorCode), normalise(message));
    }

    /**
     * The signature of a diagnosed failure: its root cause, or the run's own message when ADF recorded no failed
     * activity; null when there is nothing to compare (no root cause and no message).
     */
    public static ErrorSignature of(Diagnosis d) {
        if (d.hasRootCause()) {
            Diagnosis.FailedActivity rc = d.rootCause();
            return of(rc.pipelineName() + " › " + rc.activity().activityName(), rc.activity().error().errorCode(),
                    rc.activity().error().message());
        }
        String message = d.run().message();
        return message == null || message.isBlank() ? null : of("", "", message);
    }

    /** Messages normalised lately (a failure's history compares the same earlier failures again at every question). */
    private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();
    /** Messages kept at most (then the memo starts again); longer messages than {@link #MEMO_LONGEST} are not kept. */
    static final int MEMO_SIZE = 2048;
    static final int MEMO_LONGEST = 8192;

    /** The message with what varies between runs replaced: {@code <id>}, {@code <time>}, {@code <date>}, {@code <n>}... */
    static String normalise(String message) {
        if (message == null) {
            return "";
        }
        String known = NORMALISED.get(message);
        if (known != null) {
            return known;
        }
        String s = normaliseNow(message);
        if (message.length() <= MEMO_LONGEST) {
            if (NORMALISED.size() >= MEMO_SIZE) {
                NORMALISED.clear();
            }
            NORMALISED.put(message, s);
        }
        return s;
    }

    private static String normaliseNow(String message) {
        String s = URL_QUERY.matcher(message).replaceAll("$1?<query>");
        s = GUID.matcher(s).replaceAll("<id>");
        s = TIMESTAMP.matcher(s).replaceAll("<time>");
        s = DATE.matcher(s).replaceAll("<date>");
        s = TIME_OF_DAY.matcher(s).replaceAll("<time>");
        s = HEX.matcher(s).replaceAll("<hex>");
        s = QUOTED_VALUE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "'<value>'"));
        s = NUMBER.matcher(s).replaceAll("<n>");
        s = fold(s);
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) : s;
    }

    private static String fold(String s) {
        return s == null ? "" : SPACE.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
