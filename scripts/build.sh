#!/usr/bin/env bash
# Builds the release app into dist/ (installing the tools first if needed): the village
# app at dist/, and the commune office's app, a second wasm module that village tablets
# never download, at dist/office/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The office first, to a side directory: the village build empties dist/ and then copies
# it in (scripts/precache.sh).
trunk build office.html --release --dist target/dist-office --public-url /office/
trunk build --release
