#!/usr/bin/env bash
# Bytes per indexed run, backfill time and a question from memory (loopback only). Usage: bench/index-memory.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q exec:java -Dexec.mainClass=com.adfops.bench.IndexMemoryBench -Dexec.classpathScope=test \
  -Dexec.args="${1:-20000}" 2>/dev/null | grep -E "^(index memory|activity cache|billing ledger)"
