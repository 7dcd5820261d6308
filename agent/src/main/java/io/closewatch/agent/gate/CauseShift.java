package io.closewatch.agent.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one cause of a regressed code moved: its closes as a share of all of a release's closes, in the baseline and in
 * the candidate. Shares of all closes, so that they add up to the code's own shares and compare across releases of
 * different traffic.
 */
public record CauseShift(String cause, double baselineShare, double candidateShare) {
    /** Causes listed per regressed code: the ones that explain most of a rise. */
    static final int LISTED = 3;

    public double change() {
        return candidateShare - baselineShare;
    }

    /**
     * The causes of one code whose share rose, most first, at most {@value #LISTED}.
     *
     * @param baseline       the baseline's closes with the code, per cause
     * @param baselineTotal  all of the baseline's closes
     * @param candidate      the candidate's closes with the code, per cause
     * @param candidateTotal all of the candidate's closes
     */
    static List<CauseShift> risen(CloseMix baseline, long baselineTotal, CloseMix candidate, long candidateTotal) {
        Set<String> causes = new TreeSet<>(baseline.counts().keySet());
        causes.addAll(candidate.counts().keySet());
        List<CauseShift> risen = new ArrayList<>();
        for (String cause : causes) {
            CauseShift shift = new CauseShift(cause, share(baseline.count(cause), baselineTotal),
                    share(candidate.count(cause), candidateTotal));
            if (shift.change() > 0) {
                risen.add(shift);
            }
        }
        risen.sort((a, b) -> Double.compare(b.change(), a.change()));
        return List.copyOf(risen.subList(0, Math.min(LISTED, risen.size())));
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
