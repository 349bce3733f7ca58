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

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll("$1***");
        }
        return out;
    }
}
