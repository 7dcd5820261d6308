#!/usr/bin/env bash
# Start-up, close-heavy load and memory: the same hosts without an agent, with Closewatch, and with the OpenTelemetry
# Java agent (metrics to a Prometheus endpoint, no traces or logs exported: what a team would add instead), run in
# turn, printing medians and ratios to the run without an agent. Not part of the test suite. About ten minutes on
# 2 cores.
#   bash benchmarks/compare.sh     (RUNS=10 start-ups, LOAD_RUNS=3 load runs of LOAD_SESSIONS=30000, OTEL_VERSION)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
LOAD_RUNS=${LOAD_RUNS:-3}
LOAD_SESSIONS=${LOAD_SESSIONS:-30000}
OTEL_VERSION=${OTEL_VERSION:-2.33.1}

mvn -B -q package -DskipTests -pl agent,containers/hosts,containers/runtimes/tomcat11,demo-server,containers/apps/boot35actuator -am
OTEL_JAR=benchmarks/target/opentelemetry-javaagent-$OTEL_VERSION.jar
if [[ ! -f $OTEL_JAR ]]; then
  mvn -B -q dependency:copy -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION" \
    -DoutputDirectory=benchmarks/target
fi
CP="containers/hosts/target/closewatch-container-hosts.jar:$(cat containers/runtimes/tomcat11/target/runtime.classpath)"
MODES=(plain closewatch otel)

# The options each mode adds before the main class: nothing, Closewatch on any free port, or the OpenTelemetry agent
# with its Prometheus exporter on any free port (both serve metrics; neither exports anything else).
options() {
  case $1 in
    plain) ;;
    closewatch) echo "-javaagent:agent/target/closewatch-agent.jar=port=0" ;;
    otel) echo "-javaagent:$OTEL_JAR -Dotel.metrics.exporter=prometheus -Dotel.exporter.prometheus.port=0" \
      "-Dotel.traces.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=compare" ;;
  esac
}

millis() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# $1: the mode; the rest: the java command after the agent's options
timed() {
  local mode=$1; shift
  local start; start=$(millis)
  # shellcheck disable=SC2046 # the options are words
  java $(options "$mode") "$@" < /dev/null > /dev/null 2>&1
  echo $(( $(millis) - start ))
}

compare_startup() {
  local name=$1; shift
  declare -A times=()
  for _ in $(seq "$RUNS"); do
    for mode in "${MODES[@]}"; do
      times[$mode]+="$(timed "$mode" "$@") "
    done
  done
  declare -A medians=()
  for mode in "${MODES[@]}"; do
    medians[$mode]=$(printf '%s\n' ${times[$mode]} | median)
  done
  printf '%-44s without %6s ms   Closewatch %6s ms (x%s)   OpenTelemetry %6s ms (x%s)   median of %s, in turn\n' \
    "$name" "${medians[plain]}" "${medians[closewatch]}" "$(ratio "${medians[closewatch]}" "${medians[plain]}")" \
    "${medians[otel]}" "$(ratio "${medians[otel]}" "${medians[plain]}")" "$RUNS"
}

echo "Java: $(java -version 2>&1 | head -1); $(nproc) cores; OpenTelemetry Java agent $OTEL_VERSION"
compare_startup "start-up: Tomcat 11, 5 sessions, stop" -cp "$CP" io.closewatch.containers.host.StartupHost
compare_startup "start-up: demo server, 1 s of traffic, stop" -jar demo-server/target/demo-server.jar \
  --host=127.0.0.1 --port=0 --users=4 --duration=1
# A Spring Boot 3.5 fat jar (Tomcat, WebSocket, Actuator): it stops once it serves, as its standard input is empty.
compare_startup "start-up: Spring Boot 3.5 app, serving, stop" -jar containers/apps/boot35actuator/target/app.jar \
  --server.port=0 --server.address=127.0.0.1

# Close-heavy load: sessions per second and resident memory at the end, in turn. The heap is fixed and touched up
# front in every run, so that the difference in resident memory is the agent's own (its classes, compiled code,
# threads), not the collector sizing a heap differently; Closewatch's share of the heap is what soak.sh measures.
load() {
  # shellcheck disable=SC2046
  java $(options "$1") -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$CP" io.closewatch.containers.host.SoakHost \
    "$LOAD_SESSIONS" 64 "$LOAD_SESSIONS" 2> /dev/null \
    | awk '/^throughput:/ {t=$2} /^resident memory:/ {r=$3} END {print t, r}'
}
declare -A rates=() rss=()
for _ in $(seq "$LOAD_RUNS"); do
  for mode in "${MODES[@]}"; do
    read -r rate memory < <(load "$mode")
    rates[$mode]+="$rate "
    rss[$mode]+="$memory "
  done
done
declare -A rate_median=() rss_median=()
for mode in "${MODES[@]}"; do
  rate_median[$mode]=$(printf '%s\n' ${rates[$mode]} | median)
  rss_median[$mode]=$(printf '%s\n' ${rss[$mode]} | median)
done
printf '%-44s without %6s /s   Closewatch %6s /s (x%s)   OpenTelemetry %6s /s (x%s)   median of %s runs of %s\n' \
  "load: sessions per second" "${rate_median[plain]}" \
  "${rate_median[closewatch]}" "$(ratio "${rate_median[closewatch]}" "${rate_median[plain]}")" \
  "${rate_median[otel]}" "$(ratio "${rate_median[otel]}" "${rate_median[plain]}")" "$LOAD_RUNS" "$LOAD_SESSIONS"
extra() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a - b}'; }
printf '%-44s without %6s MiB  Closewatch +%s MiB   OpenTelemetry +%s MiB\n' "load: resident memory at the end" \
  "${rss_median[plain]}" "$(extra "${rss_median[closewatch]}" "${rss_median[plain]}")" \
  "$(extra "${rss_median[otel]}" "${rss_median[plain]}")"
