#!/usr/bin/env bash
# The load benchmark of issue 12 (not a test): starts a built jar on the embedded factory with the given settings,
# waits until the run index is live, runs LoadBench (closed loop and burst, a fake connector in its own JVM; see
# src/test/java/com/adfops/bench/LoadBench.java) and reports the bot's resident memory.
# Loopback only. Usage: bench/load.sh [JAR] ; environment: LATENCY (ADFOPS_SIM_LATENCY, default 300ms), HEAP
# (default -Xmx256m), USERS, SECONDS_MEASURED, WARMUP, THINK (ms a user waits after an answer, default 0), BURST_CONVS,
# BURST_MSGS, FAILING and BUSY (pipeline names), PORT. SCENARIO=heavy runs issue 21's scenario instead: HEAVY_USERS
# (default 8) ask QUESTION (default "what did we spend this week?") at once while one user asks "help" again and again
# (HELP_PAUSE ms after each answer, default 200) until they are all answered or TIMEOUT s (default 240) passed.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${1:-target/adfops-bot.jar}"
PORT="${PORT:-3989}"
DATA="$(mktemp -d)"
LATENCY="${LATENCY:-300ms}"
# The load generator's classpath: test classes and dependencies (built once).
if [ ! -f target/bench-classpath.txt ] || [ ! -f target/test-classes/com/adfops/bench/LoadBench.class ]; then
  ./mvnw -B -q -DskipTests test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
fi
CP="target/test-classes:$(cat target/bench-classpath.txt)"
HEAP="${HEAP:--Xmx256m}"

ADFOPS_SIM_LATENCY="$LATENCY" ADFOPS_STATE_STORE=memory ADFOPS_DATA_DIR="$DATA" ADFOPS_DOCS_MCPURL= \
  SERVER_PORT="$PORT" java $HEAP -jar "$JAR" > target/bench-load-bot.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "the bot exited:"; tail -20 target/bench-load-bot.log; exit 1; }
  sleep 0.2
done
# Wait for the run index (a jar without one reports no factories: go on at once).
for _ in $(seq 1 300); do
  H=$(curl -fsS "http://127.0.0.1:$PORT/health")
  echo "$H" | grep -q '"status":"loading"' || break
  sleep 0.5
done
echo "jar: $JAR, ADFOPS_SIM_LATENCY=$LATENCY, heap: $HEAP"
echo "health before: $(curl -fsS "http://127.0.0.1:$PORT/health")"

RSS_MAX=0
( while kill -0 $PID 2>/dev/null; do
    R=$(ps -o rss= -p $PID 2>/dev/null | tr -d ' ' || echo 0)
    [ -n "$R" ] && [ "$R" -gt "$RSS_MAX" ] && RSS_MAX=$R && echo "$RSS_MAX" > target/bench-load-rss
    sleep 0.5
  done ) &
SAMPLER=$!

if [ "${SCENARIO:-loop}" = heavy ]; then
  # Issue 21: HEAVY_USERS ask an expensive question at once while one user asks "help" again and again.
  java -cp "$CP" com.adfops.bench.LoadBench "http://127.0.0.1:$PORT/api/messages" heavy "${HEAVY_USERS:-8}" \
    "${QUESTION:-what did we spend this week?}" "${HELP_PAUSE:-200}" "${TIMEOUT:-240}"
else
java -cp "$CP" com.adfops.bench.LoadBench "http://127.0.0.1:$PORT/api/messages" "${USERS:-50}" \
  "${SECONDS_MEASURED:-20}" "${WARMUP:-60}" "${BURST_CONVS:-200}" "${BURST_MSGS:-10}" \
  "${FAILING:-pl_ingest_sales_orders}" "${BUSY:-pl_stream_telemetry_to_lake}" "${THINK:-0}"
fi

echo "health after: $(curl -fsS "http://127.0.0.1:$PORT/health")"
kill $SAMPLER 2>/dev/null || true
echo "resident memory, peak: $(( $(cat target/bench-load-rss 2>/dev/null || echo 0) / 1024 )) MB"
