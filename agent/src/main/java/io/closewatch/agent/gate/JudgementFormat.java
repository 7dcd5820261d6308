package io.closewatch.agent.gate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The judgement as people read it (a table) and as pipelines read it (JSON). */
final class JudgementFormat {
    private JudgementFormat() {
    }

    /** The table of codes, then per regressed code the causes whose share rose most. */
    static String table(ReleaseGate.Judgement judgement, Map<String, List<CauseShift>> causes) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-6s %-28s %-16s %19s %19s %9s %10s  %s%n", "code", "name", "category", "baseline",
                "candidate", "change", "p", "verdict"));
        for (ReleaseGate.CodeResult row : judgement.codes()) {
            out.append(String.format(Locale.ROOT, "%-6s %-28s %-16s %7.2f%% %10d %7.2f%% %10d %+8.2f%% %10.3g  %s%n",
                    row.code(), row.name(), row.category(), 100 * row.baselineShare(), row.baselineCount(),
                    100 * row.candidateShare(), row.candidateCount(), 100 * row.change(), row.pValue(),
                    row.regression() ? "REGRESSION" : "ok"));
        }
        causes.forEach((code, risen) -> {
            for (CauseShift shift : risen) {
                out.append(String.format(Locale.ROOT, "%-6s rose with %s: %.2f%% -> %.2f%% of all closes (%+.2f%%)%n",
                        code, shift.cause(), 100 * shift.baselineShare(), 100 * shift.candidateShare(),
                        100 * shift.change()));
            }
        });
        return out.toString();
    }

    /** As {@link #table}; a regressed code's row lists its risen causes ({@code causes}), every other row none. */
    static String json(ReleaseGate.Judgement judgement, Map<String, List<CauseShift>> causes, String baseline,
                       String candidate, String verdictLine) {
        StringBuilder out = new StringBuilder("{\"verdict\":\"").append(judgement.verdict().name().toLowerCase(Locale.ROOT))
                .append("\",\"exit_status\":").append(judgement.verdict().exitStatus())
                .append(",\"message\":").append(string(verdictLine))
                .append(",\"baseline\":{\"release\":").append(string(baseline)).append(",\"closes\":")
                .append(judgement.baselineTotal()).append("},\"candidate\":{\"release\":").append(string(candidate))
                .append(",\"closes\":").append(judgement.candidateTotal()).append("},\"mix_p_value\":")
                .append(number(judgement.mixPValue())).append(",\"regressions\":[");
        for (int i = 0; i < judgement.regressions().size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(judgement.regressions().get(i)));
        }
        out.append("],\"codes\":[");
        for (int i = 0; i < judgement.codes().size(); i++) {
            ReleaseGate.CodeResult row = judgement.codes().get(i);
            out.append(i == 0 ? "" : ",").append("{\"code\":").append(string(row.code()))
                    .append(",\"name\":").append(string(row.name()))
                    .append(",\"category\":").append(string(row.category()))
                    .append(",\"baseline_count\":").append(row.baselineCount())
                    .append(",\"baseline_share\":").append(number(row.baselineShare()))
                    .append(",\"candidate_count\":").append(row.candidateCount())
                    .append(",\"candidate_share\":").append(number(row.candidateShare()))
                    .append(",\"p_value\":").append(number(row.pValue()))
                    .append(",\"regression\":").append(row.regression())
                    .append(",\"causes\":[");
            List<CauseShift> risen = causes.getOrDefault(row.code(), List.of());
            for (int j = 0; j < risen.size(); j++) {
                CauseShift shift = risen.get(j);
                out.append(j == 0 ? "" : ",").append("{\"cause\":").append(string(shift.cause()))
                        .append(",\"baseline_share\":").append(number(shift.baselineShare()))
                        .append(",\"candidate_share\":").append(number(shift.candidateShare())).append('}');
            }
            out.append("]}");
        }
        return out.append("]}").append(System.lineSeparator()).toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
