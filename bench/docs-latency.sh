#!/usr/bin/env bash
# Added latency of documentation guidance per diagnosis: cold, warm cache, and MCP server down (loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q exec:java -Dexec.mainClass=com.adfops.bench.DocsLatencyBench -Dexec.classpathScope=test 2>/dev/null \
  | grep -E "^(cold|warm|server down)"
