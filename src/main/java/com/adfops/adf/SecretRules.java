package com.adfops.adf;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules {@link SecretRedactor} masks secrets with, one per form a secret takes in text: {@code key=value} pairs
 * (and JSON, escaped JSON), named values ({@code <add key="x" value="y"/>}), XML elements, URL query parameters, bearer
 * tokens, a URL's user info and private-key blocks. Each finds the secret's key with a linear expression (bounded or
 * possessive quantifiers) and masks its value, found by {@link SecretValues}.
 */
final class SecretRules {

    private SecretRules() {
    }

    /** {@code s} with group {@code group} of every match of {@code p} masked, except the matches {@code keep} keeps. */
    private static String maskGroup(String s, Pattern p, int group, Predicate<Matcher> keep) {
        Matcher m = p.matcher(s);
        MaskedText out = new MaskedText(s);
        while (m.find()) {
            if (!keep.test(m)) {
                out.mask(m.start(group), m.end(group));
            }
        }
        return out.toString();
    }

    // ---- key = value, key: value, "key": "value" ---------------------------------------------------------------

    /**
     * A key, the quotes that may close it (JSON, escaped JSON, single-quoted) and its separator. The key starts a
     * word and is at most 121 characters (a longer word is no key), so each position costs a bounded step.
     */
    private static final Pattern PAIR = Pattern.compile(
            "(?<![\\w.\\-])([A-Za-z_][\\w.\\-]{0,120}+)(?:\\\\{0,4}[\"']{1,2})?[ \\t]*+([=:])[ \\t]*+");

    static String pairs(String s) {
        Matcher m = PAIR.matcher(s);
        MaskedText out = new MaskedText(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            from = m.end();
            if (!SecretRedactor.isSecretName(m.group(1)) || m.group(1).equalsIgnoreCase("sig")) {
                continue; // a signature is a URL's: its value ends where the query parameter does
            }
            int[] v = SecretValues.value(s, m.end(), m.group(2).charAt(0) == ':');
            out.mask(v[0], v[1]);
            from = Math.max(from, v[1]);
        }
        return out.toString();
    }

    // ---- <add key="ClientSecret" value="x"/>, {"name": "password", "value": "x"} ----------------------------------

    private static final Pattern NAMED_VALUE = Pattern.compile(
            "(?i)(?<![\\w.\\-])(?:key|name)(?:\\\\{0,4}[\"'])?[ \\t]*+[=:][ \\t]*+\\\\{0,4}[\"']([A-Za-z_][\\w.\\-]{0,120}+)"
                    + "\\\\{0,4}[\"']");
    private static final Pattern ITS_VALUE = Pattern.compile(
            "(?i)[^<>{}]{0,80}?(?<![\\w.\\-])value(?:\\\\{0,4}[\"'])?[ \\t]*+([=:])[ \\t]*+");

    static String namedValues(String s) {
        Matcher m = NAMED_VALUE.matcher(s);
        Matcher v = ITS_VALUE.matcher(s);
        MaskedText out = new MaskedText(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            from = m.end();
            if (!SecretRedactor.isSecretParameter(m.group(1))) {
                continue;
            }
            v.region(m.end(), Math.min(s.length(), m.end() + 200));
            if (!v.lookingAt()) {
                continue;
            }
            int[] span = SecretValues.value(s, v.end(), v.group(1).charAt(0) == ':');
            out.mask(span[0], span[1]);
            from = Math.max(v.end(), span[1]);
        }
        return out.toString();
    }

    // ---- <password>x</password> ------------------------------------------------------------------------------

    /** An opening tag, raw or escaped as HTML ({@code &lt;}) or JSON ({@code \u003c}, {@code \u0026lt;}). */
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "(?i)(?:<|&lt;|\\\\u003c|\\\\u0026lt;)([A-Za-z_][\\w.:\\-]{0,120}+)(?:\\s[^<>&\\\\]{0,300}+)?"
                    + "(?:>|&gt;|\\\\u003e|\\\\u0026gt;)");
    /** Where an element's text ends: the next tag, in the same encodings. */
    private static final Pattern NEXT_TAG = Pattern.compile("(?i)<|&lt;|\\\\u003c|\\\\u0026lt;");

    static String xmlElements(String s) {
        Matcher m = XML_ELEMENT.matcher(s);
        Matcher next = NEXT_TAG.matcher(s);
        MaskedText out = new MaskedText(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            from = m.end();
            if (!SecretRedactor.isSecretName(m.group(1))) {
                continue;
            }
            int end = next.find(m.end()) ? next.start() : s.length();
            out.mask(m.end(), end);
            from = end;
        }
        return out.toString();
    }

    // ---- URL query parameters: sig, code, token, ... in any encoding ------------------------------------------

    private static final Pattern QUERY = Pattern.compile(
            "(?i)(^|[?&;\\s\"'(,/]|\\\\u0026|%26|%3F)(sig|code|token|access_token|api[_-]?key|subscription-key"
                    + "|x-functions-key|key|client_secret|secret|password|pwd|signature)(=|%3D|\\\\u003d)"
                    + "((?:[A-Za-z0-9+/=._~*\\-]|%(?!26|3[Ff]))*+)");

    static String queryParameters(String s) {
        return maskGroup(s, QUERY, 4, m -> {
            String delimiter = m.group(1);
            boolean inQuery = delimiter.length() > 1 || !delimiter.isEmpty() && "?&;".indexOf(delimiter.charAt(0)) >= 0;
            return !inQuery && !m.group(2).equalsIgnoreCase("sig"); // only sig= stands alone at the start or after a space
        });
    }

    // ---- bearer tokens, user info, private keys --------------------------------------------------------------

    private static final Pattern BEARER_TOKEN = Pattern.compile("(?i)(?<![\\w\\-])bearer\\s++([A-Za-z0-9._~+/=\\-]{8,}+)");

    /**
     * Bearer followed by a token: eight characters or more, and not a short word of letters only ("bearer
     * authentication" is prose).
     */
    static String bearerTokens(String s) {
        return maskGroup(s, BEARER_TOKEN, 1, m -> m.end(1) - m.start(1) < 20 && isLetters(s, m.start(1), m.end(1)));
    }

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/\\s:@\"'<>]{1,256}+:([^/\\s@\"'<>]{1,256}+)@");

    static String userInfo(String s) {
        return maskGroup(s, USER_INFO, 1, m -> false);
    }

    /** The body of each {@code -----BEGIN ... PRIVATE KEY-----} block, to its END line or the end of the text. */
    static String privateKeyBlocks(String s) {
        MaskedText out = new MaskedText(s);
        int from = 0;
        while (true) {
            int begin = indexOfIgnoreCase(s, "-----BEGIN", from);
            if (begin < 0) {
                break;
            }
            int headerEnd = s.indexOf("-----", begin + 10);
            if (headerEnd < 0 || headerEnd - begin > 80) {
                from = begin + 10;
                continue;
            }
            headerEnd += 5;
            if (indexOfIgnoreCase(s.substring(begin, headerEnd), "PRIVATE KEY", 0) < 0) {
                from = headerEnd;
                continue;
            }
            int end = indexOfIgnoreCase(s, "-----END", headerEnd);
            out.mask(headerEnd, end < 0 ? s.length() : end);
            from = end < 0 ? s.length() : end + 8;
        }
        return out.toString();
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = Math.max(0, from); i <= s.length() - needle.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLetters(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

}
