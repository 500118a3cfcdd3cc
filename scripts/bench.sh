#!/usr/bin/env bash
# The performance benchmark: builds the release app (scripts/build.sh), then measures it in
# headless Chromium (scripts/bench.mjs: the village tablet; scripts/bench-office.mjs: the
# commune office) and rewrites docs/PERF.md with the figures.
#   bash scripts/bench.sh [--no-build] [--dist DIR] [--only village|office|history] [--no-write]
#                         [--runs N] [--saves N] [--startup-runs N] [--office-startup-runs N]
#                         [--suggest-runs N] [--key-rounds N] [--import-rounds N]
#                         [--profile DIR] [--strict]
# --dist DIR measures a build already made elsewhere, so it does not build.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build="" ;;
    --dist) build="" ; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done

if [ -n "$build" ]; then
  # One build at a time on a small machine: wait for another trunk or cargo to finish.
  while pgrep -x trunk >/dev/null || pgrep -x cargo >/dev/null; do
    echo "bench: waiting for a running build to finish..." >&2
    sleep 10
  done
  bash scripts/setup.sh --browser
  bash scripts/build.sh
fi

exec node scripts/bench.mjs "${args[@]+"${args[@]}"}"
