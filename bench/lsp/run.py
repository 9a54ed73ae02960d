#!/usr/bin/env python3
"""Language-server benchmark: molt-lsp side by side with pyright-langserver.

Not a test. Measures, for each server on the same ~5k-line file, in one run:
  * time to first diagnostics: didOpen -> first publishDiagnostics;
  * edit-to-diagnostics latency (p50/p95) over 200 single-character edits,
    each sent as an incremental didChange and timed until the server
    publishes diagnostics for that document version (edits alternate between
    typing a digit into a number literal and deleting it again);
  * the server's peak RSS (VmHWM of its process).

The file is bench/check/gen_corpus.py output (seeded) concatenated into one
module. pyright (npm) is installed on first run into
~/.cache/molt-bench/pyright. molt-lsp runs with debounceMs = 0 so the
numbers measure work, not the (configurable, default 50 ms) typing debounce.

usage: bench/lsp/run.py [--molt-lsp build/server/molt-lsp] [--lines 5000] [--edits 200] [--out bench/lsp/results.md]
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYRIGHT_DIR = Path.home() / ".cache" / "molt-bench" / "pyright"
VERBOSE = False


class Client:
    """A minimal LSP client over a subprocess's stdio."""

    def __init__(self, argv: list[str], cwd: str):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.inbox.put((time.perf_counter(), json.loads(body)))

    def send(self, msg: dict) -> None:
        data = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict) -> int:
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid

    def wait(self, pred, timeout: float = 120.0):
        """Returns (arrival time, message) of the first message matching pred,
        answering server->client requests on the way."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no matching message")
            item = self.inbox.get(timeout=left)
            if item is None:
                raise RuntimeError("server exited")
            t, msg = item
            if "method" in msg and "id" in msg:  # a request from the server
                result = None
                if msg["method"] == "workspace/configuration":
                    result = [None for _ in msg["params"]["items"]]
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
                continue
            if pred(msg):
                return t, msg

    def peak_rss_kib(self) -> int:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return -1

    def close(self) -> None:
        try:
            rid = self.request("shutdown", {})
            self.wait(lambda m: m.get("id") == rid, timeout=10)
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def percentile(xs: list[float], p: float) -> float:
    s = sorted(xs)
    k = (len(s) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def edit_positions(text: str, n: int) -> list[tuple[int, int]]:
    """(line, character) just after a nonzero digit of a number literal, spread over the file."""
    lines = text.split("\n")
    spots = []
    for i, l in enumerate(lines):
        if l.lstrip().startswith("#"):
            continue
        for j, c in enumerate(l):
            if c in "123456789" and (j == 0 or not (l[j - 1].isalnum() or l[j - 1] == "_")) and "'" not in l and '"' not in l:
                spots.append((i, j + 1))
                break
    step = max(1, len(spots) // n)
    return spots[::step][:n]


def run_server(name: str, argv: list[str], workspace: Path, path: Path, text: str, edits: int, init_options: dict) -> dict:
    uri = path.as_uri()
    c = Client(argv, str(workspace))
    rid = c.request("initialize", {
        "processId": os.getpid(),
        "rootUri": workspace.as_uri(),
        "workspaceFolders": [{"uri": workspace.as_uri(), "name": "bench"}],
        "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}},
                         "workspace": {"configuration": True}},
        "initializationOptions": init_options,
    })
    c.wait(lambda m: m.get("id") == rid)
    c.notify("initialized", {})
    is_diag = lambda v: (lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version", v) == v)
    t0 = time.perf_counter()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
    t1, first = c.wait(is_diag(1))
    if VERBOSE:
        print(f"  {name} first diagnostics: {(t1 - t0) * 1000:.1f} ms", file=sys.stderr, flush=True)
    first_ms = (t1 - t0) * 1000
    n_first = len(first["params"]["diagnostics"])
    # pyright may publish an early partial result; let it settle before timing edits.
    time.sleep(1.0 if name != "molt-lsp" else 0.1)
    lat = []
    version = 1
    for k, (line, ch) in enumerate(edit_positions(text, edits // 2) * 2):
        if len(lat) >= edits:
            break
        insert = k < edits // 2 or True
        for change in ({"range": {"start": {"line": line, "character": ch}, "end": {"line": line, "character": ch}}, "text": "7"},
                       {"range": {"start": {"line": line, "character": ch}, "end": {"line": line, "character": ch + 1}}, "text": ""}):
            version += 1
            s = time.perf_counter()
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            t, _ = c.wait(is_diag(version))
            lat.append((t - s) * 1000)
            if VERBOSE:
                print(f"  {name} v{version}: {lat[-1]:.1f} ms", file=sys.stderr, flush=True)
            if len(lat) >= edits:
                break
    rss = c.peak_rss_kib()
    c.close()
    return {"server": name, "first_ms": first_ms, "first_diagnostics": n_first, "edits": len(lat),
            "p50_ms": percentile(lat, 0.5), "p95_ms": percentile(lat, 0.95), "peak_rss_mib": rss / 1024}


def ensure_pyright() -> Path:
    exe = PYRIGHT_DIR / "node_modules" / ".bin" / "pyright-langserver"
    if not exe.exists():
        PYRIGHT_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(PYRIGHT_DIR), "pyright"], check=True)
    return exe


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--molt-lsp", default=str(ROOT / "build" / "server" / "molt-lsp"))
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--out", default=str(ROOT / "bench" / "lsp" / "results.md"))
    ap.add_argument("--skip-pyright", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every edit's latency")
    args = ap.parse_args()
    global VERBOSE
    VERBOSE = args.verbose

    work = Path(tempfile.mkdtemp(prefix="molt-lsp-bench-"))
    corpus = work / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench" / "check" / "gen_corpus.py"), str(corpus), "--lines", str(args.lines)],
                   check=True, stdout=subprocess.DEVNULL)
    text = "".join(p.read_text() for p in sorted(corpus.glob("*.py")))
    shutil.rmtree(corpus)
    ws = work / "ws"
    ws.mkdir()
    path = ws / "bench5k.py"
    path.write_text(text)
    nlines = text.count("\n")
    print(f"file: {nlines} lines, {len(text)} bytes")

    load_before = os.getloadavg()[0]
    results = [run_server("molt-lsp", [args.molt_lsp], ws, path, text, args.edits, {"debounceMs": 0})]
    print(results[-1])
    if not args.skip_pyright:
        exe = ensure_pyright()
        version = subprocess.run([str(PYRIGHT_DIR / "node_modules" / ".bin" / "pyright"), "--version"], capture_output=True, text=True).stdout.strip()
        r = run_server("pyright-langserver", [str(exe), "--stdio"], ws, path, text, args.edits, {})
        r["version"] = version
        results.append(r)
        print(results[-1])
    shutil.rmtree(work)
    load_after = os.getloadavg()[0]

    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name"))
    except StopIteration:
        pass
    lines = [
        "# molt-lsp vs pyright-langserver",
        "",
        f"Generated by `bench/lsp/run.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores ({cpu}); "
        f"1-minute load average {load_before:.1f} before, {load_after:.1f} after.",
        f"One file of {nlines} lines (bench/check/gen_corpus.py --lines {args.lines}, concatenated); "
        f"{args.edits} single-character incremental edits (type a digit into a number, delete it), each timed from "
        "didChange to the publishDiagnostics for that version. molt-lsp ran with debounceMs = 0 (default 50).",
        "",
        "| server | first diagnostics | diagnostics | edit p50 | edit p95 | peak RSS |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        name = r["server"] + (f" ({r['version']})" if r.get("version") else "")
        lines.append(f"| {name} | {r['first_ms']:.1f} ms | {r['first_diagnostics']} | {r['p50_ms']:.2f} ms | "
                     f"{r['p95_ms']:.2f} ms | {r['peak_rss_mib']:.0f} MiB |")
    if len(results) == 2:
        a, b = results
        lines += ["", f"pyright / molt-lsp: first diagnostics {b['first_ms'] / a['first_ms']:.0f}x, "
                      f"edit p50 {b['p50_ms'] / a['p50_ms']:.0f}x, edit p95 {b['p95_ms'] / a['p95_ms']:.0f}x."]
    Path(args.out).write_text("\n".join(lines) + "\n")
    Path(args.out).with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
