#!/usr/bin/env bash
# CTest driver for the browser example (examples/browser) in headless Chromium.
# usage: run.sh path/to/molt [build-dir]
#
# 1. installs this folder's npm deps (@bjorn3/browser_wasi_shim,
#    playwright-core; pinned by package-lock.json) into a cache outside the
#    repo ($MOLT_TEST_CACHE/browser-test, default ~/.cache/molt-test), with
#    `npm ci` only when package.json or package-lock.json changed since the
#    last install;
# 2. browser_test.mjs builds app.wasm with the given molt, serves the page
#    from 127.0.0.1, drives Debian's chromium ($CHROMIUM, default
#    /usr/bin/chromium) and saves <build-dir>/test-artifacts/browser.png.
# Prints "browser test passed" and exits 0 on success.
set -euo pipefail

MOLT="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
BUILD="$(realpath -m "${2:-$repo/build}")"
CACHE="${MOLT_TEST_CACHE:-$HOME/.cache/molt-test}/browser-test"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [[ ! -x "$CHROMIUM" ]]; then
  echo "browser-test: FAILED: no chromium at $CHROMIUM; install Debian's chromium (scripts/deps.txt) or set CHROMIUM"
  exit 1
fi

# One install at a time: concurrent runs share the cache.
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
want="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)"
stamp="$CACHE/node_modules/.molt-lock-sha"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "browser-test: npm ci in $CACHE" >&2
  cp "$here/package.json" "$here/package-lock.json" "$CACHE/"
  (cd "$CACHE" && npm ci --no-audit --no-fund >&2)
  echo "$want" > "$stamp"
fi
exec 9>&-

mkdir -p "$BUILD/test-artifacts"
exec env NODE_MODULES="$CACHE/node_modules" CHROMIUM="$CHROMIUM" ARTIFACTS="$BUILD/test-artifacts" \
  node "$here/browser_test.mjs" "$MOLT" "$repo/examples/browser"
