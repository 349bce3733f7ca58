package com.adfops.adf;

/**
 * Where a secret value ends, read by hand rather than by an expression (linear on any text): quoted at any escape
 * level, unquoted after {@code =} (a connection string's value may hold spaces) or after {@code :}, after an
 * authorization scheme. Used by {@link SecretRules} once a rule found a secret's key.
 */
final class SecretValues {

    private SecretValues() {
    }

    /**
     * Where the value that starts at {@code i} is, as {start, end} of what to mask (quotes excluded): a quoted value
     * to its closing quote (at the same escape level: {@code \"x\"} ends at {@code \"}), an unquoted one after
     * {@code :} to the end of its word (after an authorization scheme such as "Basic", the next word), an unquoted one after
     * {@code =} to {@code ;}, {@code &}, a double quote, {@code <}, {@code >}, a line end, an escape, or a comma or
     * space before the next {@code key=}. Without its end a value runs to the end of the text.
     */
    static int[] value(String s, int i, boolean colon) {
        int n = s.length();
        int slashes = 0;
        while (i + slashes < n && s.charAt(i + slashes) == '\\' && slashes < 4) {
            slashes++;
        }
        if (i + slashes < n && s.charAt(i + slashes) == '"') {
            int start = i + slashes + 1;
            return new int[] {start, closingQuote(s, start, slashes)};
        }
        if (i < n && s.charAt(i) == '\'') {
            int start = i + 1;
            if (start < n && s.charAt(start) == '\'') {
                start++;
            }
            int end = s.indexOf('\'', start);
            return new int[] {start, end < 0 ? n : end};
        }
        int j = i;
        if (colon) {
            j = wordEnd(s, j);
            if (j + 1 < n && s.charAt(j) == ' ' && !isBreak(s.charAt(j + 1))
                    && AUTH_SCHEMES.contains(s.substring(i, j).toLowerCase(java.util.Locale.ROOT))) {
                return new int[] {j + 1, wordEnd(s, j + 1)};
            }
            return new int[] {i, j};
        }
        while (j < n) {
            char c = s.charAt(j);
            if (c == ';' || c == '&' || c == '"' || c == '<' || c == '>' || c == '\r' || c == '\n') {
                break;
            }
            if (c == '\\' && j + 1 < n && "\"'nrtu\\".indexOf(s.charAt(j + 1)) >= 0) {
                break;
            }
            if ((c == ',' || Character.isWhitespace(c)) && startsKey(s, j + 1)) {
                break;
            }
            j++;
        }
        // Trailing spaces are not part of the value.
        while (j > i && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
            j--;
        }
        return new int[] {i, j};
    }

    /** HTTP authorization schemes: "Authorization: Basic x" masks x and keeps the scheme. */
    private static final java.util.Set<String> AUTH_SCHEMES = java.util.Set.of("basic", "bearer", "digest", "negotiate",
            "ntlm", "sharedaccesssignature");

    /** The index of the quote that closes a value quoted at escape level {@code level}, or the text's end. */
    private static int closingQuote(String s, int from, int level) {
        int n = s.length();
        int k = from;
        while (k < n) {
            char c = s.charAt(k);
            if (c == '\\') {
                int run = 0;
                while (k + run < n && s.charAt(k + run) == '\\') {
                    run++;
                }
                if (k + run < n && s.charAt(k + run) == '"' && run == level) {
                    return k;
                }
                k += run + (level == 0 ? 1 : 0);
            } else if (c == '"' && level == 0) {
                return k;
            } else {
                k++;
            }
        }
        return n;
    }

    private static int wordEnd(String s, int i) {
        int j = i;
        while (j < s.length() && !isBreak(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || ",;&\"'<>\\}])".indexOf(c) >= 0;
    }

    /** Whether a {@code key=} starts at {@code i}, after optional spaces (the end of a space-separated value). */
    private static boolean startsKey(String s, int i) {
        int n = s.length();
        int k = i;
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        int start = k;
        while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || "_.-".indexOf(s.charAt(k)) >= 0)) {
            k++;
        }
        return k > start && Character.isLetter(s.charAt(start)) && k < n && s.charAt(k) == '=';
    }
}
