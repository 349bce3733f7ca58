#!/usr/bin/env bash
# What the MCP face adds to a tool call: the token check, and a call over Streamable HTTP against the tool runner.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q exec:java -Dexec.mainClass=com.adfops.bench.McpBench -Dexec.classpathScope=test 2>/dev/null \
  | grep -E "^(token check|failing|run stats|docs search)"
