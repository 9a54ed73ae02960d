#!/usr/bin/env python3
"""molt-lsp publishes exactly what `molt check` reports.

For every golden test file and example, compares `molt check --format json`
with the diagnostics molt-lsp pushes after didOpen over stdio (UTF-16
positions): same code, message, severity, start/end (1-based line/column vs
0-based), and related information. Fails on the first difference.

usage: matches_check.py MOLT MOLT_LSP SOURCE_DIR
"""
import json
import subprocess
import sys
from pathlib import Path

molt, lsp, root = sys.argv[1], sys.argv[2], Path(sys.argv[3])
files = sorted((root / "tests" / "golden").glob("*.py")) + sorted((root / "examples").glob("*.py"))
assert files, "no input files"
SEVERITY = {"error": 1, "warning": 2, "note": 3}

proc = subprocess.Popen([lsp], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(msg):
    data = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
    proc.stdin.flush()


def receive():
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            sys.exit("FAIL: molt-lsp closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def wait(pred):
    while True:
        m = receive()
        if pred(m):
            return m


send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"debounceMs": 0}}})
wait(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

compared = 0
for i, path in enumerate(files):
    out = subprocess.run([molt, "check", "--format", "json", str(path)], capture_output=True, text=True)
    want = json.loads(out.stdout)["files"][0]["diagnostics"]
    uri = path.resolve().as_uri()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "python", "version": i + 1, "text": path.read_text()}}})
    got = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)["params"]["diagnostics"]
    if len(got) != len(want):
        sys.exit(f"FAIL: {path.name}: molt check reports {len(want)} diagnostics, molt-lsp {len(got)}")
    for w, g in zip(want, got):
        expect = {
            "code": w["code"], "message": w["message"], "severity": SEVERITY[w["severity"]],
            "range": {"start": {"line": w["start"]["line"] - 1, "character": w["start"]["column_utf16"] - 1},
                      "end": {"line": w["end"]["line"] - 1, "character": w["end"]["column_utf16"] - 1}},
            "related": len(w["related"]),
        }
        actual = {"code": g["code"], "message": g["message"], "severity": g["severity"], "range": g["range"],
                  "related": len(g.get("relatedInformation", []))}
        if expect != actual:
            sys.exit(f"FAIL: {path.name}:\n  molt check: {expect}\n  molt-lsp:   {actual}")
        compared += 1
    send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})

send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
wait(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit"})
if proc.wait(timeout=10) != 0:
    sys.exit("FAIL: molt-lsp did not exit cleanly")
print(f"PASS: {compared} diagnostics in {len(files)} files identical to molt check")
