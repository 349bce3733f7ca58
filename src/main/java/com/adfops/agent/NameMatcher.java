package com.adfops.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the pipeline a user means: case-insensitive, ignoring spaces, underscores and dashes, tolerant of small
 * typos, and able to find a name inside a longer phrase ("the sales orders ingest pipeline").
 */
public final class NameMatcher {

    /** The outcome: the match, or the closest names to offer. */
    public record Match(Optional<String> name, List<String> closest) {
    }

    /**
     * The longest name Data Factory allows; a query is matched on its first this many letters and digits (a longer
     * one cannot be a name, and every comparison costs its length times the name's).
     */
    static final int MAX_NAME = 140;

    private NameMatcher() {
    }

    /** Lowercase letters and digits only. */
    public static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static Match match(String query, List<String> names) {
        String q = cap(normalize(stripFiller(cap(query, MAX_NAME * 4))), MAX_NAME);
        if (q.isEmpty() || names.isEmpty()) {
            return new Match(Optional.empty(), closestNormalized(q, names));
        }
        String[] normalized = new String[names.size()];
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = normalize(names.get(i));
            if (normalized[i].equals(q)) {
                return new Match(Optional.of(names.get(i)), List.of());
            }
        }
        // Common prefixes like "pl_" or "pipeline" are often left out by people.
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < normalized.length; i++) {
            String nn = normalized[i];
            if (q.length() >= 4 && (nn.contains(q) || nn.endsWith(q))) {
                hits.add(names.get(i));
            }
        }
        if (hits.size() == 1) {
            return new Match(Optional.of(hits.get(0)), List.of());
        }
        if (hits.size() > 1) {
            // An exact match once a short prefix is removed wins; otherwise ambiguous.
            for (String h : hits) {
                String hn = normalize(h);
                if (hn.endsWith(q) && hn.length() - q.length() <= 4) {
                    return new Match(Optional.of(h), List.of());
                }
            }
            hits.sort(Comparator.comparingInt(String::length));
            return new Match(Optional.empty(), hits.subList(0, Math.min(3, hits.size())));
        }
        // Small typos: edit distance within about one in six characters. Only "within that" matters, so each distance
        // stops once it is beyond it (and names whose length alone puts them beyond it are not compared at all).
        int allowed = Math.max(1, q.length() / 6);
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        boolean tie = false;
        for (int i = 0; i < normalized.length; i++) {
            String nn = normalized[i];
            int d = Math.min(distance(q, nn, allowed), distanceWithoutPrefix(q, nn, allowed));
            if (d > allowed) {
                continue;
            }
            if (d < bestDist) {
                best = names.get(i);
                bestDist = d;
                tie = false;
            } else if (d == bestDist) {
                tie = true;
            }
        }
        if (best != null && !tie) {
            return new Match(Optional.of(best), List.of());
        }
        return new Match(Optional.empty(), closestNormalized(q, names));
    }

    /** The first {@code max} characters of {@code s}. */
    private static String cap(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Words people put around a name that are not part of it. */
    static String stripFiller(String s) {
        String t = " " + s.toLowerCase(Locale.ROOT).replaceAll("[?!.,'\"`]", " ") + " ";
        for (String w : new String[] {" the ", " my ", " our ", " pipeline ", " pipelines ", " pipe line ", " run ",
                " job ", " called ", " named ", " latest ", " last ", " this ", " that "}) {
            t = t.replace(w, " ");
        }
        return t.trim();
    }

    /**
     * The closest names by edit distance and shared words, best first, at most three. Each name is scored once
     * (not once per comparison of a sort), against the query's first {@link #MAX_NAME} letters and digits.
     */
    public static List<String> closest(String query, List<String> names) {
        return closestNormalized(cap(normalize(query), MAX_NAME), names);
    }

    private record Scored(String name, double score) {
    }

    private static List<String> closestNormalized(String q, List<String> names) {
        List<Scored> scored = new ArrayList<>(names.size());
        for (String n : names) {
            scored.add(new Scored(n, score(q, n)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).thenComparing(Scored::name));
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < scored.size() && out.size() < 3; i++) {
            out.add(scored.get(i).name());
        }
        return out;
    }

    private static double score(String q, String name) {
        String nn = normalize(name);
        if (q.isEmpty()) {
            return nn.length();
        }
        int unbounded = Math.max(q.length(), nn.length());
        double d = Math.min(distance(q, nn, unbounded), distanceWithoutPrefix(q, nn, unbounded))
                / (double) Math.max(q.length(), 1);
        // Reward names that share a long common substring with the query.
        int common = longestCommonSubstring(q, nn);
        return d - common / (double) Math.max(q.length(), 1);
    }

    private static int distanceWithoutPrefix(String q, String nn, int max) {
        int best = Integer.MAX_VALUE;
        for (String p : new String[] {"pl", "pipeline", "pipe", "p"}) {
            if (nn.startsWith(p) && nn.length() > p.length()) {
                best = Math.min(best, distance(q, nn.substring(p.length()), max));
            }
        }
        return best;
    }

    /**
     * Edit distance with adjacent transpositions (optimal string alignment), computed only as far as {@code max}: any
     * distance above it comes back as {@code max + 1}. Only the cells within {@code max} of the diagonal are computed
     * (a cell further away is at least that far), and the work stops once two rows are all beyond {@code max}.
     */
    static int distance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        int far = max + 1;
        int[] prevPrev = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        java.util.Arrays.fill(prevPrev, far);
        java.util.Arrays.fill(cur, far);
        for (int j = 0; j <= lb; j++) {
            prev[j] = Math.min(j, far);
        }
        long computed = 0;
        int prevMin = 0;
        for (int i = 1; i <= la; i++) {
            int from = Math.max(1, i - max);
            int to = (int) Math.min(lb, (long) i + max);
            cur[0] = Math.min(i, far);
            if (from > 1) {
                cur[from - 1] = far;
            }
            int rowMin = cur[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                // A swap of two neighbours ("exprot") counts as one edit (optimal string alignment).
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prevPrev[j - 2] + 1);
                }
                cur[j] = Math.min(v, far);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < lb) {
                cur[to + 1] = far;
            }
            computed += to - from + 1;
            // A path reaches the last row through this row or (by a swap) the one before it.
            if (rowMin > max && prevMin > max) {
                CELLS.add(computed);
                return far;
            }
            prevMin = rowMin;
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        CELLS.add(computed);
        return Math.min(prev[lb], far);
    }

    /** Edit distance cells computed so far (a test's measure of the work a match does, not a timing). */
    static final java.util.concurrent.atomic.LongAdder CELLS = new java.util.concurrent.atomic.LongAdder();

    private static int longestCommonSubstring(String a, String b) {
        int best = 0;
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return best;
    }
}
