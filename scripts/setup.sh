#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) needs on a Debian machine, and skips
# what is already there. Never downloads a binary from outside the package registries:
# trunk and wasm-bindgen-cli come from crates.io, wasm-opt from npm's binaryen, Chromium
# from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"
}

command -v cargo >/dev/null || { echo "Rust (rustup, cargo) is required: see README.md" >&2; exit 1; }
command -v npm >/dev/null || apt_install nodejs npm
command -v python3 >/dev/null || apt_install python3
# fontTools cuts the font down at build time (scripts/subset_font.py). pip where Python
# allows it (pyenv, venv); Debian's own packages where the system Python refuses pip.
if ! python3 -c "import fontTools.subset, brotli" 2>/dev/null; then
  python3 -m pip install --quiet "fonttools==4.68.0" "brotli==1.2.1" 2>/dev/null ||
    apt_install python3-fonttools python3-brotli
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than this machine's 1.95
if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WASM_BINDGEN=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN"; then
  # Its own lock file names a webpki-roots release the registry no longer serves, so
  # --locked can fail; then resolve afresh, still at the pinned version.
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN" ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN"
fi

# wasm-opt (binaryen 132), the font, the tablet's encryption (age-encryption, bundled by
# esbuild) and the browser test tools, as package-lock.json pins them.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] ||
  [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/age-encryption ] ||
  [ ! -d node_modules/@fontsource/be-vietnam-pro ] || [ ! -d node_modules/@fontsource/tinos ] ||
  [ ! -d node_modules/ajv ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
  # pdftotext reads back the minutes Chromium prints to PDF.
  command -v pdftotext >/dev/null || apt_install poppler-utils
  # The browser suite opens the report's .xlsx and .docx with real readers.
  if ! python3 -c "import openpyxl, docx" 2>/dev/null; then
    python3 -m pip install --quiet "openpyxl==3.1.5" "python-docx==1.1.2" 2>/dev/null ||
      apt_install python3-openpyxl python3-docx
  fi
fi
