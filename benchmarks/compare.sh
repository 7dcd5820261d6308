#!/usr/bin/env bash
# Start-up, close-heavy load and memory: the same hosts with and without the agent, run in turn, printing medians
# and ratios. Not part of the test suite. Takes about five minutes on 2 cores.
#   bash benchmarks/compare.sh            (RUNS=10 start-ups and LOAD_RUNS=3 load runs of LOAD_SESSIONS=30000)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
LOAD_RUNS=${LOAD_RUNS:-3}
LOAD_SESSIONS=${LOAD_SESSIONS:-30000}

mvn -B -q package -DskipTests -pl agent,containers/hosts,containers/runtimes/tomcat11,demo-server -am
CP="containers/hosts/target/closewatch-container-hosts.jar:$(cat containers/runtimes/tomcat11/target/runtime.classpath)"
AGENT="-javaagent:agent/target/closewatch-agent.jar=port=0"

millis() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }

# $1: "agent" or "plain"; the rest: the java command after the agent option
timed() {
  local mode=$1; shift
  local options=()
  [[ $mode == agent ]] && options=("$AGENT")
  local start; start=$(millis)
  java "${options[@]}" "$@" > /dev/null 2>&1
  echo $(( $(millis) - start ))
}

compare_startup() {
  local name=$1; shift
  local plain=() agent=()
  for _ in $(seq "$RUNS"); do
    plain+=("$(timed plain "$@")")
    agent+=("$(timed agent "$@")")
  done
  local p a
  p=$(printf '%s\n' "${plain[@]}" | median)
  a=$(printf '%s\n' "${agent[@]}" | median)
  printf '%-42s without %6s ms   with %6s ms   ratio %s   (median of %s, in turn)\n' \
    "$name" "$p" "$a" "$(ratio "$a" "$p")" "$RUNS"
}

echo "Java: $(java -version 2>&1 | head -1); $(nproc) cores"
compare_startup "start-up: Tomcat 11, 5 sessions, stop" -cp "$CP" io.closewatch.containers.host.StartupHost
compare_startup "start-up: demo server, 1 s of traffic, stop" -jar demo-server/target/demo-server.jar \
  --host=127.0.0.1 --port=0 --users=4 --duration=1

# Close-heavy load: sessions per second and resident memory at the end, with and without the agent, in turn. The
# heap is fixed and touched up front in both runs, so that the difference in resident memory is the agent's own (its
# classes, compiled code, threads), not the collector sizing a heap differently; the agent's share of the heap is
# what soak.sh measures.
load() {
  local options=()
  [[ $1 == agent ]] && options=("$AGENT")
  java "${options[@]}" -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$CP" io.closewatch.containers.host.SoakHost \
    "$LOAD_SESSIONS" 64 "$LOAD_SESSIONS" 2> /dev/null \
    | awk '/^throughput:/ {t=$2} /^resident memory:/ {r=$3} END {print t, r}'
}
plain_rate=() agent_rate=() plain_rss=() agent_rss=()
for _ in $(seq "$LOAD_RUNS"); do
  read -r rate rss < <(load plain); plain_rate+=("$rate"); plain_rss+=("$rss")
  read -r rate rss < <(load agent); agent_rate+=("$rate"); agent_rss+=("$rss")
done
pr=$(printf '%s\n' "${plain_rate[@]}" | median); ar=$(printf '%s\n' "${agent_rate[@]}" | median)
pm=$(printf '%s\n' "${plain_rss[@]}" | median); am=$(printf '%s\n' "${agent_rss[@]}" | median)
printf '%-42s without %6s /s   with %6s /s   ratio %s   (median of %s runs of %s sessions)\n' \
  "load: sessions per second" "$pr" "$ar" "$(ratio "$ar" "$pr")" "$LOAD_RUNS" "$LOAD_SESSIONS"
printf '%-42s without %6s MiB  with %6s MiB  extra %s MiB\n' "load: resident memory at the end" "$pm" "$am" \
  "$(awk -v a="$am" -v b="$pm" 'BEGIN {printf "%.1f", a - b}')"
