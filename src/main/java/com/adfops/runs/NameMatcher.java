package com.adfops.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pipeline a user means: case-insensitive, ignoring spaces, underscores and dashes, tolerant of small
 * typos, and able to find a name inside a longer phrase ("the sales orders ingest pipeline"). A name given by its
 * words in any order ("the sales copy pipeline" for {@code PL_Copy_Sales_Daily}) is matched word by word: names are
 * split at separators, camelCase and digits ({@link #words}); names having the very words come before names having
 * only a prefix, a plural or a small typo of them; then the only name that has every word wins, or the one name
 * whose words the description covers entirely; when several fit equally, none is guessed and the match says which
 * ones ({@link Match#ambiguous()}), for a "did you mean A or B?". This class scores and matches; the words are
 * {@link NameWords}', the edit distance {@link EditDistance}'s.
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
        return NameWords.normalize(s);
    }

    /** Names kept normalised at most (then started afresh): the pipelines of every factory, and more. */
    private static final int NORMALIZED_KEPT = 8192;
    /** The names' normalised forms: every question matches its words against the same few hundred names. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NORMALIZED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #normalize} of a name, kept (a pure function of the name). */
    static String normalizedName(String name) {
        String n = NORMALIZED.get(name);
        if (n == null) {
            n = normalize(name);
            if (NORMALIZED.size() >= NORMALIZED_KEPT) {
                NORMALIZED.clear();
            }
            NORMALIZED.put(name, n);
        }
        return n;
    }

    /**
     * The words of a name or a description, lower case: split at anything but letters and digits, at camelCase
     * ({@code IngestCustomerDataV2} -> ingest, customer, data, v, 2; {@code XMLFeed} -> xml, feed) and between letters
     * and digits.
     */
    public static List<String> words(String s) {
        return NameWords.words(s);
    }

    /** Whether a word of a name says something about it (not a "pl" prefix, not a "to" between two words). */
    public static boolean meaningful(String nameWord) {
        return NameWords.meaningful(nameWord);
    }

    /**
     * Edit distance with adjacent transpositions (optimal string alignment), computed only as far as {@code max}: any
     * distance above it comes back as {@code max + 1} ({@link EditDistance#distance}).
     */
    public static int distance(String a, String b, int max) {
        return EditDistance.distance(a, b, max);
    }

    /** Edit distance cells computed so far (a test's measure of the work a match does, not a timing). */
    static final java.util.concurrent.atomic.LongAdder CELLS = EditDistance.CELLS;

    public static Match match(String query, List<String> names) {
        String q = NameWords.cap(normalize(NameWords.stripFiller(NameWords.cap(query, MAX_NAME * 4))), MAX_NAME);
        if (q.isEmpty() || names.isEmpty()) {
            return new Match(Optional.empty(), closestNormalized(q, names));
        }
        String[] normalized = new String[names.size()];
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = normalizedName(names.get(i));
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
            int d = Math.min(distance(q, nn, allowed), EditDistance.distanceWithoutPrefix(q, nn, allowed));
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
        List<String> q = NameWords.asked(query);
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
        List<String> q = NameWords.asked(words);
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

    /**
     * The closest names by edit distance and shared words, best first, at most three. Each name is scored once
     * (not once per comparison of a sort), against the query's first {@link #MAX_NAME} letters and digits.
     */
    public static List<String> closest(String query, List<String> names) {
        return closestNormalized(NameWords.cap(normalize(query), MAX_NAME), names);
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
        double d = Math.min(distance(q, nn, unbounded), EditDistance.distanceWithoutPrefix(q, nn, unbounded))
                / (double) Math.max(q.length(), 1);
        // Reward names that share a long common substring with the query.
        int common = EditDistance.longestCommonSubstring(q, nn);
        return d - common / (double) Math.max(q.length(), 1);
    }
}
