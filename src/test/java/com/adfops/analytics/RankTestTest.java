package com.adfops.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The Mann-Whitney U test against p-values computed by hand. */
class RankTestTest {

    @Test
    void exactWithoutTies() {
        // x = {4, 5} above all of y = {1, 2, 3}: U = 2 x 3 = 6; of the C(5, 2) = 10 equally likely rank pairs, one
        // (4 and 5) is that high: p = 0.1.
        RankTest.Result r = RankTest.greater(new long[] {4, 5}, new long[] {1, 2, 3});
        assertThat(r.u()).isEqualTo(6.0);
        assertThat(r.exact()).isTrue();
        assertThat(r.pValue()).isCloseTo(0.1, offset(1e-12));
        // The other way round: every arrangement is at least as high as the lowest: p = 1.
        assertThat(RankTest.greater(new long[] {1, 2, 3}, new long[] {4, 5}).pValue()).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void exactWithTies() {
        // x = {2, 3}, y = {1, 2}: mean ranks 1, 2.5, 2.5, 4; x's rank sum 6.5, U = 6.5 - 3 = 3.5. The six pairs of
        // ranks sum to 3.5, 3.5, 5, 5, 6.5, 6.5: two reach 6.5, p = 1/3.
        RankTest.Result r = RankTest.greater(new long[] {2, 3}, new long[] {1, 2});
        assertThat(r.u()).isEqualTo(3.5);
        assertThat(r.pValue()).isCloseTo(1.0 / 3, offset(1e-12));
        // All tied: no evidence either way.
        assertThat(RankTest.greater(new long[] {5, 5, 5}, new long[] {5, 5, 5}).pValue()).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void normalApproximationForLargerSamples() {
        // x = 2, 4, ..., 40 and y = 1, 3, ..., 39 (20 each, more than 10 in the smaller: approximated). The x of 2i is
        // above i values of y: U = 1 + 2 + ... + 20 = 210. Mean 200, variance 20 x 20 x 41 / 12 = 1366.67; with the
        // continuity correction z = 9.5 / 36.968 = 0.2570, and P(Z >= 0.2570) = 0.3986.
        long[] x = new long[20];
        long[] y = new long[20];
        for (int i = 1; i <= 20; i++) {
            x[i - 1] = 2L * i;
            y[i - 1] = 2L * i - 1;
        }
        RankTest.Result r = RankTest.greater(x, y);
        assertThat(r.u()).isEqualTo(210.0);
        assertThat(r.exact()).isFalse();
        assertThat(r.pValue()).isCloseTo(0.3986, offset(5e-5));
        // Far apart: x all above y; z = (400 - 200 - 0.5) / 36.968 = 5.40, p about 3.4e-8.
        for (int i = 0; i < 20; i++) {
            x[i] = 100 + i;
        }
        assertThat(RankTest.greater(x, y).pValue()).isCloseTo(3.4e-8, offset(0.2e-8));
    }

    @Test
    void theExactTailAgreesWithTheApproximationWhereBothApply() {
        // Ten values against ninety, interleaved: the exact tail (m = 10 <= 10, n = 100) and the normal approximation
        // computed by hand from U agree to within a couple of hundredths.
        long[] x = new long[10];
        long[] y = new long[90];
        for (int i = 0; i < 10; i++) {
            x[i] = 10L * i + 7;
        }
        for (int i = 0, k = 0; k < 90; i++) {
            if (i % 10 != 7) {
                y[k++] = i;
            }
        }
        RankTest.Result exact = RankTest.greater(x, y);
        assertThat(exact.exact()).isTrue();
        double mean = 10 * 90 / 2.0;
        double sd = Math.sqrt(10 * 90 * 101 / 12.0);
        double approx = RankTest.upperTail((exact.u() - mean - 0.5) / sd);
        assertThat(exact.pValue()).isCloseTo(approx, offset(0.02));
    }
}
