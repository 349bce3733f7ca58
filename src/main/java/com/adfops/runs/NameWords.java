package com.adfops.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of pipeline names and of what people call them, for {@link NameMatcher}: a name normalized (letters and
 * digits, lower case), split into words (at separators, camelCase and digits), the words that say something about a
 * name (not a "pl" prefix, not a "to" between two others) and the filler people put around a name.
 */
final class NameWords {

    private NameWords() {
    }

    /** Lowercase letters and digits only. */
    static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Words of a name that say nothing about it: a prefix people leave out. */
    private static final java.util.Set<String> NOISE = java.util.Set.of("pl", "pipeline", "pipe", "p", "pln");
    /** Words of a name that join the others ("copy-gl-to-lake"): a description that leaves them out is whole. */
    private static final java.util.Set<String> CONNECTIVES = java.util.Set.of("to", "from", "of", "for", "and", "in",
            "on", "into", "the", "a", "an", "by", "with", "at", "per");

    /** Whether a word of a name says something about it (not a "pl" prefix, not a "to" between two words). */
    static boolean meaningful(String nameWord) {
        return !NOISE.contains(nameWord) && !CONNECTIVES.contains(nameWord);
    }

    /**
     * The words of a name or a description, lower case: split at anything but letters and digits, at camelCase
     * ({@code IngestCustomerDataV2} -> ingest, customer, data, v, 2; {@code XMLFeed} -> xml, feed) and between letters
     * and digits.
     */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(w, out);
                continue;
            }
            if (w.length() > 0) {
                char p = s.charAt(i - 1);
                boolean camel = Character.isLowerCase(p) && Character.isUpperCase(c);
                boolean acronymEnd = Character.isUpperCase(p) && Character.isUpperCase(c) && i + 1 < n
                        && Character.isLowerCase(s.charAt(i + 1));
                boolean digitEdge = Character.isDigit(p) != Character.isDigit(c);
                if (camel || acronymEnd || digitEdge) {
                    flush(w, out);
                }
            }
            w.append(Character.toLowerCase(c));
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString());
            w.setLength(0);
        }
    }

    /**
     * The words a description asks for, in its order, each once: its meaningful words (of its first {@link
     * NameMatcher#MAX_NAME} characters) without the filler around a name.
     */
    static List<String> asked(String description) {
        List<String> q = new ArrayList<>();
        for (String w : words(cap(description, NameMatcher.MAX_NAME))) {
            if (meaningful(w) && !FILLER.contains(w) && !q.contains(w)) {
                q.add(w);
            }
        }
        return q;
    }

    /** Words people put around a name that are not part of it. */
    private static final java.util.Set<String> FILLER = java.util.Set.of("the", "my", "our", "pipeline", "pipelines",
            "run", "runs", "job", "jobs", "called", "named", "latest", "last", "this", "that", "a", "an", "one");

    /** {@code s} in lower case without the words people put around a name (punctuation dropped). */
    static String stripFiller(String s) {
        String t = " " + s.toLowerCase(Locale.ROOT).replaceAll("[?!.,'\"`]", " ") + " ";
        for (String w : new String[] {" the ", " my ", " our ", " pipeline ", " pipelines ", " pipe line ", " run ",
                " job ", " called ", " named ", " latest ", " last ", " this ", " that "}) {
            t = t.replace(w, " ");
        }
        return t.trim();
    }

    /** The first {@code max} characters of {@code s}. */
    static String cap(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
