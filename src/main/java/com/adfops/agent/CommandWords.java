package com.adfops.agent;

import com.adfops.runs.KnownNames;
import com.adfops.runs.NameMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typo tolerance for the words that make a question a command ("whats failng", "diagnoze X", "stauts of X"): a word
 * that is not known is corrected to the one command word within a small edit distance. Names are never touched: a
 * word of a pipeline or factory name, a word with digits, dashes, underscores, dots or {@code *}, and anything in
 * quotes stay as typed; so do English words that merely look like a command word ("batch", "filed", "lowest").
 *
 * <p>The bound: a swap of two neighbouring letters for words of three or four letters ("fial", "csot"), or a letter
 * left out of a five-letter one ("wich"); one edit from five letters ("failng", "stauts", "diagnoze"); two from nine
 * ("yesterdya", "troubleshot").
 */
final class CommandWords {

    /** The command words a typo may be corrected to, most likely first (a tie goes to the first). */
    static final List<String> TARGETS = List.of(
            "failing", "failed", "fails", "failure", "failures", "fail", "status", "diagnose", "diagnosis", "why",
            "running", "still", "errors", "error", "broken", "yesterday", "today", "trends", "trend", "slower",
            "slowest", "slow", "cost", "costs", "expensive", "spending", "history", "pipelines", "pipeline",
            "troubleshoot", "export", "rerun", "cancel", "healthy", "succeeded", "finished", "recovered", "happened",
            "wrong", "activities", "activity", "duration", "average", "latest", "last", "runs", "show", "watching",
            "unwatch", "anomalies", "overnight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "hours", "minutes", "week", "month", "what", "which", "status", "doing", "changed", "audit");

    /**
     * Words never corrected: every word the parser reads (its tables), and English words one edit from a command
     * word that people type on purpose.
     */
    private static final Set<String> KEEP = Set.copyOf(List.of(
            // English neighbours of command words
            "filed", "filing", "filled", "filling", "falling", "fading", "fallen", "mailing", "tailing", "sailing",
            "railing", "nailing", "hailing", "bailing", "jailing", "wailing", "ailing", "tiling", "mailed", "nailed",
            "sailed", "tailed", "jailed", "wailed", "bailed", "railed", "hailed", "flailed", "foiled", "fabled",
            "lowest", "lower", "flower", "flowers", "slowed", "blower", "glower", "shower", "toady", "toddy", "tends",
            "treads", "tread", "trent", "trendy", "expert", "experts", "expansive", "audio", "match", "patch", "catch",
            "latch", "batch", "hatch", "watch", "watches", "matching", "patching", "catching", "batching", "latching",
            "hatching", "wealthy", "health", "broker", "brokers", "cunning", "gunning", "ruining", "terror", "terrors",
            "statue", "stratus", "states", "state", "stats", "diagnosed", "stall", "skill", "spill", "stilt", "stile",
            "latent", "cancer", "yours", "tours", "pours", "fours", "sours", "curation", "sending", "finishes",
            "recovers", "histories", "week", "weak", "wrong", "wrung", "whats", "wheat", "witch", "which", "latest",
            "coast", "costa", "posts", "hosts", "most", "lost", "post", "host", "cast", "fast", "past", "list", "rest",
            "test", "tests", "mail", "tail", "sail", "rail", "fall", "falls", "show", "shows", "snow", "slot", "plot",
            "slim", "runs", "ruin", "rung", "turn", "monthly", "months", "hourly", "what", "when", "where", "who",
            "whom", "whose", "how", "why", "then", "than", "that", "this", "these", "those", "them", "they", "their",
            "there", "here", "with", "from", "into", "onto", "about", "above", "below", "after", "before", "again",
            "every", "still", "start", "started", "starts", "status", "stated", "errors", "error", "erred", "doing",
            "done", "does", "going", "gone", "being", "been", "having", "have", "sales", "scale", "scales", "story",
            "store", "stores", "false", "fails", "fail", "failed", "failing", "failure", "failures", "change",
            "changes", "charge", "charges", "audit", "audits", "runner", "runners", "rerun", "reruns", "export",
            "exports", "import", "imports", "report", "reports", "cost", "costs", "costly", "costing", "till", "tend",
            "sill", "tall", "tell", "well", "will", "wish", "with", "each", "rich", "inch", "rend", "cots", "ding",
            "dong", "audi", "moth", "ours", "hors",
            "dim", "fact", "data", "load", "sync", "copy", "feed", "flow", "sale", "sell", "slot", "stop", "step",
            "shop", "also", "into", "fine", "good", "done", "gone", "long", "ever", "over", "even", "just", "only",
            "when", "then", "them", "they", "does", "doing", "days", "hour", "week", "year", "time", "team", "teams"));

    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|'[^'\\s][^']*[^'\\s]'|`[^`]*`|[^\\s]+");
    private static final Pattern WORD = Pattern.compile("^([\\p{Punct}]*)([a-z]+)((?:'s)?[\\p{Punct}]*)$");

