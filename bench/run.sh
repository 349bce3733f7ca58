#!/usr/bin/env bash
# Benchmarks for the issue notes (not part of the tests): build time, jar size, start-up time, and the time from
# activity in to card out for the two core questions (median of 20), on the embedded defaults. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-3988}"

start=$(date +%s.%N)
./mvnw -B -q -DskipTests package
end=$(date +%s.%N)
printf 'build (mvn package, warm, no tests): %.1f s\n' "$(python3 -c "print($end - $start)")"
printf 'jar size: %s bytes (%s)\n' "$(stat -c %s target/adfops-bot.jar)" "$(du -h target/adfops-bot.jar | cut -f1)"

start=$(date +%s.%N)
SERVER_PORT=$PORT java -jar target/adfops-bot.jar > target/bench-bot.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; do sleep 0.05; done
end=$(date +%s.%N)
printf 'start-up (launch to first /health 200): %.2f s\n' "$(python3 -c "print($end - $start)")"
grep -o 'Started AdfOpsApplication in [0-9.]* seconds' target/bench-bot.log || true

# A pipeline of the built-in dataset whose latest run failed, named as a user would type it.
PIPELINE="${BENCH_PIPELINE:-pl ingest sales orders}"
python3 bench/reply_latency.py "http://127.0.0.1:$PORT/api/messages" "${BENCH_N:-20}" "$PIPELINE"

# Issue 5: 50 concurrent conversations.
python3 bench/concurrency.py "http://127.0.0.1:$PORT/api/messages" "${BENCH_CONCURRENCY:-50}" "${BENCH_ROUNDS:-3}"
