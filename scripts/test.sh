#!/usr/bin/env bash
# Runs every test: formatting and lints, the native domain tests, then the release app in
# headless Chromium (Playwright with Debian's /usr/bin/chromium). Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings

echo "== native tests"
cargo test

echo "== release build"
bash scripts/build.sh

echo "== browser tests"
npx playwright test --config tests/e2e/playwright.config.js
