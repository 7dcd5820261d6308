package io.closewatch.agent.gate;

/**
 * The few distributions the release gate needs, in plain Java: the standard normal's upper tail (for the per-code
 * test of two proportions) and the chi-square's (for the test of homogeneity), and Holm's correction for testing
 * many codes at once.
 */
public final class Statistics {
    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPSILON = 1e-15;

    private Statistics() {
    }

    /** P(Z &gt; z) for a standard normal Z. */
    public static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** P(X &gt; x) for X chi-square distributed with {@code degreesOfFreedom}. */
    public static double chiSquareUpperTail(double x, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1: " + degreesOfFreedom);
        }
        return x <= 0 ? 1.0 : upperRegularizedGamma(degreesOfFreedom / 2.0, x / 2.0);
    }

    /**
     * Holm's step-down adjustment: each p-value multiplied by the number of hypotheses not yet rejected before it,
     * kept monotone and at most 1. Controls the chance of any false alarm over all codes at the level chosen.
     */
    public static double[] holm(double[] pValues) {
        int n = pValues.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] adjusted = new double[n];
        double running = 0;
        for (int rank = 0; rank < n; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (n - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** The complementary error function, from the regularized gamma function: erfc(x) = Q(1/2, x^2) for x &ge; 0. */
    static double erfc(double x) {
        return x >= 0 ? upperRegularizedGamma(0.5, x * x) : 2.0 - upperRegularizedGamma(0.5, x * x);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, Lentz's continued fraction above (Numerical Recipes 6.2). */
    static double upperRegularizedGamma(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x < a + 1) {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
                term *= x / (a + n);
                sum += term;
            }
            return 1.0 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
