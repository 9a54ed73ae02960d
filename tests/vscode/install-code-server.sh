#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench + extension host, from npm)
# into a cache folder outside the repo, for the VS Code end-to-end test
# (tests/vscode/run.sh). Idempotent: a finished install is marked with
# `.complete` and reused. Prints the path of the `code-server` entry script.
#
# Route: the machine's Node 20 with code-server 4.96.4 (its `engines` is node 20).
# Nothing but the npm registry is reachable, so three download steps of the
# stock install are replaced:
#   * lib/vscode's shrinkwrap names @vscode/proxy-agent by a git URL; the
#     registry tarball of the same version has the same integrity hash, so the
#     entry is pointed at it;
#   * @vscode/ripgrep's postinstall downloads a prebuilt rg from GitHub; its
#     download cache ($TMPDIR/vscode-ripgrep-cache-<version>) is seeded with a
#     tarball of Debian's rg 13 (package `ripgrep`);
#   * native modules (node-pty, spdlog, kerberos, argon2...) build from source
#     against the machine's Node headers (Debian `libkrb5-dev` for kerberos).
set -euo pipefail

VERSION=4.96.4
CACHE="${1:-${MOLT_TEST_CACHE:-$HOME/.cache/molt-test}/code-server}"
DEST="$CACHE/$VERSION"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

if [[ -f "$DEST/.complete" ]]; then
  echo "$ENTRY"
  exit 0
fi

log() { echo "install-code-server: $*" >&2; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" == 20 ]] || { log "needs Node 20 (found $(node --version))"; exit 1; }
RG=$(command -v rg || true)
[[ -n "$RG" ]] || { log "needs ripgrep (Debian package ripgrep)"; exit 1; }

STAGE="$CACHE/.stage-$$"
rm -rf "$STAGE"
mkdir -p "$STAGE/tmp"
trap 'rm -rf "$STAGE"' EXIT
export TMPDIR="$STAGE/tmp"

log "npm install code-server@$VERSION --ignore-scripts (into $STAGE)"
(cd "$STAGE" && echo '{"private":true}' > package.json &&
  npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2)

CS="$STAGE/node_modules/code-server"
log "pointing @vscode/proxy-agent at its registry tarball"
node - "$CS/lib/vscode/npm-shrinkwrap.json" <<'JS'
const fs = require('fs');
const file = process.argv[2];
const j = JSON.parse(fs.readFileSync(file, 'utf8'));
const e = j.packages['node_modules/@vscode/proxy-agent'];
if (!e) throw new Error('no @vscode/proxy-agent entry in ' + file);
if (!/^https:/.test(e.resolved))
  e.resolved = `https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-${e.version}.tgz`;
fs.writeFileSync(file, JSON.stringify(j, null, 2) + '\n');
JS

rg_version=$(node -p "require('$CS/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
log "seeding @vscode/ripgrep $rg_version's download cache with $RG"
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$rg_version" "$STAGE/rg"
cp "$RG" "$STAGE/rg/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-$rg_version/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$STAGE/rg" rg

log "running code-server's postinstall (lib/vscode + extensions npm install, native builds)"
(cd "$CS" &&
  npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" \
  npm_config_unsafe_perm=true JOBS=1 \
  sh ./postinstall.sh >&2)

# The only top-level dependency with an install script: its prebuilt download
# fails offline and node-pre-gyp falls back to building it from source.
log "building argon2 (code-server's password hashing, loaded at start)"
(cd "$STAGE" && npm rebuild argon2 >&2)
[[ -n "$(ls "$STAGE"/node_modules/argon2/lib/binding/*/argon2.node 2>/dev/null)" ]] ||
  { log "argon2 did not build"; exit 1; }

rm -rf "$DEST"
mv "$STAGE" "$DEST"
trap - EXIT
rm -rf "$DEST/tmp" "$DEST/rg"
touch "$DEST/.complete"
echo "$ENTRY"
