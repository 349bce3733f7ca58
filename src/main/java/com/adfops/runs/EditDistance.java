package com.adfops.runs;

/**
 * How far apart two normalized names are, for {@link NameMatcher}: the edit distance (adjacent swaps count as one
 * edit), computed only as far as it matters, with or without a name's prefix, and the longest common substring.
 */
final class EditDistance {

    private EditDistance() {
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

    /** The distance to {@code nn} without a prefix people leave out ("pl", "pipeline"): the smallest, as {@link #distance}. */
    static int distanceWithoutPrefix(String q, String nn, int max) {
        int best = Integer.MAX_VALUE;
        for (String p : new String[] {"pl", "pipeline", "pipe", "p"}) {
            if (nn.startsWith(p) && nn.length() > p.length()) {
                best = Math.min(best, distance(q, nn.substring(p.length()), max));
            }
        }
        return best;
    }

    /** The length of the longest string both {@code a} and {@code b} contain. */
    static int longestCommonSubstring(String a, String b) {
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
