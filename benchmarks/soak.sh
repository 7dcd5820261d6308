#!/usr/bin/env bash
# Soak: a million closes through a host with the agent (500,000 sessions on embedded Tomcat 11 and the JDK client,
# each counted on both sides), printing the heap in use after a full GC every 50,000 sessions. Flat memory is the
# pass mark. Not part of the test suite; takes a few minutes on 2 cores.
#   bash benchmarks/soak.sh [sessions] [in flight] [report every]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests -pl agent,containers/hosts,containers/runtimes/tomcat11 -am
java -Xmx256m -javaagent:agent/target/closewatch-agent.jar=port=0 \
  -Dorg.apache.juli.logging.UserDataHelper.CONFIG=NONE \
  -cp "containers/hosts/target/closewatch-container-hosts.jar:$(cat containers/runtimes/tomcat11/target/runtime.classpath)" \
  io.closewatch.containers.host.SoakHost "${1:-500000}" "${2:-64}" "${3:-50000}" 2> >(grep -v "^\s*at \|SEVERE\|^[A-Z][a-z][a-z] [0-9]" >&2)
