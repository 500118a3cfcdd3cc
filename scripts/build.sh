#!/usr/bin/env bash
# Builds the release app into dist/ (installing the tools first if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
