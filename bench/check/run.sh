#!/usr/bin/env bash
# Type-checking throughput benchmark: `molt check` versus pyright.
#
# Generates a deterministic corpus of realistic typed Python (gen_corpus.py)
# into a temporary directory, then times over that same corpus:
#   - `molt check --quiet DIR`  (best of 3; binary from $MOLT, default build/cli/molt)
#   - pyright (npm, pinned, installed on first run into $PYRIGHT_DIR; 1 run)
#   - CPython's own parser (ast.parse of every file; a parse-only reference)
# Prints a Markdown table and writes bench/check/results.json.
#
# Environment: MOLT, LINES (default 100000), SEED (default 2024),
# PYRIGHT_VERSION (default 1.1.414), PYRIGHT_DIR (default
# $HOME/.cache/molt-bench/pyright), KEEP_CORPUS=1 to keep the corpus.
# This is a benchmark, not a test: it never fails because of a slow result.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
lines_wanted="${LINES:-100000}"
seed="${SEED:-2024}"
molt="${MOLT:-$repo/build/cli/molt}"
pyright_version="${PYRIGHT_VERSION:-1.1.414}"
pyright_dir="${PYRIGHT_DIR:-$HOME/.cache/molt-bench/pyright}"
results="$here/results.json"

work="$(mktemp -d "${TMPDIR:-/tmp}/molt-bench-check.XXXXXX")"
cleanup() { if [[ "${KEEP_CORPUS:-0}" != 1 ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT
corpus="$work/corpus"

log() { printf '%s\n' "$*" >&2; }
now() { printf '%s' "$EPOCHREALTIME"; }
elapsed() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.3f}")' "$1" "$2"; }

log "generating corpus: $lines_wanted lines, seed $seed -> $corpus"
python3 "$here/gen_corpus.py" "$corpus" --lines "$lines_wanted" --seed "$seed"
files=$(find "$corpus" -name '*.py' | wc -l)
lines=$(cat "$corpus"/*.py | wc -l)
log "corpus: $files files, $lines lines"

# --- molt ---------------------------------------------------------------------
molt_times=()
molt_status="skipped"
molt_exit=""
if [[ -x "$molt" ]]; then
    for run in 1 2 3; do
        start=$(now)
        set +e
        "$molt" check --quiet "$corpus" >"$work/molt.out" 2>&1
        molt_exit=$?
        set -e
        end=$(now)
        t=$(elapsed "$start" "$end")
        molt_times+=("$t")
        log "molt run $run: ${t}s (exit $molt_exit)"
    done
    if [[ "$molt_exit" == 0 ]]; then
        molt_status="ok"
    elif [[ "$molt_exit" == 1 ]]; then
        molt_status="reported-errors"
        log "warning: molt reported errors on a corpus that should check clean; first lines:"
        head -n 20 "$work/molt.out" >&2
    else
        molt_status="failed"
        log "warning: molt exited with $molt_exit; first lines:"
        head -n 20 "$work/molt.out" >&2
    fi
else
    log "molt binary not found at '$molt' (build it, or set MOLT=/path/to/molt); skipping the molt column"
fi

# --- pyright ------------------------------------------------------------------
pyright_bin="$pyright_dir/node_modules/.bin/pyright"
pyright_time=""
pyright_errors=""
if [[ ! -x "$pyright_bin" ]] || ! "$pyright_bin" --version 2>/dev/null | grep -qF "$pyright_version"; then
    log "installing pyright@$pyright_version into $pyright_dir"
    mkdir -p "$pyright_dir"
    if ! command -v npm >/dev/null; then
        log "npm not found: install Node.js and npm to get the pyright column"
    elif ! npm install --silent --no-audit --no-fund --prefix "$pyright_dir" "pyright@$pyright_version" >&2; then
        log "npm install of pyright@$pyright_version failed"
    fi
fi
if [[ -x "$pyright_bin" ]]; then
    "$pyright_bin" --version >/dev/null 2>&1  # warm the npm wrapper once, untimed
    start=$(now)
    set +e
    (cd "$corpus" && "$pyright_bin" .) >"$work/pyright.out" 2>&1
    pyright_exit=$?
    set -e
    end=$(now)
    pyright_time=$(elapsed "$start" "$end")
    pyright_errors=$(grep -Eo '^[0-9]+ errors?' "$work/pyright.out" | grep -Eo '^[0-9]+' || echo "?")
    log "pyright: ${pyright_time}s (exit $pyright_exit, $pyright_errors errors)"
else
    log "pyright could not be installed; skipping the pyright column"
fi

# --- CPython parser reference -------------------------------------------------
start=$(now)
python3 - "$corpus" <<'EOF'
import ast, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), encoding="utf-8") as fh:
        ast.parse(fh.read(), name)
EOF
end=$(now)
cpython_parse_time=$(elapsed "$start" "$end")
log "cpython ast.parse: ${cpython_parse_time}s"

# --- report -------------------------------------------------------------------
python3 - "$results" "$lines" "$files" "$seed" "${molt#"$repo"/}" "$molt_status" "$pyright_version" \
    "$pyright_time" "$pyright_errors" "$cpython_parse_time" "${molt_times[@]}" <<'EOF'
import json, os, platform, sys, datetime
(results, lines, files, seed, molt, molt_status, pyright_version,
 pyright_time, pyright_errors, cpython_parse_time) = sys.argv[1:11]
molt_times = [float(t) for t in sys.argv[11:]]
lines, files = int(lines), int(files)

def rate(seconds):
    return round(lines / seconds) if seconds else None

molt_best = min(molt_times) if molt_times else None
pyright_s = float(pyright_time) if pyright_time else None
parse_s = float(cpython_parse_time)
ratio = round(pyright_s / molt_best, 1) if molt_best and pyright_s else None
data = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
    "corpus": {"generator": "bench/check/gen_corpus.py", "seed": int(seed), "files": files, "lines": lines},
    "molt": {
        "binary": molt, "status": molt_status, "runs_seconds": molt_times,
        "best_seconds": molt_best, "lines_per_second": rate(molt_best),
    },
    "pyright": {
        "version": pyright_version, "runs_seconds": [pyright_s] if pyright_s else [],
        "seconds": pyright_s, "lines_per_second": rate(pyright_s),
        "errors": int(pyright_errors) if pyright_errors.isdigit() else None,
    },
    "cpython_ast_parse": {"python": platform.python_version(), "seconds": parse_s, "lines_per_second": rate(parse_s)},
    "molt_speedup_over_pyright": ratio,
}
with open(results, "w", encoding="utf-8") as fh:
    json.dump(data, fh, indent=2)
    fh.write("\n")

def cell(v, fmt):
    return "—" if v is None else format(v, fmt)

print(f"Corpus: {files} files, {lines:,} lines (seed {seed}), {os.cpu_count()} CPUs\n")
print("| tool | runs | time (s) | lines/s | speed-up vs pyright |")
print("| --- | --- | ---: | ---: | ---: |")
molt_label = "`molt check --quiet`" + ("" if molt_status in ("ok", "skipped") else f" ({molt_status})")
print(f"| {molt_label} | best of 3 | {cell(molt_best, '.3f')} | {cell(rate(molt_best), ',')} | {cell(ratio, '.1f')}{'×' if ratio else ''} |")
print(f"| `pyright` {pyright_version} | 1 | {cell(pyright_s, '.3f')} | {cell(rate(pyright_s), ',')} | 1.0× |")
print(f"| CPython `ast.parse` (parse only, reference) | 1 | {parse_s:.3f} | {rate(parse_s):,} | — |")
print(f"\nwrote {os.path.relpath(results)}")
EOF
