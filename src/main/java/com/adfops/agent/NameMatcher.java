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
        String q = normalize(stripFiller(query));
        if (q.isEmpty() || names.isEmpty()) {
            return new Match(Optional.empty(), closest(q, names));
        }
        for (String n : names) {
            if (normalize(n).equals(q)) {
                return new Match(Optional.of(n), List.of());
            }
        }
        // Common prefixes like "pl_" or "pipeline" are often left out by people.
        List<String> hits = new ArrayList<>();
        for (String n : names) {
            String nn = normalize(n);
            if (q.length() >= 4 && (nn.contains(q) || nn.endsWith(q))) {
                hits.add(n);
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
        // Small typos: edit distance within about one in six characters.
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        boolean tie = false;
        for (String n : names) {
            String nn = normalize(n);
            int d = Math.min(distance(q, nn), distanceWithoutPrefix(q, nn));
            if (d < bestDist) {
                best = n;
                bestDist = d;
                tie = false;
            } else if (d == bestDist) {
                tie = true;
            }
        }
        int allowed = Math.max(1, q.length() / 6);
        if (best != null && bestDist <= allowed && !tie) {
            return new Match(Optional.of(best), List.of());
        }
        return new Match(Optional.empty(), closest(q, names));
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

    /** The closest names by edit distance and shared words, best first, at most three. */
    public static List<String> closest(String query, List<String> names) {
        String q = normalize(query);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingDouble((String n) -> score(q, n)).thenComparing(n -> n));
        List<String> out = new ArrayList<>();
        for (String n : sorted) {
            if (out.size() == 3) {
                break;
            }
            out.add(n);
        }
        return out;
    }

    private static double score(String q, String name) {
        String nn = normalize(name);
        if (q.isEmpty()) {
            return nn.length();
        }
        double d = Math.min(distance(q, nn), distanceWithoutPrefix(q, nn)) / (double) Math.max(q.length(), 1);
        // Reward names that share a long common substring with the query.
        int common = longestCommonSubstring(q, nn);
        return d - common / (double) Math.max(q.length(), 1);
    }

    private static int distanceWithoutPrefix(String q, String nn) {
        int best = Integer.MAX_VALUE;
        for (String p : new String[] {"pl", "pipeline", "pipe", "p"}) {
            if (nn.startsWith(p) && nn.length() > p.length()) {
                best = Math.min(best, distance(q, nn.substring(p.length())));
            }
        }
        return best;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[] prevPrev = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                // A swap of two neighbours ("exprot") counts as one edit (optimal string alignment).
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1);
                }
            }
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

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
