#!/usr/bin/env python3
"""run_program.py - runs a hand-lowered program (native binary or .wasm via
node:wasi) and its Python reference under python3, each in a fresh
temporary working directory; compares stdout exactly, the last stderr line,
and the exit status.

Usage: run_program.py PROGRAM(.wasm) REFERENCE.py
"""
import os
import subprocess
import sys
import tempfile


def command(prog):
    if prog.endswith(".wasm"):
        here = os.path.dirname(os.path.abspath(__file__))
        runner = os.path.abspath(os.path.join(here, "..", "..", "..", "runtime", "wasi", "run.mjs"))
        return [os.environ.get("NODE", "node"), "--no-warnings", runner, prog]
    return [prog]


def main():
    prog, ref = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    # each run gets its own working directory: programs may create files,
    # and CTest runs the native and wasm variants in parallel
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        want = subprocess.run([sys.executable, ref], capture_output=True, encoding="utf-8", check=False, cwd=d1)
        got = subprocess.run(command(prog), capture_output=True, encoding="utf-8", check=False, cwd=d2)
    ok = True
    if got.stdout != want.stdout:
        ok = False
        print("stdout differs:\n--- python\n" + want.stdout + "--- molt\n" + got.stdout)
    last = lambda t: (t.strip().splitlines() or [""])[-1]  # noqa: E731
    if last(got.stderr) != last(want.stderr):
        ok = False
        print(f"last stderr line differs:\n  python: {last(want.stderr)!r}\n  molt:   {last(got.stderr)!r}")
        print(got.stderr[-3000:])
    if got.returncode != want.returncode:
        ok = False
        print(f"exit status differs: python {want.returncode}, molt {got.returncode}")
    print("match" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
