package io.closewatch.agent.gate;

import io.closewatch.agent.config.NameValuePairs;
import io.closewatch.agent.core.CloseCauses;

import java.io.PrintStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code java -jar closewatch-agent.jar compare ...}: the release gate as a pipeline step. Reads both releases' close
 * mix from Prometheus, judges it ({@link ReleaseGate}), prints a table or JSON and one verdict line, and exits 0 (no
 * regression), 1 (regression), 2 (usage or Prometheus error, one line) or 3 (not enough data).
 */
public final class CompareCommand {
    static final String USAGE = "usage: java -jar closewatch-agent.jar compare --prometheus URL --application APP "
            + "--baseline R1 --candidate R2 [--window 30m] [--end TIME] [--side server|client] [--endpoint E] "
            + "[--format text|json] [--alpha 0.01] [--min-increase 0.005] [--min-ratio 1.25] [--min-closes 100]";
    /** Credentials for Prometheus, {@code user:password}: from the environment, never the command line. */
    static final String AUTH_VARIABLE = "CLOSEWATCH_PROMETHEUS_AUTH";
    /**
     * Headers for every request, as {@code otlp.headers} writes them: a bearer token, a tenant
     * ({@code X-Scope-OrgID}) for the stores fleets use (VictoriaMetrics behind vmauth, Mimir, Cortex, Thanos).
     */
    static final String HEADERS_VARIABLE = "CLOSEWATCH_PROMETHEUS_HEADERS";
    /** How many releases or applications a verdict names when a release has no closes. */
    private static final int LISTED = 20;
    static final int USAGE_OR_PROMETHEUS_ERROR = 2;

    private static final Set<String> OPTIONS = Set.of("prometheus", "application", "baseline", "candidate", "window",
            "end", "side", "endpoint", "format", "alpha", "min-increase", "min-ratio", "min-closes");

    private CompareCommand() {
    }

