#!/bin/sh
# Trunk post-build hook: writes precache.js, the list of every built file the service
# worker caches at install, and a cache version that changes whenever any file changes.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
cd "$dir"
files=$(find . -type f ! -name precache.js ! -name sw.js | sed 's|^\./||' | sort)
version=$(cat $files | sha256sum | cut -c1-16)
{
  printf 'self.CACHE_VERSION = "%s";\n' "$version"
  printf 'self.PRECACHE = ["./"'
  for f in $files; do printf ', "%s"' "$f"; done
  printf '];\n'
} > precache.js
