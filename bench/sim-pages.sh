#!/usr/bin/env bash
# The simulated factory's page time and heap at N generated runs (loopback only), after (sorted runs, over HTTP) and
# before (today's scan, reproduced in-process). Usage: bench/sim-pages.sh [N ...]   (default: 10000 100000 1000000)
# LEGACY=false skips the before (it holds every run as JSON: about 2 GB at a million runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -DskipNpm=true test-compile
MAVEN_OPTS="${MAVEN_OPTS:--Xmx4g}" ./mvnw -B -q exec:java -Dexec.mainClass=com.adfops.bench.SimPageBench \
  -Dexec.classpathScope=test -Dlegacy="${LEGACY:-true}" -Dexec.args="${*:-10000 100000 1000000}" 2>/dev/null | grep -E "^sim "
