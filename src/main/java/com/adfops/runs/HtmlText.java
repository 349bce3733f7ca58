package com.adfops.runs;

import java.util.Map;
import java.util.Set;

/**
 * The text of an HTML page in an error message (a Web activity's 4xx/5xx page): tags, comments, scripts and styles
 * removed, entities decoded, white space tidied. One pass over the page with no regular expressions, so a page of
 * a megabyte costs a few milliseconds; unclosed tags and stray {@code <} characters are tolerated.
 */
final class HtmlText {

    /** The parts of a page a person reads first; each "" when the page has none. */
    record Page(String title, String heading, String text) {
    }

    /** Tags that open an HTML document or its parts; the first of them marks where the page starts. */
    private static final String[] PAGE_STARTS = {"<!doctype html", "<html", "<head", "<body", "<title"};
    /** Elements whose content is not text for a person. */
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg");
    /** Elements that end a line. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "ul", "ol", "tr", "td", "th", "table", "title", "pre", "section", "article", "header", "footer", "body",
            "html", "main", "blockquote", "dd", "dt", "dl", "form", "center");
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "copy", "©", "ndash", "–", "mdash", "—", "hellip", "…");

    private HtmlText() {
    }

    /** Where an HTML page starts in {@code text}, or -1 when there is none. */
    static int start(String text) {
        if (text.indexOf('<') < 0) {
            return -1;
        }
        int first = -1;
        for (String tag : PAGE_STARTS) {
            int i = indexOfIgnoreCase(text, tag, 0);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    /** The page's title, its first h1 (else h2) and all its text. */
    static Page page(String html) {
        String title = element(html, "title");
        String heading = element(html, "h1");
        return new Page(title, heading.isEmpty() ? element(html, "h2") : heading, toText(html));
    }

    /** The text of the first {@code name} element, or "". */
    private static String element(String html, String name) {
        int open = indexOfIgnoreCase(html, "<" + name, 0);
        while (open >= 0 && open + name.length() + 1 < html.length()
                && Character.isLetterOrDigit(html.charAt(open + name.length() + 1))) {
            open = indexOfIgnoreCase(html, "<" + name, open + 1);
        }
        if (open < 0) {
            return "";
        }
        int gt = html.indexOf('>', open);
        if (gt < 0) {
            return "";
        }
        int close = indexOfIgnoreCase(html, "</" + name, gt + 1);
        return toText(html.substring(gt + 1, close < 0 ? html.length() : close)).replace('\n', ' ');
    }

    /** The text of HTML: one line per block, runs of white space as one space, no empty lines. */
    static String toText(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 16));
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                i = tag(html, i, out);
            } else if (c == '&') {
                i = entity(html, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return tidy(out);
    }

    /** Reads the tag at {@code i} (or a literal {@code <}) and returns where reading goes on. */
    private static int tag(String html, int i, StringBuilder out) {
        int n = html.length();
        if (html.startsWith("<!--", i)) {
            int end = html.indexOf("-->", i + 4);
            return end < 0 ? n : end + 3;
        }
        int j = i + 1;
        boolean closing = j < n && html.charAt(j) == '/';
        if (closing) {
            j++;
        }
        int k = j;
        while (k < n && Character.isLetterOrDigit(html.charAt(k))) {
            k++;
        }
        boolean declaration = j < n && (html.charAt(j) == '!' || html.charAt(j) == '?');
        if (k == j && !declaration) {
            out.append('<');
            return i + 1;
        }
        int gt = html.indexOf('>', k);
        if (gt < 0) {
            return n;
        }
        String name = html.substring(j, k).toLowerCase(java.util.Locale.ROOT);
        if (!closing && SKIPPED.contains(name) && html.charAt(gt - 1) != '/') {
            int end = indexOfIgnoreCase(html, "</" + name, gt + 1);
            if (end < 0) {
                return n;
            }
            int endGt = html.indexOf('>', end);
            out.append('\n');
            return endGt < 0 ? n : endGt + 1;
        }
        if (BLOCKS.contains(name)) {
            out.append('\n');
        }
        return gt + 1;
    }

    /** Decodes the entity at {@code i} ({@code &amp;}, {@code &#39;}, {@code &#x2F;}); an unknown one stays as it is. */
    private static int entity(String html, int i, StringBuilder out) {
        int semi = -1;
        for (int k = i + 1; k < Math.min(html.length(), i + 11) && semi < 0; k++) {
            semi = html.charAt(k) == ';' ? k : -1;
        }
        if (semi > i + 1) {
            String name = html.substring(i + 1, semi);
            try {
                if (name.startsWith("#x") || name.startsWith("#X")) {
                    out.appendCodePoint(Integer.parseInt(name.substring(2), 16));
                    return semi + 1;
                } else if (name.startsWith("#")) {
                    out.appendCodePoint(Integer.parseInt(name.substring(1)));
                    return semi + 1;
                }
            } catch (IllegalArgumentException e) {
                // Not a number or not a code point: left as it is.
            }
            String v = ENTITIES.get(name.toLowerCase(java.util.Locale.ROOT));
            if (v != null) {
                out.append(v);
                return semi + 1;
            }
        }
        out.append('&');
        return i + 1;
    }

    private static String tidy(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                newline = !b.isEmpty();
                space = false;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = !b.isEmpty();
            } else {
                if (newline) {
                    b.append('\n');
                } else if (space) {
                    b.append(' ');
                }
                newline = false;
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        int last = text.length() - needle.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
