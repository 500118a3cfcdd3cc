#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
PORT="${PORT:-8080}"
echo "Serving doithoai on http://127.0.0.1:$PORT/"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
