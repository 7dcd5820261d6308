package io.closewatch.agent.gate;

import io.closewatch.agent.core.CloseCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges a candidate release's close mix against a baseline's. Two questions: does the mix differ at all (a
 * chi-square test of homogeneity over the codes, codes too sparse for it pooled), and, per code, is the candidate's
 * share higher (a one-sided test of two proportions, p-values adjusted by Holm over all codes tested). A code
 * regresses only when that is significant and the increase matters in practice: at least {@code minAbsoluteIncrease}
 * of all closes and at least {@code minRelativeIncrease} times the baseline's share, so that large volumes do not
 * flag trivial shifts. Codes that end sessions as intended (1000, 1001) never regress.
 *
 * @param alpha               the chance of a false alarm accepted over all codes of one comparison
 * @param minAbsoluteIncrease the smallest increase of a code's share that counts (0.005: half a percentage point)
 * @param minRelativeIncrease the smallest ratio of the candidate's share to the baseline's that counts
 * @param minCloses           the fewest closes each release needs to be judged at all
 * @param benignCodes         codes whose rise is no regression
 */
public record ReleaseGate(double alpha, double minAbsoluteIncrease, double minRelativeIncrease, long minCloses,
                          Set<String> benignCodes) {
    /** Pooled codes have fewer than this many closes expected in either release (the chi-square test's rule). */
    private static final double MIN_EXPECTED = 5;

    public static ReleaseGate defaults() {
        return new ReleaseGate(0.01, 0.005, 1.25, 100, Set.of("1000", "1001"));
    }

    public ReleaseGate {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1: " + alpha);
        }
        if (minAbsoluteIncrease < 0 || minRelativeIncrease < 1 || minCloses < 1) {
            throw new IllegalArgumentException("the practical size must be an increase, and minCloses at least 1");
        }
        benignCodes = Set.copyOf(benignCodes);
    }

    /** One code's line of the judgement. */
    public record CodeResult(String code, String name, String category, long baselineCount, double baselineShare,
                             long candidateCount, double candidateShare, double pValue, boolean regression) {
        public double change() {
            return candidateShare - baselineShare;
        }
    }

    /** What the gate decided, and on which figures. */
    public enum Verdict {
        PASS(0), REGRESSION(1), NOT_ENOUGH_DATA(3);

        private final int exitStatus;

        Verdict(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }

    /**
     * @param mixPValue the test of homogeneity's p-value (1 when fewer than two codes remain after pooling)
     * @param codes     every code either release closed with, highest candidate share first
     */
    public record Judgement(Verdict verdict, long baselineTotal, long candidateTotal, double mixPValue,
                            List<CodeResult> codes) {
        public List<String> regressions() {
            return codes.stream().filter(CodeResult::regression).map(CodeResult::code).toList();
        }
    }

    public Judgement judge(CloseMix baseline, CloseMix candidate) {
        long n1 = baseline.total();
        long n2 = candidate.total();
        if (n1 < minCloses || n2 < minCloses) {
            return new Judgement(Verdict.NOT_ENOUGH_DATA, n1, n2, 1.0, List.of());
        }
        Set<String> codes = new TreeSet<>(baseline.counts().keySet());
        codes.addAll(candidate.counts().keySet());
        List<String> tested = new ArrayList<>(codes);
        double[] pValues = new double[tested.size()];
        for (int i = 0; i < tested.size(); i++) {
            pValues[i] = higherShareP(baseline.count(tested.get(i)), n1, candidate.count(tested.get(i)), n2);
        }
        double[] adjusted = Statistics.holm(pValues);
        List<CodeResult> results = new ArrayList<>();
        boolean regressed = false;
        for (int i = 0; i < tested.size(); i++) {
            String code = tested.get(i);
            double before = baseline.share(code);
            double after = candidate.share(code);
            boolean regression = !benignCodes.contains(code) && adjusted[i] < alpha
                    && after - before >= minAbsoluteIncrease && after >= before * minRelativeIncrease;
            regressed |= regression;
            results.add(new CodeResult(code, CloseCodeNames.name(code), category(code), baseline.count(code), before,
                    candidate.count(code), after, adjusted[i], regression));
        }
        results.sort((a, b) -> Double.compare(b.candidateShare(), a.candidateShare()));
        return new Judgement(regressed ? Verdict.REGRESSION : Verdict.PASS, n1, n2, homogeneityP(baseline, candidate),
                List.copyOf(results));
    }

    /** One-sided test that the candidate's proportion is higher, with the pooled proportion under the null. */
    static double higherShareP(long x1, long n1, long x2, long n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (variance == 0) {
            return 1.0; // the code is in every close of both, or in none: nothing moved
        }
        return Statistics.normalUpperTail(((double) x2 / n2 - (double) x1 / n1) / Math.sqrt(variance));
    }

    /**
     * Pearson's chi-square test of homogeneity on the 2 x k table of releases by codes; codes with fewer than 5 closes
     * expected in either release are pooled into one column (and that column dropped if still too sparse).
     */
    static double homogeneityP(CloseMix baseline, CloseMix candidate) {
        double n1 = baseline.total();
        double n2 = candidate.total();
        double n = n1 + n2;
        Set<String> codes = new TreeSet<>(baseline.counts().keySet());
        codes.addAll(candidate.counts().keySet());
        List<long[]> columns = new ArrayList<>();
        long[] pooled = new long[2];
        for (String code : codes) {
            long[] column = {baseline.count(code), candidate.count(code)};
            double columnTotal = column[0] + column[1];
            if (columnTotal * Math.min(n1, n2) / n < MIN_EXPECTED) {
                pooled[0] += column[0];
                pooled[1] += column[1];
            } else {
                columns.add(column);
            }
        }
        if ((pooled[0] + pooled[1]) * Math.min(n1, n2) / n >= MIN_EXPECTED) {
            columns.add(pooled);
        }
        if (columns.size() < 2) {
            return 1.0;
        }
        double rowTotal1 = columns.stream().mapToLong(c -> c[0]).sum();
        double rowTotal2 = columns.stream().mapToLong(c -> c[1]).sum();
        double total = rowTotal1 + rowTotal2;
        double statistic = 0;
        for (long[] column : columns) {
            double columnTotal = column[0] + column[1];
            double expected1 = rowTotal1 * columnTotal / total;
            double expected2 = rowTotal2 * columnTotal / total;
            statistic += (column[0] - expected1) * (column[0] - expected1) / expected1
                    + (column[1] - expected2) * (column[1] - expected2) / expected2;
        }
        return Statistics.chiSquareUpperTail(statistic, columns.size() - 1);
    }

    private static String category(String code) {
        try {
            return CloseCategory.of(Integer.parseInt(code)).label();
        } catch (NumberFormatException notACode) {
            return code; // "other" or "invalid": the agent's own labels
        }
    }
}
