package com.adfops.adf;

import java.util.regex.Pattern;

/**
 * Masks secrets that ADF error messages sometimes echo (connection-string passwords and keys, SAS signatures,
 * bearer tokens, client secrets) before any text reaches a user or a model.
 */
public final class SecretRedactor {

    private static final Pattern[] PATTERNS = {
        Pattern.compile("(?i)((?:password|pwd|accountkey|sharedaccesskey|client_secret|clientsecret|secret|apikey|api_key"
                + "|access_token|token)\\s*[=:]\\s*)([^;,'\"\\s&]+)"),
        Pattern.compile("(?i)([?&]sig=)([^&\\s'\"]+)"),
        Pattern.compile("(?i)(bearer\\s+)([A-Za-z0-9._~+/=-]{8,})"),
        Pattern.compile("(?i)(sharedaccesssignature=)([^;\\s'\"]+)"),
    };

    private SecretRedactor() {
    }

    /** Each pattern runs only when its keyword is in the text: most messages have none, and regexes cost. */
    private static final String[][] TRIGGERS = {
        {"password", "pwd", "key", "secret", "token"}, {"sig="}, {"bearer"}, {"sharedaccesssignature"}};

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String out = text;
        for (int i = 0; i < PATTERNS.length; i++) {
            for (String t : TRIGGERS[i]) {
                if (lower.contains(t)) {
                    out = PATTERNS[i].matcher(out).replaceAll("$1***");
                    break;
                }
            }
        }
        return out;
    }
}
