#!/usr/bin/env bash
# Bytes per indexed run, backfill time and a question from memory (loopback only).
# Usage: bench/index-memory.sh [RUNS]            (through the simulator and the SDK, with the activity cache and ledger)
#        bench/index-memory.sh --scale RUNS [PAGE_MS] [HEAP] [BUDGET]
#          generated runs, no simulator (10k to 1M runs), every page through the read budget:
#          PAGE_MS  each ADF page's latency (default 300)
#          HEAP     the JVM's -Xmx (default 3g)
#          BUDGET   the read budget as ADFOPS_ADF_READBUDGET reads it: RATE, RATE,BURST or off (default: the
#                   application's default, 20 reads/s, burst 200)
#        bench/index-memory.sh --snapshot RUNS [HEAP]         (the durable snapshot: size, write and restore time)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -DskipNpm=true test-compile
if [ "${1:-}" = "--snapshot" ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
  cp=$(cat target/bench-classpath.txt)
  java -Xmx"${3:-3g}" -cp "target/test-classes:target/classes:$cp" com.adfops.bench.IndexSnapshotBench "${2:-100000}" \
    2>/dev/null | grep -E "^index snapshot"
  exit 0
fi
if [ "${1:-}" = "--scale" ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
  cp=$(cat target/bench-classpath.txt)
  java -Xmx"${4:-3g}" -cp "target/test-classes:target/classes:$cp" com.adfops.bench.IndexScaleBench "${2:-100000}" "${3:-300}" "${5:-}" \
    2>/dev/null | grep -E "^index scale"
  exit 0
fi
./mvnw -B -q exec:java -Dexec.mainClass=com.adfops.bench.IndexMemoryBench -Dexec.classpathScope=test \
  -Dexec.args="${1:-20000}" 2>/dev/null | grep -E "^(index memory|activity cache|billing ledger)"
