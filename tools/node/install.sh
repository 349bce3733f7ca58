#!/usr/bin/env sh
# Installs the pinned node tools with `npm ci`, only when package-lock.json changed since the last install
# (npm ci always starts from scratch, which costs ~45 s per build otherwise).
set -e
cd "$(dirname "$0")"
if [ -d node_modules ] && cmp -s package-lock.json node_modules/.adfops-installed-lock 2>/dev/null; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json node_modules/.adfops-installed-lock
