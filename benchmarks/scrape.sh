#!/usr/bin/env bash
# Scrape latency from outside the JVM, as Prometheus sees it: the agent's endpoint with 1,000 close-counter label
# sets (ScrapeLatency serve) in its own JVM, scraped on loopback by curl (SCRAPES times after a warm-up) and, when
# Prometheus is installed, by Prometheus every 250 ms for a minute (its own scrape_duration_seconds, which includes
# parsing the body). Prints p50 and p99. Not part of the test suite; takes about two minutes on 2 cores.
#   bash benchmarks/scrape.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCRAPES=${SCRAPES:-1000}
PORT=${PORT:-19469}
mvn -B -q package -DskipTests -pl benchmarks -am

java -cp benchmarks/target/benchmarks.jar io.closewatch.benchmarks.ScrapeLatency serve "$PORT" 150 > /dev/null &
server=$!
work=$(mktemp -d)
trap 'kill "$server" 2> /dev/null || true; rm -rf "$work"' EXIT
url="http://127.0.0.1:$PORT/metrics"
for _ in $(seq 50); do curl -sf -o /dev/null "$url" && break; sleep 0.2; done

percentiles() { sort -n | awk '{a[NR]=$1} END {printf "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d scrapes)\n",
  a[int((NR+1)/2)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000, NR}'; }

for _ in $(seq $((SCRAPES / 4))); do curl -sf -o /dev/null "$url"; done
printf 'curl, %s bytes: ' "$(curl -sf "$url" | wc -c)"
for _ in $(seq "$SCRAPES"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | percentiles

if command -v prometheus > /dev/null; then
  cat > "$work/prometheus.yml" <<YAML
global: {scrape_interval: 250ms, scrape_timeout: 250ms}
scrape_configs:
  - job_name: closewatch
    static_configs: [{targets: ['127.0.0.1:$PORT']}]
YAML
  timeout 75 prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address=127.0.0.1:19090 > "$work/prometheus.log" 2>&1 &
  sleep 70
  query() {
    curl -sf http://127.0.0.1:19090/api/v1/query --data-urlencode "query=$1" \
      | sed -E 's/.*"value":\[[0-9.]+,"([0-9.e+-]+)"\].*/\1/'
  }
  printf 'Prometheus scrape_duration_seconds over a minute: p50 %.2f ms, p99 %.2f ms (%s scrapes)\n' \
    "$(query 'quantile_over_time(0.5, scrape_duration_seconds[65s]) * 1000')" \
    "$(query 'quantile_over_time(0.99, scrape_duration_seconds[65s]) * 1000')" \
    "$(query 'count_over_time(scrape_duration_seconds[65s])')"
fi
