#!/usr/bin/env python3
"""The doctor's fixes, tested the way a user relies on them.

For every tests/doctor/X.py (not *.fixed.py):
  1. each single fix `molt check --format json` offers is applied on its own:
     the result must parse, no longer report that diagnostic there, and
     print exactly what the original prints under python3;
  2. `molt doctor --unsafe-fixes` on a copy must produce X.fixed.py exactly
     (golden), which `molt check` accepts and python3 runs identically;
  3. `--diff` writes nothing and `--fix` alone skips unsafe fixes.

usage: test_doctor.py MOLT_BINARY SOURCE_DIR
"""
import ast
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

MOLT, ROOT = sys.argv[1], sys.argv[2]
HERE = os.path.join(ROOT, "tests", "doctor")
failures = []
checks = 0


def expect(name, cond, detail=""):
    global checks
    checks += 1
    if not cond:
        failures.append(f"{name}: {detail}")


def python(path):
    r = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout


def diagnostics(path):
    r = subprocess.run([MOLT, "check", "--suggestions", "--format", "json", path], capture_output=True, text=True, timeout=60)
    return json.loads(r.stdout)["files"][0]["diagnostics"]


def apply(text_bytes, edits):
    out = text_bytes
    for e in sorted(edits, key=lambda e: e["start"]["offset"], reverse=True):
        s, t = e["start"]["offset"], e["end"]["offset"]
        out = out[:s] + e["replacement"].encode() + out[t:]
    return out


sources = sorted(p for p in glob.glob(os.path.join(HERE, "*.py"))
                 if not p.endswith(".fixed.py") and not os.path.basename(p).startswith("test_"))
expect("fixtures exist", len(sources) >= 5, sources)
with tempfile.TemporaryDirectory() as tmp:
    for src in sources:
        name = os.path.basename(src)
        original = open(src, "rb").read()
        want_rc, want_out = python(src)
        # 1. Every fix on its own.
        diags = diagnostics(src)
        fixes = [(d, f) for d in diags for f in d["fixes"]]
        expect(f"{name}: offers fixes", fixes, "no fixes offered")
        for d, f in fixes:
            fixed = apply(original, f["edits"])
            path = os.path.join(tmp, name)
            with open(path, "wb") as out:
                out.write(fixed)
            try:
                ast.parse(fixed)
                parses = True
            except SyntaxError as e:
                parses = False
            expect(f"{name}: '{f['title']}' parses", parses)
            after = diagnostics(path)
            same_place = [a for a in after if a["code"] == d["code"]
                          and a["start"]["line"] == d["start"]["line"] and a["message"] == d["message"]]
            expect(f"{name}: '{f['title']}' clears its diagnostic", not same_place, same_place)
            rc, out = python(path)
            expect(f"{name}: '{f['title']}' keeps behaviour", (rc, out) == (want_rc, want_out), out[-200:])
        # 2. The whole doctor run matches the golden result.
        path = os.path.join(tmp, name)
        shutil.copy(src, path)
        r = subprocess.run([MOLT, "doctor", "--unsafe-fixes", path], capture_output=True, text=True, timeout=120)
        golden = open(src[:-3] + ".fixed.py", "rb").read()
        expect(f"{name}: doctor output matches {name[:-3]}.fixed.py", open(path, "rb").read() == golden,
               r.stdout + r.stderr)
        r = subprocess.run([MOLT, "check", "-q", path], capture_output=True, text=True, timeout=60)
        expect(f"{name}: fixed file checks clean", r.returncode == 0, r.stdout)
        expect(f"{name}: fixed file behaves the same", python(path) == (want_rc, want_out))
        # 3. --diff never writes; --fix alone leaves unsafe fixes alone.
        shutil.copy(src, path)
        r = subprocess.run([MOLT, "doctor", "--diff", "--unsafe-fixes", path], capture_output=True, text=True, timeout=60)
        expect(f"{name}: --diff writes nothing", open(path, "rb").read() == original)
        expect(f"{name}: --diff prints a diff", r.stdout.startswith("--- a/"), r.stdout[:100])
        unsafe = any(f["applicability"] == "unsafe" for _, f in fixes)
        if unsafe:
            subprocess.run([MOLT, "doctor", "--fix", path], capture_output=True, text=True, timeout=60)
            expect(f"{name}: --fix skips unsafe fixes", open(path, "rb").read() != golden)

for f in failures:
    print("FAIL", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
