#!/bin/sh
# Trunk post-build hook. For the village app (index.html): copies in the office app and the
# tablet's second module (its page as cong-cu.html) built just before (scripts/build.sh),
# then writes precache.js, the list of every village file
# the service worker caches at install, and a cache version that changes whenever any file
# changes, and the list of the office's files, which the service worker caches the first
# time the office is opened, so a village tablet never downloads them.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
case "${TRUNK_HTML_FILE:-}" in
  *office.html | *tools.html) exit 0 ;;
esac
if [ -d target/dist-office ]; then
  rm -rf "$dir/office"
  cp -r target/dist-office "$dir/office"
fi
if [ -f target/dist-tools/index.html ]; then
  # Its CSS is the daily page's (the same names, as they carry the same hashes).
  for f in target/dist-tools/*; do
    case "$f" in
      */index.html) cp "$f" "$dir/cong-cu.html" ;;
      *) cp -r "$f" "$dir/" ;;
    esac
  done
fi
cd "$dir"
files=$(find . -type f ! -name precache.js ! -name sw.js ! -path './office/*' | sed 's|^\./||' | sort)
version=$(find . -type f ! -name precache.js | sort | xargs cat | sha256sum | cut -c1-16)
office_files=$(find ./office -type f 2>/dev/null | sed 's|^\./||' | sort)
{
  printf 'self.CACHE_VERSION = "%s";\n' "$version"
  printf 'self.PRECACHE = ["./"'
  for f in $files; do printf ', "%s"' "$f"; done
  printf '];\n'
  # The office's files, cached the first time the office opens (see sw.js).
  printf 'self.OFFICE = ["office/"'
  for f in $office_files; do printf ', "%s"' "$f"; done
  printf '];\n'
} > precache.js
