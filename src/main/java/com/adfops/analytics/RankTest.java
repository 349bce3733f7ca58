package com.adfops.analytics;

import java.util.Arrays;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum), one-sided: do the values of {@code x} tend to be larger than those of
 * {@code y}? It compares ranks, not values, so one run ten times longer than the rest weighs as much as one a little
 * longer, and it assumes no distribution of durations (they are skewed and often bimodal).
 *
 * <p>The p-value is exact (the permutation distribution of the rank sum, ties given their mean rank) while the smaller
 * sample has at most {@link #EXACT_SMALLER} values and both together at most {@link #EXACT_TOTAL}: the case of a daily
 * pipeline's five recent runs against a few weeks. Beyond that it is the normal approximation with the tie and
 * continuity corrections, accurate once both samples exceed about ten values (the usual rule of thumb).
 */
public final class RankTest {

    /** Up to this many values in the smaller sample the p-value is exact. */
    static final int EXACT_SMALLER = 10;
    /** ... and up to this many in both together. */
    static final int EXACT_TOTAL = 100;

    /**
     * @param u      the U statistic of {@code x}: pairs (x, y) with x larger, ties counting one half (0 to n1 x n2)
     * @param pValue the one-sided p-value: the chance of a U this large or larger when x and y come from one distribution
     * @param exact  whether {@code pValue} is exact (else the normal approximation)
     */
    public record Result(double u, double pValue, boolean exact) {
    }

    private RankTest() {
    }

    /** Whether {@code x} tends to be larger than {@code y}; p = 1 when either is empty. */
    public static Result greater(long[] x, long[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            return new Result(0, 1, true);
        }
        int n = n1 + n2;
        long[] values = new long[n];
        boolean[] fromX = new boolean[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < n1 ? x[i] : y[i - n1];
            fromX[i] = i < n1;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(values[a], values[b]));
        // Doubled mean ranks keep ties in whole numbers: a tie over positions i..j (1-based) has rank (i + j) / 2.
        int[] doubledRank = new int[n];
        long tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            int t = j - i + 1;
            tieTerm += (long) t * t * t - t;
            for (int k = i; k <= j; k++) {
                doubledRank[order[k]] = (i + 1) + (j + 1);
            }
            i = j + 1;
        }
        long sumX = 0;
        for (int i = 0; i < n; i++) {
            if (fromX[i]) {
                sumX += doubledRank[i];
            }
        }
        double u = sumX / 2.0 - n1 * (n1 + 1) / 2.0;
        if (Math.min(n1, n2) <= EXACT_SMALLER && n <= EXACT_TOTAL) {
            return new Result(u, exactTail(doubledRank, fromX, n1, sumX), true);
        }
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        if (variance <= 0) {
            return new Result(u, 1, false);
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return new Result(u, Math.min(1, Math.max(0, upperTail(z))), false);
    }

    /**
     * P(the doubled rank sum of a random n1-subset >= sumX), counting subsets of the smaller side (the other side's sum
     * is the total minus this one).
     */
    private static double exactTail(int[] doubledRank, boolean[] fromX, int n1, long sumX) {
        int n = doubledRank.length;
        int n2 = n - n1;
        long total = (long) n * (n + 1);
        boolean countX = n1 <= n2;
        int m = countX ? n1 : n2;
        // The smaller side's sum at or past this bound means x's sum is at least sumX.
        long bound = countX ? sumX : total - sumX;
        int maxSum = 2 * n * m;
        double[][] ways = new double[m + 1][maxSum + 1];
        ways[0][0] = 1;
        for (int r : doubledRank) {
            for (int k = m; k >= 1; k--) {
                double[] to = ways[k];
                double[] from = ways[k - 1];
                for (int s = maxSum - r; s >= 0; s--) {
                    if (from[s] != 0) {
                        to[s + r] += from[s];
                    }
                }
            }
        }
        double all = 0;
        double tail = 0;
        for (int s = 0; s <= maxSum; s++) {
            double w = ways[m][s];
            all += w;
            if (countX ? s >= bound : s <= bound) {
                tail += w;
            }
        }
        return all == 0 ? 1 : Math.min(1, tail / all);
    }

    /** P(Z >= z) for a standard normal Z. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7 everywhere). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
