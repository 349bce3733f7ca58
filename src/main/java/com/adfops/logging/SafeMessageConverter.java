package com.adfops.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.adfops.adf.SecretRedactor;

/**
 * The log message ({@code %m}, {@code %msg}, {@code %message} in {@code logback-spring.xml}) as it may be written:
 * secrets masked like everywhere else text leaves the bot ({@link SecretRedactor}: an ADF error, a parameter, a URL
 * with a signature), and control characters written as escapes, so outside text (a conversation id, a pipeline name,
 * an error) cannot end the line and forge the next one. Stack traces are written by their own converter, unchanged.
 */
public final class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return safe(event.getFormattedMessage());
    }

    /**
     * {@code message} with its secrets masked and its control characters escaped: CR as {@code \r}, LF as {@code \n},
     * the other C0 characters (not tab), DEL, C1 and the Unicode line and paragraph separators as {@code \\uXXXX}.
     */
    public static String safe(String message) {
        String m = SecretRedactor.redact(message);
        int first = firstControl(m);
        if (first < 0) {
            return m;
        }
        StringBuilder b = new StringBuilder(m.length() + 16).append(m, 0, first);
        for (int i = first; i < m.length(); i++) {
            char c = m.charAt(i);
            if (!isControl(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static int firstControl(String m) {
        for (int i = 0; i < m.length(); i++) {
            if (isControl(m.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
    }
}
