#!/bin/sh
# CTest driver for the Neovim end-to-end test. Skips (exit 77) with a message
# when nvim is not installed (Debian: apt-get install neovim).
# usage: run_nvim.sh path/to/molt-lsp
if ! command -v nvim >/dev/null 2>&1; then
  echo "SKIP: nvim not found; install Debian's neovim package to run the Neovim end-to-end test"
  exit 77
fi
MOLT_LSP="$1" exec nvim --headless --clean -c "luafile $(dirname "$0")/e2e_nvim.lua"
