package com.adfops.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the pipeline a user means: case-insensitive, ignoring spaces, underscores and dashes, tolerant of small
 * typos, and able to find a name inside a longer phrase ("the sales orders ingest pipeline"). A name given by its
 * words in any order ("the sales copy pipeline" for {@code PL_Copy_Sales_Daily}) is matched word by word: names are
 * split at separators, camelCase and digits ({@link #words}); names having the very words come before names having
 * only a prefix, a plural or a small typo of them; then the only name that has every word wins, or the one name
 * whose words the description covers entirely; when several fit equally, none is guessed and the match says which
 * ones ({@link Match#ambiguous()}), for a "did you mean A or B?".
 */
public final class NameMatcher {

    /**
     * The outcome: the match, or the closest names to offer.
     *
     * @param ambiguous true when the words fit several names equally well: {@code closest} holds them, best first
     */
    public record Match(Optional<String> name, List<String> closest, boolean ambiguous) {

        public Match(Optional<String> name, List<String> closest) {
            this(name, closest, false);
        }
    }

    /** How many names a "did you mean" offers at most. */
    public static final int MAX_CHOICES = 4;

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
        Match byWords = byWords(query, names);
        if (byWords != null) {
            return byWords;
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

    /** Words of a name that say nothing about it: a prefix people leave out. */
    private static final java.util.Set<String> NOISE = java.util.Set.of("pl", "pipeline", "pipe", "p", "pln");
    /** Words of a name that join the others ("copy-gl-to-lake"): a description that leaves them out is whole. */
    private static final java.util.Set<String> CONNECTIVES = java.util.Set.of("to", "from", "of", "for", "and", "in",
            "on", "into", "the", "a", "an", "by", "with", "at", "per");

    /** Whether a word of a name says something about it (not a "pl" prefix, not a "to" between two words). */
    public static boolean meaningful(String nameWord) {
        return !NOISE.contains(nameWord) && !CONNECTIVES.contains(nameWord);
    }

    /**
     * The words of a name or a description, lower case: split at anything but letters and digits, at camelCase
     * ({@code IngestCustomerDataV2} -> ingest, customer, data, v, 2; {@code XMLFeed} -> xml, feed) and between letters
     * and digits.
     */
    public static List<String> words(String s) {
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

    /** How well a word of the question fits a word of a name: 2 the same (or its plural), 1 a prefix or a typo, 0 not. */
    public static int fit(String q, String w) {
        if (q.equals(w) || (q + "s").equals(w) || (w + "s").equals(q) || (q + "es").equals(w) || (w + "es").equals(q)) {
            return 2;
        }
        if (isNumber(q) || isNumber(w)) {
            return 0;
        }
        if (q.length() >= 3 && w.startsWith(q)) {
            return 1;
        }
        int allowed = Math.min(q.length(), w.length()) >= 9 ? 2 : Math.min(q.length(), w.length()) >= 5 ? 1 : 0;
        return allowed > 0 && distance(q, w, allowed) <= allowed ? 1 : 0;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** One name's fit to a description: whether it has every word asked, how many of its own words were named. */
    private record WordFit(String name, boolean all, int covered, int meaningful, int quality) {

        boolean full() {
            return all && covered >= meaningful;
        }

        double coverage() {
            return meaningful == 0 ? 1 : (double) covered / meaningful;
        }
    }

    /**
     * The match by words, or null when no name has every word of the description (the other rules then try). A name
     * whose own words are all named wins when it is the only such one; else the only name having every word; else
     * the candidates are ambiguous.
     */
    private static Match byWords(String query, List<String> names) {
        List<String> q = new ArrayList<>();
        for (String w : words(cap(query, MAX_NAME))) {
            if (meaningful(w) && !FILLER.contains(w) && !q.contains(w)) {
                q.add(w);
            }
        }
        if (q.isEmpty() || q.size() > 12) {
            return null;
        }
        List<WordFit> fits = new ArrayList<>();
        for (String name : names) {
            WordFit f = fit(q, name);
            if (f.all()) {
                fits.add(f);
            }
        }
        if (fits.isEmpty()) {
            return null;
        }
        // Names having the very words come before names that only have a prefix or a typo of them ("load" is
        // dim_product_load's word, and only the start of trend_loader's).
        int exact = 2 * q.size();
        if (fits.stream().anyMatch(f -> f.quality() == exact)) {
            fits = fits.stream().filter(f -> f.quality() == exact).toList();
        }
        if (fits.size() == 1) {
            return new Match(Optional.of(fits.get(0).name()), List.of());
        }
        List<WordFit> full = fits.stream().filter(WordFit::full).toList();
        if (full.size() == 1) {
            return new Match(Optional.of(full.get(0).name()), List.of());
        }
        List<WordFit> pool = new ArrayList<>(full.isEmpty() ? fits : full);
        pool.sort(Comparator.comparingDouble(WordFit::coverage).reversed()
                .thenComparing(Comparator.comparingInt(WordFit::quality).reversed())
                .thenComparingInt(f -> f.name().length()).thenComparing(WordFit::name));
        return new Match(Optional.empty(), pool.stream().limit(MAX_CHOICES).map(WordFit::name).toList(), true);
    }

    /**
     * The names that have every word of {@code words} (each a word of the name, its plural, a prefix or a small typo of
     * it), in their order: a group such as "sales" in "what broke in the sales pipelines?".
     */
    public static List<String> having(String words, List<String> names) {
        return having(words, names, false);
    }

    /** As {@link #having(String, List)}; {@code exactly}: the very words (or their plurals), no prefix or typo. */
    public static List<String> having(String words, List<String> names, boolean exactly) {
        List<String> q = new ArrayList<>();
        for (String w : words(cap(words, MAX_NAME))) {
            if (meaningful(w) && !FILLER.contains(w) && !q.contains(w)) {
                q.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        if (q.isEmpty() || q.size() > 12) {
            return out;
        }
        for (String name : names) {
            WordFit f = fit(q, name);
            if (f.all() && (!exactly || f.quality() == 2 * q.size())) {
                out.add(name);
            }
        }
        return out;
    }

    private static WordFit fit(List<String> q, String name) {
        // Distinct words: "lake_to_lake_copy" is named whole by "lake copy".
        List<String> own = new ArrayList<>();
        for (String w : words(name)) {
            if (meaningful(w) && !own.contains(w)) {
                own.add(w);
            }
        }
        boolean[] used = new boolean[own.size()];
        int quality = 0;
        for (String qw : q) {
            int best = 0;
            int at = -1;
            for (int i = 0; i < own.size(); i++) {
                if (!used[i]) {
                    int f = fit(qw, own.get(i));
                    if (f > best) {
                        best = f;
                        at = i;
                    }
                }
            }
            if (at < 0) {
                return new WordFit(name, false, 0, own.size(), 0);
            }
            used[at] = true;
            quality += best;
        }
        return new WordFit(name, true, q.size(), own.size(), quality);
    }

    /** The first {@code max} characters of {@code s}. */
    private static String cap(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Words people put around a name that are not part of it. */
    private static final java.util.Set<String> FILLER = java.util.Set.of("the", "my", "our", "pipeline", "pipelines",
            "run", "runs", "job", "jobs", "called", "named", "latest", "last", "this", "that", "a", "an", "one");

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
    public static int distance(String a, String b, int max) {
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
