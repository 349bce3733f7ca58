package com.adfops.agent;

import com.adfops.adf.SecretRedactor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes ADF error text readable and safe: secrets masked, wrappers removed, length bounded. */
public final class ErrorText {

    private static final Pattern OPERATION_ON_TARGET = Pattern.compile("^Operation on target (.+?) failed:\\s*");
    private static final Pattern INNER_CODE = Pattern.compile("ErrorCode=([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern INNER_MESSAGE = Pattern.compile("Message=(.+?)(?:,Source=|,''Type=|$)");

    private ErrorText() {
    }

    /** A one-line summary, e.g. "SqlFailedToConnect: Cannot connect to SQL Database." */
    public static String summary(String message, int max) {
        String m = SecretRedactor.redact(message == null ? "" : message).trim();
        Matcher t;
        while ((t = OPERATION_ON_TARGET.matcher(m)).find()) {
            m = m.substring(t.end());
        }
        String code = null;
        Matcher c = INNER_CODE.matcher(m);
        if (c.find()) {
            code = c.group(1);
        }
        Matcher im = INNER_MESSAGE.matcher(m);
        String text = im.find() ? im.group(1) : m.replaceFirst("^ErrorCode=[A-Za-z0-9_]+,\\s*'?", "");
        int dot = firstSentenceEnd(text);
        if (dot > 0) {
            text = text.substring(0, dot + 1);
        }
        String s = code != null && !text.startsWith(code) ? code + ": " + text : text;
        return truncate(s.replaceAll("\\s+", " ").trim(), max);
    }

    /** The full message with secrets masked, bounded to {@code max} characters. */
    public static String full(String message, int max) {
        return truncate(SecretRedactor.redact(message == null ? "" : message).trim(), max);
    }

    public static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }

    private static int firstSentenceEnd(String s) {
        for (int i = 20; i < s.length() - 1; i++) {
            if (s.charAt(i) == '.' && Character.isWhitespace(s.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }
}
