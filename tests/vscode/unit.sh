#!/usr/bin/env bash
# CTest driver for the VS Code extension's unit tests (Node's test runner;
# no VS Code needed): settings resolution, path lookup, command wiring,
# problem matcher, build request/answer handling.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/ext-deps.sh"
cd "$here/../../editors/vscode"
npx tsc -p .
node --test out/test/
