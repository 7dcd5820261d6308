package io.closewatch.agent.gate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against SciPy 1.10 (Debian 12's python3-scipy): the figures written here are what it printed. */
class StatisticsTest {
    @ParameterizedTest(name = "chi2.sf({0}, {1}) = {2}")
    @CsvSource({"10, 3, 0.01856613546304325", "3.841458820694124, 1, 0.04999999999999989",
        "25.5, 7, 0.0006184594932633914", "0.5, 2, 0.7788007830714049", "120, 40, 6.35191834037896e-10"})
    void chiSquareUpperTailMatchesScipy(double x, int degreesOfFreedom, double expected) {
        assertEquals(expected, Statistics.chiSquareUpperTail(x, degreesOfFreedom), expected * 1e-9);
    }

    @ParameterizedTest(name = "norm.sf({0}) = {1}")
    @CsvSource({"1.96, 0.024997895148220435", "3.0, 0.0013498980316300933", "-1.0, 0.8413447460685429",
        "5.5, 1.898956246588768e-08", "0, 0.5"})
    void normalUpperTailMatchesScipy(double z, double expected) {
        assertEquals(expected, Statistics.normalUpperTail(z), expected * 1e-9);
    }

    @Test
    void holmMultipliesByTheHypothesesLeftAndStaysMonotone() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                Statistics.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, Statistics.holm(new double[] {0.6, 0.9}), 1e-12);
    }
}