    /** The exit status; everything the user reads goes to {@code out} (results) and {@code err} (problems). */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        Map<String, String> options;
        ReleaseGate gate;
        String query1;
        String query2;
        String window;
        String time;
        boolean json;
        URI prometheus;
        Map<String, String> headers;
        try {
            headers = environment.get(HEADERS_VARIABLE) == null ? Map.of()
                    : NameValuePairs.parse(environment.get(HEADERS_VARIABLE));
        } catch (NameValuePairs.MalformedException e) {
            err.println("closewatch compare: " + HEADERS_VARIABLE + " has a " + e.getMessage());
            return USAGE_OR_PROMETHEUS_ERROR;
        }
        try {
            options = options(args);
            prometheus = URI.create(required(options, "prometheus"));
            if (prometheus.getScheme() == null || !prometheus.getScheme().matches("https?")) {
                throw new IllegalArgumentException("--prometheus must be an http(s) URL: " + prometheus);
            }
            window = options.getOrDefault("window", "30m");
            if (!window.matches("[1-9][0-9]*[smhdw]")) {
                throw new IllegalArgumentException("--window must be a Prometheus duration such as 30m: " + window);
            }
            time = time(options.get("end"));
            String side = options.get("side");
            if (side != null && !side.equals("server") && !side.equals("client")) {
                throw new IllegalArgumentException("--side must be server or client: " + side);
            }
            String format = options.getOrDefault("format", "text");
            if (!format.equals("text") && !format.equals("json")) {
                throw new IllegalArgumentException("--format must be text or json: " + format);
            }
            json = format.equals("json");
            ReleaseGate defaults = ReleaseGate.defaults();
            gate = new ReleaseGate(number(options, "alpha", defaults.alpha(), Double::parseDouble),
                    number(options, "min-increase", defaults.minAbsoluteIncrease(), Double::parseDouble),
                    number(options, "min-ratio", defaults.minRelativeIncrease(), Double::parseDouble),
                    number(options, "min-closes", defaults.minCloses(), Long::parseLong), defaults.benignCodes());
            String application = required(options, "application");
            query1 = PrometheusCloses.query(application, required(options, "baseline"), window, side,
                    options.get("endpoint"));
            query2 = PrometheusCloses.query(application, required(options, "candidate"), window, side,
                    options.get("endpoint"));
        } catch (IllegalArgumentException e) {
            err.println("closewatch compare: " + e.getMessage());
            err.println(USAGE);
            return USAGE_OR_PROMETHEUS_ERROR;
        }
        ReleaseGate.Judgement judgement;
        Map<String, List<CauseShift>> causes;
        String verdict;
        try {
            PrometheusCloses source = new PrometheusCloses(prometheus, environment.get(AUTH_VARIABLE), headers);
            judgement = gate.judge(source.closes(query1, time), source.closes(query2, time));
            causes = causesRisen(judgement, options, window, time, source);
            verdict = verdictLine(judgement, causes, options, gate) + whatPrometheusHas(judgement, options, source);
        } catch (PrometheusCloses.QueryException e) {
            err.println("closewatch compare: " + e.getMessage());
            return USAGE_OR_PROMETHEUS_ERROR;
        }
        out.print(json ? JudgementFormat.json(judgement, causes, options.get("baseline"), options.get("candidate"),
                verdict) : JudgementFormat.table(judgement, causes) + verdict + System.lineSeparator());
        return judgement.verdict().exitStatus();
    }

    /**
     * Per regressed code, the causes whose share rose most ({@code websocket_close_causes_total}); none for closes
     * counted by an agent that does not report causes.
     */
    private static Map<String, List<CauseShift>> causesRisen(ReleaseGate.Judgement judgement,
                                                             Map<String, String> options, String window, String time,
                                                             PrometheusCloses source)
            throws PrometheusCloses.QueryException {
        Map<String, List<CauseShift>> causes = new LinkedHashMap<>();
        for (String code : judgement.regressions()) {
            CloseMix[] byCause = new CloseMix[2];
            String[] releases = {options.get("baseline"), options.get("candidate")};
            for (int i = 0; i < 2; i++) {
                byCause[i] = source.counts(PrometheusCloses.causesQuery(options.get("application"), releases[i],
                        window, options.get("side"), options.get("endpoint"), code), time, "cause");
            }
            causes.put(code, CauseShift.risen(byCause[0], judgement.baselineTotal(), byCause[1],
                    judgement.candidateTotal()));
        }
        return causes;
    }

    private static String verdictLine(ReleaseGate.Judgement judgement, Map<String, List<CauseShift>> causes,
                                      Map<String, String> options, ReleaseGate gate) {
        String releases = options.get("candidate") + " against " + options.get("baseline");
        switch (judgement.verdict()) {
            case NOT_ENOUGH_DATA:
                return String.format(Locale.ROOT, "NOT ENOUGH DATA: %s: %d and %d closes in the window, %d needed each",
                        releases, judgement.candidateTotal(), judgement.baselineTotal(), gate.minCloses());
            case REGRESSION:
                List<String> codes = new ArrayList<>();
                for (String code : judgement.regressions()) {
                    // The cause that rose most of those the stacks reported: "none" is no reason.
                    String cause = causes.getOrDefault(code, List.of()).stream().map(CauseShift::cause)
                            .filter(name -> !name.equals(CloseCauses.NONE)).findFirst().orElse(null);
                    codes.add(cause == null ? code : code + " (mostly " + cause + ")");
                }
                return String.format(Locale.ROOT, "REGRESSION: %s: more closes with %s (mix p=%.3g)", releases,
                        String.join(", ", codes), judgement.mixPValue());
            default:
                return String.format(Locale.ROOT, "PASS: %s: no code's share is significantly and materially higher "
                        + "(mix p=%.3g, %d and %d closes)", releases, judgement.mixPValue(),
                        judgement.candidateTotal(), judgement.baselineTotal());
        }
    }

    /**
     * For a release with no closes in the window, what Prometheus has instead (a misspelt name, a release not deployed
     * yet): the application's releases, or, for an application it has no closes of at all, the applications.
     */
    private static String whatPrometheusHas(ReleaseGate.Judgement judgement, Map<String, String> options,
                                            PrometheusCloses source) throws PrometheusCloses.QueryException {
        List<String> empty = new ArrayList<>();
        if (judgement.baselineTotal() == 0) {
            empty.add(options.get("baseline"));
        }
        if (judgement.candidateTotal() == 0) {
            empty.add(options.get("candidate"));
        }
        if (empty.isEmpty()) {
            return "";
        }
        String application = options.get("application");
        List<String> releases = source.closesLabelValues("release", application);
        if (releases.isEmpty()) {
            return String.format(Locale.ROOT, "; Prometheus has no closes of application %s; its applications: %s",
                    application, listed(source.closesLabelValues("application", null)));
        }
        return String.format(Locale.ROOT, "; no closes of %s %s in the window; the releases of %s: %s",
                empty.size() == 1 ? "release" : "releases", String.join(" or ", empty), application, listed(releases));
    }

    /** The first {@value #LISTED} names, and how many there are when there are more: one line, even for a fleet. */
    static String listed(List<String> names) {
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + ", ... (" + names.size() + " in all)";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !OPTIONS.contains(arg.substring(2))) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            if (options.put(arg.substring(2), args[++i]) != null) {
                throw new IllegalArgumentException(arg + " given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Unix seconds or RFC 3339, as Prometheus takes them; now when not given. */
    private static String time(String end) {
        if (end == null) {
            return String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0);
        }
        try {
            if (Double.parseDouble(end) >= 0) {
                return end;
            }
        } catch (NumberFormatException notSeconds) {
            try {
                OffsetDateTime.parse(end);
                return end;
            } catch (DateTimeParseException notRfc3339) {
                // reported below
            }
        }
        throw new IllegalArgumentException("--end must be unix seconds or RFC 3339: " + end);
    }

    private static <T extends Number> T number(Map<String, String> options, String name, T fallback,
                                               Function<String, T> parse) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + value);
        }
    }
}
