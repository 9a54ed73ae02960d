#!/usr/bin/env bash
# CTest driver for the real-VS-Code end-to-end test of editors/vscode.
# usage: run.sh path/to/molt-lsp path/to/molt [build-dir]
#
# 1. builds and packages the extension (.vsix into <build-dir>/editors/vscode/);
# 2. installs code-server and playwright-core into a cache outside the repo
#    ($MOLT_TEST_CACHE, default ~/.cache/molt-test) on first use;
# 3. in a fresh temp HOME: `code-server --install-extension` the .vsix, serves
#    a copy of tests/vscode/workspace on 127.0.0.1 with --auth none;
# 4. e2e.mjs drives Debian's chromium through the workbench (diagnostic, code
#    lens, quick fix, struct layout, Build native when `molt build` exists)
#    and saves <build-dir>/test-artifacts/vscode.png.
# Exits non-zero on any failure; code-server is stopped by its PID.
set -euo pipefail

LSP="$(realpath "$1")"
MOLT="$(realpath "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
BUILD="$(realpath -m "${3:-$repo/build}")"
CACHE="${MOLT_TEST_CACHE:-$HOME/.cache/molt-test}"
PLAYWRIGHT_VERSION=1.65.1
t0=$(date +%s)
log() { echo "vscode-e2e [$(( $(date +%s) - t0 ))s]: $*"; }

CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
[[ -x "$CHROMIUM" ]] || { echo "vscode-e2e: needs Debian's chromium (scripts/deps.txt)"; exit 1; }

log "extension: npm deps, compile, package"
"$here/ext-deps.sh"
VSIX="$BUILD/editors/vscode/molt-vscode.vsix"
(cd "$repo/editors/vscode" && npm run --silent compile && node scripts/package.mjs "$VSIX" >/dev/null)

log "code-server (cached in $CACHE/code-server)"
ENTRY="$("$here/install-code-server.sh" "$CACHE/code-server")"

PW="$CACHE/playwright-core-$PLAYWRIGHT_VERSION"
if [[ ! -f "$PW/.complete" ]]; then
  log "installing playwright-core@$PLAYWRIGHT_VERSION into $PW"
  mkdir -p "$PW" && (cd "$PW" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >&2) && touch "$PW/.complete"
fi

TMP="$(mktemp -d /tmp/molt-vscode-e2e.XXXXXX)"
CS_PID=""
# code-server runs in its own session (setsid), so its process group (id =
# its PID) also holds the extension host and molt-lsp: stop the whole group.
cleanup() {
  if [[ -n "$CS_PID" ]]; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
  [[ -n "${KEEP_TMP:-}" ]] || rm -rf "$TMP" 2>/dev/null || { sleep 1; rm -rf "$TMP"; }
}
trap cleanup EXIT

export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" \
  XDG_CACHE_HOME="$TMP/home/.cache" XDG_RUNTIME_DIR="$TMP/run" TMPDIR="$TMP/tmp"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR" "$TMPDIR"
chmod 700 "$XDG_RUNTIME_DIR"
DATA="$TMP/user-data"
EXTS="$TMP/extensions"
WS="$TMP/workspace"
mkdir -p "$DATA/User" "$EXTS"
cp -r "$here/workspace" "$WS"
cat > "$DATA/User/settings.json" <<JSON
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "editor.codeLens": true,
  "editor.hover.delay": 300,
  "files.autoSave": "off",
  "window.restoreWindows": "none",
  "molt.path": "$LSP",
  "molt.cliPath": "$MOLT"
}
JSON

# The same settings as the remote machine's: VS Code layers local user and
# remote machine settings in a code-server window, and the extension host must
# see molt.path whichever layer it reads.
mkdir -p "$DATA/Machine"
cp "$DATA/User/settings.json" "$DATA/Machine/settings.json"

log "code-server --install-extension $(basename "$VSIX")"
node "$ENTRY" --user-data-dir "$DATA" --extensions-dir "$EXTS" --install-extension "$VSIX" >"$TMP/install.log" 2>&1 ||
  { cat "$TMP/install.log"; exit 1; }

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
STATE="$TMP/molt-state.json"
log "serving on 127.0.0.1:$PORT"
MOLT_VSCODE_TEST_STATE="$STATE" setsid node "$ENTRY" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$DATA" --extensions-dir "$EXTS" "$WS" >"$TMP/code-server.log" 2>&1 &
CS_PID=$!

HAS_BUILD=0
if "$MOLT" build --help >/dev/null 2>&1; then HAS_BUILD=1; fi

ARTIFACTS="$BUILD/test-artifacts"
mkdir -p "$ARTIFACTS"
set +e
NODE_PW="$PW/node_modules/playwright-core" URL="http://127.0.0.1:$PORT/?folder=$WS" WS="$WS" STATE="$STATE" \
  CHROMIUM="$CHROMIUM" ARTIFACTS="$ARTIFACTS" HAS_BUILD="$HAS_BUILD" CS_LOG="$TMP/code-server.log" \
  node "$here/e2e.mjs"
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  echo "---- code-server log (tail) ----"; tail -40 "$TMP/code-server.log"
  echo "---- extension state ----"; cat "$STATE" 2>/dev/null || echo "(none written)"
fi
log "done (exit $rc)"
exit $rc
