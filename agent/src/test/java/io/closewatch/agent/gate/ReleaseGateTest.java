package io.closewatch.agent.gate;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseGateTest {
    private final ReleaseGate gate = ReleaseGate.defaults();

    /** The same table through SciPy: chi2_contingency(correction=False) and norm.sf of the pooled z. */
    @Test
    void theTestsMatchScipyOnOneTable() {
        CloseMix baseline = new CloseMix(Map.of("1000", 900L, "1001", 60L, "1006", 30L, "1011", 10L));
        CloseMix candidate = new CloseMix(Map.of("1000", 820L, "1001", 60L, "1006", 110L, "1011", 10L));
        assertEquals(1.053829598633494e-10, ReleaseGate.homogeneityP(baseline, candidate), 1e-18);
        assertEquals(1.182485661183845e-12, ReleaseGate.higherShareP(30, 1000, 110, 1000), 1e-20);
        assertEquals(0.9999998734499772, ReleaseGate.higherShareP(900, 1000, 820, 1000), 1e-12);
        assertEquals(0.5, ReleaseGate.higherShareP(10, 1000, 10, 1000), 1e-12);
    }

    @Test
    void abnormalClosuresFromThreeToElevenPercentFailTheGateNamingTheCode() {
        ReleaseGate.Judgement judgement = gate.judge(mix(2000, 0.95, 0.03, 0.01, 0.01),
                mix(2000, 0.87, 0.11, 0.01, 0.01));
        assertEquals(ReleaseGate.Verdict.REGRESSION, judgement.verdict());
        assertEquals(java.util.List.of("1006"), judgement.regressions());
        assertTrue(judgement.mixPValue() < 1e-10, "the mix differs: " + judgement.mixPValue());
    }

    @Test
    void internalErrorsFromOneToThreePercentFailTheGate() {
        ReleaseGate.Judgement judgement = gate.judge(mix(5000, 0.95, 0.03, 0.01, 0.01),
                mix(5000, 0.93, 0.03, 0.03, 0.01));
        assertEquals(java.util.List.of("1011"), judgement.regressions());
    }

    /** Shares of all closes: 1011 rose from 1 % to 3 %, all of it one new exception class. */
    @Test
    void theCausesOfARegressedCodeAreThoseWhoseShareRoseMostAndAtMostThree() {
        CloseMix before = new CloseMix(Map.of("none", 30L, "java.io.IOException", 20L));
        CloseMix after = new CloseMix(Map.of("none", 30L, "java.io.IOException", 10L, "a.JsonParseException", 90L,
                "a.Timeout", 5L, "a.Npe", 7L, "a.Oom", 6L));
        java.util.List<CauseShift> risen = CauseShift.risen(before, 5000, after, 5000);
        assertEquals(java.util.List.of("a.JsonParseException", "a.Npe", "a.Oom"),
                risen.stream().map(CauseShift::cause).toList());
        assertEquals(0.018, risen.get(0).candidateShare(), 1e-12);
        assertEquals(0.0, risen.get(0).baselineShare());
        assertEquals(java.util.List.of(), CauseShift.risen(before, 5000, before, 5000), "nothing rose");
    }

    @Test
    void theTextAndTheJsonNameTheRisenCausesOfARegressedCodeOnly() {
        ReleaseGate.Judgement judgement = gate.judge(mix(5000, 0.95, 0.03, 0.01, 0.01),
                mix(5000, 0.93, 0.03, 0.03, 0.01));
        Map<String, java.util.List<CauseShift>> causes = Map.of("1011",
                java.util.List.of(new CauseShift("a.JsonParseException", 0.0, 0.02)));
        String table = JudgementFormat.table(judgement, causes);
        assertTrue(table.contains("1011   rose with a.JsonParseException: 0.00% -> 2.00% of all closes (+2.00%)"),
                table);
        String json = JudgementFormat.json(judgement, causes, "1.0", "1.1", "REGRESSION");
        assertTrue(json.contains("\"regression\":true,\"causes\":[{\"cause\":\"a.JsonParseException\","
                + "\"baseline_share\":0.00000,\"candidate_share\":0.0200000}]"), json);
        assertTrue(json.contains("\"regression\":false,\"causes\":[]"), json);
    }

    @Test
    void aTrivialShiftAtAHugeVolumeIsSignificantButNoRegression() {
        ReleaseGate.Judgement judgement = gate.judge(mix(1_000_000, 0.95, 0.030, 0.01, 0.01),
                mix(1_000_000, 0.947, 0.033, 0.01, 0.01));
        assertTrue(judgement.codes().stream().filter(c -> c.code().equals("1006")).findFirst().orElseThrow()
                .pValue() < 1e-6, "significant");
        assertEquals(ReleaseGate.Verdict.PASS, judgement.verdict());
    }

    @Test
    void moreNormalClosesAreNoRegression() {
        assertEquals(ReleaseGate.Verdict.PASS, gate.judge(mix(2000, 0.80, 0.10, 0.05, 0.05),
                mix(2000, 0.95, 0.03, 0.01, 0.01)).verdict());
    }

    @Test
    void tooFewClosesOrNoneAreNotEnoughData() {
        assertEquals(ReleaseGate.Verdict.NOT_ENOUGH_DATA, gate.judge(mix(2000, 0.95, 0.03, 0.01, 0.01),
                new CloseMix(Map.of("1000", 7L, "1006", 1L))).verdict());
        ReleaseGate.Judgement none = gate.judge(new CloseMix(Map.of()), mix(2000, 0.95, 0.03, 0.01, 0.01));
        assertEquals(ReleaseGate.Verdict.NOT_ENOUGH_DATA, none.verdict());
        assertEquals(3, none.verdict().exitStatus());
    }

    /**
     * Pairs of releases drawn from one mix (2,000 closes each, 1 % of them 1011) must rarely fail. Measured over 2,000
     * pairs with this seed: 14 false alarms, 0.7 %, under the 1 % that Holm's correction at alpha 0.01 aims at (the
     * normal approximation is a little generous with codes this rare; the practical size takes some back).
     */
    @Test
    void releasesFromTheSameMixRarelyFail() {
        Random random = new Random(6455);
        double[] shares = {0.95, 0.03, 0.01, 0.01};
        int alarms = 0;
        int pairs = 2000;
        for (int i = 0; i < pairs; i++) {
            if (gate.judge(sample(random, 2000, shares), sample(random, 2000, shares)).verdict()
                    == ReleaseGate.Verdict.REGRESSION) {
                alarms++;
            }
        }
        assertTrue(alarms <= pairs / 100, alarms + " false alarms in " + pairs + " pairs");
    }

    /** {@code total} closes split as 1000, 1006, 1011 and 4001 in the given shares. */
    private static CloseMix mix(long total, double normal, double abnormal, double internalError, double application) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("1000", Math.round(total * normal));
        counts.put("1006", Math.round(total * abnormal));
        counts.put("1011", Math.round(total * internalError));
        counts.put("4001", Math.round(total * application));
        return new CloseMix(counts);
    }

    private static CloseMix sample(Random random, int total, double[] shares) {
        String[] codes = {"1000", "1006", "1011", "4001"};
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < shares.length - 1 && u >= shares[k]) {
                u -= shares[k];
                k++;
            }
            counts.merge(codes[k], 1L, Long::sum);
        }
        return new CloseMix(counts);
    }
}
