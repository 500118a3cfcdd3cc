#!/usr/bin/env bash
# Builds the release app into dist/ (installing the tools first if needed): the village
# app at dist/ (its daily module, index.html, and beside it cong-cu.html, the module for
# what a tablet does rarely), and the commune office's app, a third wasm module that
# village tablets never download, at dist/office/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The office and the tablet's second module first, each to a side directory: the village
# build empties dist/ and then copies them in (scripts/precache.sh).
trunk build office.html --release --dist target/dist-office --public-url /office/
trunk build tools.html --release --dist target/dist-tools
trunk build --release
