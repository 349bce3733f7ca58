package com.adfops.adf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that came from outside the bot (ADF error messages, run parameters, activity inputs, docs,
 * model arguments) before it leaves the bot: in a card, the CSV export, a model's tool output or a log line. A secret
 * value becomes {@value #MASK} and its key stays, so the engineer sees what was masked ({@code Password=***}).
 *
 * <p>What is masked, in every form ADF and the services it calls echo them:
 * <ul>
 *   <li>a value whose key names a secret ({@link #isSecretName}: Password, Pwd, AccountKey, SharedAccessKey,
 *       SharedAccessSignature, ClientSecret, token, ...) after {@code =} or {@code :}, unquoted (a connection string's
 *       value may hold spaces: up to {@code ;}, {@code &}, a quote, a line end or the next {@code key=}), single- or
 *       double-quoted, as JSON ({@code "client_secret": "x"}) and as escaped JSON ({@code \"client_secret\":\"x\"});</li>
 *   <li>XML: {@code <password>x</password>} (also escaped as {@code &lt;...&gt;} or {@code \u003c...\u003e}) and
 *       {@code <add key="ClientSecret" value="x"/>} (or {@code "name": "x", "value": "y"} pairs);</li>
 *   <li>URL query parameters that carry a secret (the SAS {@code sig}, an Azure Functions {@code code}, {@code token},
 *       {@code api-key}, ...) after {@code ?}, {@code &}, {@code &amp;}, {@code \u0026}, {@code %26} or {@code %3F},
 *       with {@code =}, {@code %3D} or {@code \u003d}; {@code sig=} also at the start of the text or after a space.
 *       The other SAS fields ({@code sv}, {@code se}, {@code sp}) stay readable;</li>
 *   <li>bearer tokens, the password in a URL's user info ({@code https://user:***@host}) and private-key blocks
 *       ({@code -----BEGIN ... PRIVATE KEY----- *** -----END ... PRIVATE KEY-----}, to the end of the text when the
 *       block was cut).</li>
 * </ul>
 *
 * <p>Cheap when there is nothing to mask, as for most messages: one pass over the text looks for the keywords each
 * rule needs (allocation-free), and a rule's expressions run only when its keyword is there. Every expression is
 * linear: bounded or possessive quantifiers, and values are read by hand-written scanners, so a 100 KB hostile
 * message costs a few passes. Masking is idempotent: redacting redacted text changes nothing.
 */
public final class SecretRedactor {

    /** What a secret value is replaced with. */
    public static final String MASK = "***";

    private SecretRedactor() {
    }

    // ---- the cheap gate: which rules may apply ----------------------------------------------------------------

    private static final int NAMED = 1;
    private static final int QUERY_CODE = 2;
    private static final int BEARER = 4;
    private static final int KEY_BLOCK = 8;
    private static final int SCHEME = 16;
    private static final int AT = 32;

    /** The rules that may apply to {@code s}, as bits, from one pass over it. */
    private static int triggers(String s) {
        int bits = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            switch (l) {
                case 'p' -> bits |= at(s, i, "pass") || at(s, i, "pwd") ? NAMED : 0;
                case 's' -> bits |= at(s, i, "secret") || at(s, i, "sig") || at(s, i, "sas") ? NAMED : 0;
                case 't' -> bits |= at(s, i, "token") ? NAMED : 0;
                case 'k' -> bits |= at(s, i, "key") ? NAMED : 0;
                case 'c' -> bits |= at(s, i, "credential") || at(s, i, "connstr") || at(s, i, "connectionstring")
                        || at(s, i, "connection_string") || at(s, i, "connection-string") ? NAMED : 0;
                case 'a' -> bits |= at(s, i, "authorization") ? NAMED : 0;
                case 'b' -> bits |= at(s, i, "bearer") ? BEARER : 0;
                // ?code= &code= %26code= \u0026code= %3Fcode=: an Azure Functions key in a URL
                case '?', '&', '6', 'f' -> bits |= at(s, i + 1, "code") ? QUERY_CODE : 0;
                case '-' -> bits |= at(s, i, "-----begin") ? KEY_BLOCK : 0;
                case ':' -> bits |= s.startsWith("//", i + 1) ? SCHEME : 0;
                case '@' -> bits |= AT;
                default -> {
                    // not the start of a keyword
                }
            }
        }
        return bits;
    }

    private static boolean at(String s, int i, String lowerWord) {
        return s.regionMatches(true, i, lowerWord, 0, lowerWord.length());
    }

    // ---- the public API --------------------------------------------------------------------------------------

    /** {@code text} with every secret masked; "" for null. */
    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        int t = text.isEmpty() ? 0 : triggers(text);
        if (t == 0 || t == SCHEME || t == AT) {
            return text;
        }
        String out = text;
        if ((t & KEY_BLOCK) != 0) {
            out = privateKeyBlocks(out);
        }
        if ((t & BEARER) != 0) {
            out = bearerTokens(out);
        }
        if ((t & NAMED) != 0) {
            out = namedValues(out);
            out = xmlElements(out);
            out = pairs(out);
        }
        if ((t & (NAMED | QUERY_CODE)) != 0) {
            out = queryParameters(out);
        }
        if ((t & SCHEME) != 0 && (t & AT) != 0) {
            out = userInfo(out);
        }
        return out;
    }

    /**
     * A run or activity parameter's value as it may be shown: all of it masked when the parameter's name names a
     * secret ({@link #isSecretParameter}), else with the secrets inside it masked like any text.
     */
    public static String redactParameter(String name, String value) {
        if (value == null) {
            return "";
        }
        if (isSecretParameter(name)) {
            return value.isEmpty() ? value : MASK;
        }
        return redact(value);
    }

    /**
     * Whether a parameter named {@code name} holds a secret: {@link #isSecretName}, or the name is just "key".
     */
    public static boolean isSecretParameter(String name) {
        if (name == null) {
            return false;
        }
        String c = compact(name);
        return c.equals("key") || c.equals("keys") || isSecretName(name);
    }

    /**
     * Whether a key in text names a secret: its letters (case, {@code _ - . :} and spaces ignored) contain password,
     * passwd, passphrase, pwd, secret, token, credential, connectionstring, connstr, authorization, signature,
     * sas or key (AccountKey, SharedAccessKey, apiKey, {@code fs.azure.account.key...}), or are exactly "sig"; and do
     * not end in "name", "id", "type" or "version" (SharedAccessKeyName, secretName and tokenType name a secret,
     * they are none). A bare "key" is not one here: it is the attribute of {@code <add key="x" value="y"/>}.
     */
    public static boolean isSecretName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String c = compact(name);
        if (c.equals("sig")) {
            return true;
        }
        if (c.equals("key") || c.equals("keys") || c.endsWith("name") || c.endsWith("names") || c.endsWith("id")
                || c.endsWith("type") || c.endsWith("version")) {
            return false;
        }
        for (String w : SECRET_NAME_PARTS) {
            if (c.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SECRET_NAME_PARTS = {"password", "passwd", "passphrase", "pwd", "secret", "token",
        "credential", "connectionstring", "connstr", "authorization", "signature", "sas", "key"};

    private static String compact(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch != '_' && ch != '-' && ch != '.' && ch != ':' && ch != ' ') {
                b.append(Character.toLowerCase(ch));
            }
        }
        return b.toString();
    }

    /** A text being masked: the spans to replace with {@link #MASK}, in order, copied lazily (most texts have none). */
    private static final class Masked {
        private final String text;
        private StringBuilder out;
        private int copied;

        Masked(String text) {
            this.text = text;
        }

        /** Masks {@code [from, to)} unless it is empty or already masked. */
        void mask(int from, int to) {
            if (to <= from || to - from == MASK.length() && text.startsWith(MASK, from)) {
                return;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, from).append(MASK);
            copied = to;
        }

        @Override
        public String toString() {
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }
    }

    /** {@code s} with group {@code group} of every match of {@code p} masked, except the matches {@code keep} keeps. */
    private static String maskGroup(String s, Pattern p, int group, java.util.function.Predicate<Matcher> keep) {
        Matcher m = p.matcher(s);
        Masked out = new Masked(s);
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

    private static String pairs(String s) {
        Matcher m = PAIR.matcher(s);
        Masked out = new Masked(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            from = m.end();
            if (!isSecretName(m.group(1)) || m.group(1).equalsIgnoreCase("sig")) {
                continue; // a signature is a URL's: its value ends where the query parameter does
            }
            int[] v = value(s, m.end(), m.group(2).charAt(0) == ':');
            out.mask(v[0], v[1]);
            from = Math.max(from, v[1]);
        }
        return out.toString();
    }

    /**
     * Where the value that starts at {@code i} is, as {start, end} of what to mask (quotes excluded): a quoted value
     * to its closing quote (at the same escape level: {@code \"x\"} ends at {@code \"}), an unquoted one after
     * {@code :} to the end of its word (after an authorization scheme such as "Basic", the next word), an unquoted one after
     * {@code =} to {@code ;}, {@code &}, a double quote, {@code <}, {@code >}, a line end, an escape, or a comma or
     * space before the next {@code key=}. Without its end a value runs to the end of the text.
     */
    private static int[] value(String s, int i, boolean colon) {
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

    private static boolean isLetters(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
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

    // ---- <add key="ClientSecret" value="x"/>, {"name": "password", "value": "x"} ----------------------------------

    private static final Pattern NAMED_VALUE = Pattern.compile(
            "(?i)(?<![\\w.\\-])(?:key|name)(?:\\\\{0,4}[\"'])?[ \\t]*+[=:][ \\t]*+\\\\{0,4}[\"']([A-Za-z_][\\w.\\-]{0,120}+)"
                    + "\\\\{0,4}[\"']");
    private static final Pattern ITS_VALUE = Pattern.compile(
            "(?i)[^<>{}]{0,80}?(?<![\\w.\\-])value(?:\\\\{0,4}[\"'])?[ \\t]*+([=:])[ \\t]*+");

    private static String namedValues(String s) {
        Matcher m = NAMED_VALUE.matcher(s);
        Matcher v = ITS_VALUE.matcher(s);
        Masked out = new Masked(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            from = m.end();
            if (!isSecretParameter(m.group(1))) {
                continue;
            }
            v.region(m.end(), Math.min(s.length(), m.end() + 200));
            if (!v.lookingAt()) {
                continue;
            }
            int[] span = value(s, v.end(), v.group(1).charAt(0) == ':');
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

    private static String xmlElements(String s) {
        Matcher m = XML_ELEMENT.matcher(s);
        Matcher next = NEXT_TAG.matcher(s);
        Masked out = new Masked(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            from = m.end();
            if (!isSecretName(m.group(1))) {
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

    private static String queryParameters(String s) {
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
    private static String bearerTokens(String s) {
        return maskGroup(s, BEARER_TOKEN, 1, m -> m.end(1) - m.start(1) < 20 && isLetters(s, m.start(1), m.end(1)));
    }

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/\\s:@\"'<>]{1,256}+:([^/\\s@\"'<>]{1,256}+)@");

    private static String userInfo(String s) {
        return maskGroup(s, USER_INFO, 1, m -> false);
    }

    /** The body of each {@code -----BEGIN ... PRIVATE KEY-----} block, to its END line or the end of the text. */
    private static String privateKeyBlocks(String s) {
        Masked out = new Masked(s);
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

}
