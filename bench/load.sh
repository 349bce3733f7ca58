#!/usr/bin/env bash
# The load benchmark of issue 12 (not a test): starts a built jar on the embedded factory with the given settings,
# waits until the run index is live and has loaded its whole horizon, runs LoadBench (a fake connector in its own JVM;
# see src/test/java/com/adfops/bench/LoadBench.java and OpenLoop.java) and reports the bot's resident memory and, for
# the measured window, its CPU per answer (/proc/<pid>/stat).
# Loopback only. Usage: bench/load.sh [JAR] ; environment: LATENCY (ADFOPS_SIM_LATENCY, default 300ms), HEAP
# (default -Xmx256m; JVM options of the bot, e.g. a JFR recording), DATASET (ADFOPS_SIM_DATASET, e.g. a generated
# factory; default the built-in one), MODE (closed: the closed loop and the burst, the default; open: the open loop;
# both: the open loop, then the closed loop and the burst on the same bot), USERS, SECONDS_MEASURED, WARMUP, THINK (ms a
# user waits after an answer, default 0), BURST_CONVS, BURST_MSGS, FAILING and BUSY (pipeline names; for a generated
# DATASET they are taken from the factory: the pipeline with the most failures and the one with the most runs in the
# last 24 h), PORT. Open loop: RATE (questions/s, default 300), CONVS (conversations, default 1000: Teams allows a
# conversation 60 proactive messages in 30 s, and the bot keeps to that, so RATE/CONVS must stay under 2), ARRIVALS (poisson,
# the default, or even), OPEN_SECONDS (default SECONDS_MEASURED), OPEN_WARMUP (default WARMUP), DRAIN (s to wait for the
# last answers, default 15), IN_FLIGHT (posts open at once, default 64); with MODE=both the closed loop's warm-up is CLOSED_WARMUP (default 20 s: the bot is warm).
# SCENARIO=heavy runs issue 21's scenario instead: HEAVY_USERS
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
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
HEAP="${HEAP:--Xmx256m}"
DATASET="${DATASET:-}"
MODE="${MODE:-closed}"
if [ -n "$DATASET" ] && [ -z "${FAILING:-}" ]; then
  read -r FAILING BUSY < <(java -cp "$CP" com.adfops.bench.FactoryNames "$DATASET")
fi
FAILING="${FAILING:-pl_ingest_sales_orders}"
BUSY="${BUSY:-pl_stream_telemetry_to_lake}"

ADFOPS_SIM_DATASET="$DATASET" ADFOPS_SIM_LATENCY="$LATENCY" ADFOPS_STATE_STORE=memory ADFOPS_DATA_DIR="$DATA" ADFOPS_DOCS_MCPURL= \
  SERVER_PORT="$PORT" java $HEAP -jar "$JAR" > target/bench-load-bot.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "the bot exited:"; tail -20 target/bench-load-bot.log; exit 1; }
  sleep 0.2
done
# Wait for the run index and its whole horizon (a jar without one reports no factories: go on at once).
WAITED=$SECONDS
for _ in $(seq 1 1800); do
  H=$(curl -fsS "http://127.0.0.1:$PORT/health")
  echo "$H" | grep -q '"status":"loading"\|"loading":true' || break
  sleep 0.5
done
echo "jar: $JAR, ADFOPS_SIM_LATENCY=$LATENCY, heap: $HEAP, dataset: ${DATASET:-built-in}, mode: $MODE"
echo "questions about: $FAILING (failing), $BUSY (busy); index ready after $((SECONDS - WAITED)) s of waiting"
echo "health before: $(curl -fsS "http://127.0.0.1:$PORT/health")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
export BOT_PID=$PID CLK_TCK=$(getconf CLK_TCK)

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
  CW="${WARMUP:-60}"
  if [ "$MODE" = open ] || [ "$MODE" = both ]; then
    java -cp "$CP" com.adfops.bench.LoadBench "http://127.0.0.1:$PORT/api/messages" open "${RATE:-300}" \
      "${OPEN_SECONDS:-${SECONDS_MEASURED:-20}}" "${OPEN_WARMUP:-${WARMUP:-60}}" "${CONVS:-1000}" "$FAILING" "$BUSY" \
      "${ARRIVALS:-poisson}" "${DRAIN:-15}" "${IN_FLIGHT:-64}"
    echo "load average after the open loop: $(cut -d' ' -f1-3 /proc/loadavg)"
    CW="${CLOSED_WARMUP:-20}"
  fi
  if [ "$MODE" != open ]; then
    java -cp "$CP" com.adfops.bench.LoadBench "http://127.0.0.1:$PORT/api/messages" "${USERS:-50}" \
      "${SECONDS_MEASURED:-20}" "$CW" "${BURST_CONVS:-200}" "${BURST_MSGS:-10}" \
      "$FAILING" "$BUSY" "${THINK:-0}"
    echo "load average after the closed loop: $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
fi

echo "health after: $(curl -fsS "http://127.0.0.1:$PORT/health")"
kill $SAMPLER 2>/dev/null || true
echo "resident memory, peak: $(( $(cat target/bench-load-rss 2>/dev/null || echo 0) / 1024 )) MB"