    private CommandWords() {
    }

    /**
     * {@code t} (lower case, one space between words) with its misspelt command words corrected; quoted text, names'
     * words ({@code known}) and the parser's own words ({@code vocabulary}) as typed.
     */
    static String correct(String t, Set<String> vocabulary, KnownNames known) {
        Matcher m = TOKEN.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        int last = 0;
        while (m.find()) {
            out.append(t, last, m.start());
            last = m.end();
            String token = m.group();
            Matcher w = WORD.matcher(token);
            if (!w.matches() || token.startsWith("\"") || token.startsWith("'") || token.startsWith("`")) {
                out.append(token);
                continue;
            }
            String word = w.group(2);
            String fixed = fix(word, vocabulary, known);
            out.append(w.group(1)).append(fixed).append(w.group(3));
        }
        out.append(t.substring(last));
        return out.toString();
    }

    /** The command word {@code word} is a typo of, or {@code word} itself. */
    static String fix(String word, Set<String> vocabulary, KnownNames known) {
        if (word.length() < 3 || KEEP.contains(word) || vocabulary.contains(word) || TARGETS.contains(word)) {
            return word;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String target : TARGETS) {
            int allowed = allowed(word, target);
            if (allowed == 0) {
                continue;
            }
            int d = NameMatcher.distance(word, target, allowed);
            if (d <= allowed && d < bestDistance) {
                best = target;
                bestDistance = d;
            }
        }
        if (best == null) {
            return word;
        }
        // Read the names only now (a question without typos never lists them): a word of a name is that name's.
        if (known.pipelineWords().contains(word)) {
            return word;
        }
        return best;
    }

    /**
     * Edits allowed between a word and a command word: short words only by a swap of neighbours (same letters, same
     * length), else one edit from five letters, two from nine.
     */
    private static int allowed(String word, String target) {
        int shorter = Math.min(word.length(), target.length());
        if (shorter <= 4) {
            // "fial" for "fail"; "wich" for "which" (a letter left out of a five-letter word).
            return (word.length() == target.length() && sameLetters(word, target))
                    || (word.length() == 4 && target.length() == 5) ? 1 : 0;
        }
        return shorter >= 9 ? 2 : 1;
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    /** The words of {@code tables} (regular expressions and word lists): what the parser reads as it is. */
    static Set<String> wordsOf(List<String> tables) {
        Set<String> out = new java.util.HashSet<>();
        Pattern word = Pattern.compile("[a-z]{3,}");
        for (String table : tables) {
            String t = table.replaceAll("\\\\[a-z]", " ");
            // Optional parts ("fail(?:ure)?", "errors?", "trends?") give the word with and without them.
            for (String variant : List.of(t, t.replaceAll("\\(\\?:([a-z]+)\\)\\?", "$1").replaceAll("([a-z])\\?", "$1"),
                    t.replaceAll("\\(\\?:[a-z]+\\)\\?", "").replaceAll("[a-z]\\?", ""))) {
                Matcher m = word.matcher(variant);
                while (m.find()) {
                    out.add(m.group());
                }
            }
        }
        List<String> plural = new ArrayList<>();
        for (String w : out) {
            plural.add(w + "s");
        }
        out.addAll(plural);
        return out;
    }
}
