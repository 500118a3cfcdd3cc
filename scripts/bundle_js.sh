#!/bin/sh
# Trunk pre-build hook (village app only): bundles js/age-encrypt.js with its npm
# dependencies (age-encryption and the noble libraries it uses) into one ES module,
# target/js/age-encrypt.js, which index.html copies into dist/. The tablet loads it only
# when it exports an encrypted bundle, so it is no part of the first load.
set -eu
case "${TRUNK_HTML_FILE:-}" in
  *office.html) exit 0 ;;
esac
mkdir -p target/js
node_modules/.bin/esbuild js/age-encrypt.js --bundle --format=esm --minify \
  --target=es2020 --legal-comments=eof --log-level=warning --outfile=target/js/age-encrypt.js
