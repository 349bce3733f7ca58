package com.adfops.agent;

import com.adfops.runs.KnownNames;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.TimeWindowParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run of words in a question that names a pipeline although one of its words is a command word: "is the
 * <em>trend loader</em> ok?", "how's the <em>cost sync</em> doing?". The parser reads such a question with the run
 * replaced by {@link IntentParser#NAME}, so the command word inside the name does not make it an analytics question.
 *
 * <p>A run qualifies when some pipeline's name has every one of its words ({@link NameMatcher#words}) and one of the
 * words is not a command word, or the run is the whole of a name, or "pipeline" follows it ("the trend pipeline"). A run that holds a window phrase ("last
 * hour") is the window's, not a name's. The longest run wins.
 *
 * @param name     the pipeline the words name, or the words themselves when several names have them all (the router
 *                 then asks which one)
 * @param replaced the question with the run replaced
 */
record NameSpan(String name, String replaced) {

    /** Longest run of words looked at. */
    static final int MAX_WORDS = 6;

    /** The run of words in {@code t} that names a pipeline and holds a command word, or null. */
    /** Words of a question looked at for a pipeline named in plain words. */
    static final int MAX_SCANNED = 40;

    static NameSpan find(String t, KnownNames known, Set<String> vocabulary) {
        String[] tokens = t.split(" ");
        String[] words = new String[tokens.length];
        boolean anyCommandWord = false;
        for (int i = 0; i < tokens.length; i++) {
            String w = tokens[i].replaceAll("^\\p{Punct}+|\\p{Punct}+$", "").replaceAll("'s$", "");
            words[i] = w.matches("[a-z0-9]+") ? w : null;
            anyCommandWord |= words[i] != null && vocabulary.contains(words[i]);
        }
        if (!anyCommandWord || known.pipelines().isEmpty()) {
            return null;
        }
        List<List<String>> names = new ArrayList<>();
        // Which names hold each word: a span is checked against the names holding all its words, not against every one.
        java.util.Map<String, java.util.BitSet> holding = new java.util.HashMap<>();
        for (String n : known.pipelines()) {
            List<String> own = NameMatcher.words(n).stream().distinct().toList();
            for (String w : own) {
                holding.computeIfAbsent(w, x -> new java.util.BitSet()).set(names.size());
            }
            names.add(own);
        }
        // A question names its pipeline within its first words; a pasted log is not scanned word by word (each span
        // is matched against every pipeline's words).
        int scanned = Math.min(tokens.length, MAX_SCANNED);
        for (int len = Math.min(MAX_WORDS, scanned); len >= 1; len--) {
            for (int i = 0; i + len <= scanned; i++) {
                boolean pipelineAfter = i + len < tokens.length && tokens[i + len].matches("pipeline\\W*|pipeline's");
                String name = nameOf(words, i, len, known, names, holding, vocabulary, pipelineAfter);
                if (name != null) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < tokens.length; k++) {
                        if (k == i) {
                            sb.append(' ').append(IntentParser.NAME);
                            // Keep what followed the last word ("?", ",").
                            sb.append(tokens[i + len - 1].replaceAll("^.*?(\\p{Punct}*)$", "$1").replace("'s", ""));
                        } else if (k < i || k >= i + len) {
                            sb.append(' ').append(tokens[k]);
                        }
                    }
                    return new NameSpan(name, sb.toString().trim());
                }
            }
        }
        return null;
    }

    /** The names holding a word the same or as its plural ({@link NameMatcher#fit} 2). */
    private static java.util.BitSet holdingWord(String q, java.util.Map<String, java.util.BitSet> holding) {
        java.util.BitSet out = new java.util.BitSet();
        for (String form : new String[] {q, q + "s", q + "es",
                q.endsWith("s") ? q.substring(0, q.length() - 1) : null,
                q.endsWith("es") ? q.substring(0, q.length() - 2) : null}) {
            java.util.BitSet b = form == null ? null : holding.get(form);
            if (b != null) {
                out.or(b);
            }
        }
        return out;
    }

    private static String nameOf(String[] words, int from, int len, KnownNames known, List<List<String>> names,
                                 java.util.Map<String, java.util.BitSet> holding, Set<String> vocabulary,
                                 boolean pipelineAfter) {
        List<String> run = new ArrayList<>();
        boolean command = false;
        boolean other = false;
        for (int k = from; k < from + len; k++) {
            if (words[k] == null || known.factory(words[k]) != null) {
                return null;
            }
            if (run.contains(words[k])) {
                // "what did the cost sync cost": the second "cost" is the question's, not the name's.
                return null;
            }
            run.add(words[k]);
            if (vocabulary.contains(words[k])) {
                command = true;
            } else {
                other = true;
            }
        }
        if (!command || !TimeWindowParser.strip(String.join(" ", run)).equals(String.join(" ", run))) {
            return null;
        }
        java.util.BitSet candidates = null;
        for (String w : run) {
            java.util.BitSet b = holdingWord(w, holding);
            if (candidates == null) {
                candidates = b;
            } else {
                candidates.and(b);
            }
        }
        List<String> having = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        for (int n = candidates.nextSetBit(0); n >= 0; n = candidates.nextSetBit(n + 1)) {
            List<String> own = names.get(n);
            if (hasAll(own, run)) {
                having.add(known.pipelines().get(n));
                if (meaningful(own) <= run.size()) {
                    whole.add(known.pipelines().get(n));
                }
            }
        }
        if (having.isEmpty() || (!other && whole.isEmpty() && !pipelineAfter)) {
            return null;
        }
        if (having.size() == 1) {
            return having.get(0);
        }
        return whole.size() == 1 ? whole.get(0) : String.join(" ", run);
    }

    private static boolean hasAll(List<String> own, List<String> run) {
        boolean[] used = new boolean[own.size()];
        for (String w : run) {
            boolean found = false;
            for (int i = 0; i < own.size() && !found; i++) {
                if (!used[i] && NameMatcher.fit(w, own.get(i)) == 2) {
                    used[i] = true;
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static int meaningful(List<String> own) {
        int n = 0;
        for (String w : own) {
            if (NameMatcher.meaningful(w)) {
                n++;
            }
        }
        return n;
    }
}
