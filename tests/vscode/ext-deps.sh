#!/usr/bin/env bash
# Makes editors/vscode/node_modules match package-lock.json (`npm ci`), but
# only when the lock file changed since the last install, so repeated test
# runs skip it. Used by unit.sh and run.sh.
set -euo pipefail
EXT="$(cd "$(dirname "$0")/../../editors/vscode" && pwd)"
stamp="$EXT/node_modules/.molt-lock-sha"
want=$(sha256sum "$EXT/package-lock.json" | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then exit 0; fi
echo "ext-deps: npm ci in $EXT" >&2
(cd "$EXT" && npm ci --no-audit --no-fund >&2)
echo "$want" > "$stamp"
