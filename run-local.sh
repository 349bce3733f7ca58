#!/usr/bin/env bash
# Builds adfops-bot, starts it on the embedded defaults (simulated Data Factory, offline agent) and starts the
# Microsoft 365 Agents Playground (a Teams-like client) pointed at it. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")"

BOT_PORT="${SERVER_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"

echo "==> Building (tests skipped; run ./mvnw verify for those)"
./mvnw -B -q -DskipTests package
# (the build also installs the pinned Playground: npm ci in tools/node)

echo "==> Starting the bot on http://127.0.0.1:${BOT_PORT}/api/messages"
mkdir -p target
java -jar target/adfops-bot.jar > target/bot.log 2>&1 &
BOT_PID=$!
PG_PID=""
cleanup() {
  [ -n "$PG_PID" ] && kill "$PG_PID" 2>/dev/null || true
  kill "$BOT_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:${BOT_PORT}/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$BOT_PID" 2>/dev/null; then echo "The bot did not start; see target/bot.log"; tail -20 target/bot.log; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:${BOT_PORT}/health" > /dev/null || { echo "The bot did not answer; see target/bot.log"; exit 1; }

echo "==> Starting the Microsoft 365 Agents Playground"
# tools/bin/xdg-open: the Playground exits when it cannot open a browser; the shim prints the address instead.
PATH="$PWD/tools/bin:$PATH" tools/node/node_modules/.bin/agentsplayground start \
  --app-endpoint "http://127.0.0.1:${BOT_PORT}/api/messages" -c msteams \
  --port "${PLAYGROUND_PORT}" --disable-telemetry &
PG_PID=$!
sleep 3
echo
echo "    Open http://localhost:${PLAYGROUND_PORT} and ask: what pipelines are failing?"
echo "    Bot log: target/bot.log. Press Ctrl+C to stop."
wait "$PG_PID"
