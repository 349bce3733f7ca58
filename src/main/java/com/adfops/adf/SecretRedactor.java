package com.adfops.adf;

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
 * message costs a few passes. Masking is idempotent: redacting redacted text changes nothing. This class is the
 * gate and the secret names; the rules, one per form, are {@link SecretRules}, and where a value ends
 * {@link SecretValues}.
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
            out = SecretRules.privateKeyBlocks(out);
        }
        if ((t & BEARER) != 0) {
            out = SecretRules.bearerTokens(out);
        }
        if ((t & NAMED) != 0) {
            out = SecretRules.namedValues(out);
            out = SecretRules.xmlElements(out);
            out = SecretRules.pairs(out);
        }
        if ((t & (NAMED | QUERY_CODE)) != 0) {
            out = SecretRules.queryParameters(out);
        }
        if ((t & SCHEME) != 0 && (t & AT) != 0) {
            out = SecretRules.userInfo(out);
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
}
