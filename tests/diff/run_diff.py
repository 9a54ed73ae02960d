#!/usr/bin/env python3
"""Differential tests for `molt build`.

Every tests/diff/*.py runs under python3 and as a Molt binary; stdout, the
last line of stderr and the exit status must match byte for byte. Every
tests/diff/rejected/*.py must make `molt build` exit 1 without writing a
binary. With --deterministic, a few programs are built twice and the two
binaries must be byte-identical.

With --target=wasm the same programs are built as wasm32-wasi modules and
run under node:wasi (runtime/wasi/run.mjs); programs listed in
wasm_skip.txt (with the reason) are not run there.

With --opt=N every program is built at that level (default: `molt build`'s,
2 natively, s on wasm): the wasm speed build (--opt=2) runs its own passes
(compilation hints, range-folded checks, spills around cold calls).

usage: run_diff.py [--deterministic] [--update] [--target=wasm] [--opt=N] MOLT DIFF_DIR [NAME...]

tests/diff/ir/*.py are golden tests of `molt build --emit=ir` (NAME.ir);
--update rewrites them.
"""
import concurrent.futures
import os
import subprocess
import sys
import tempfile

TARGET = "native"
OPT = None  # --opt=N, or molt build's default
RUNTIME = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "runtime")
RUNNER = os.path.join(RUNTIME, "wasi", "run.mjs")
MOLT_PY = os.path.abspath(os.path.join(RUNTIME, "python"))


def build_cmd(molt, path, out):
    cmd = [molt, "build", path, "-o", out] + ([f"--opt={OPT}"] if OPT else [])
    return cmd + ["--target=wasm"] if TARGET == "wasm" else cmd


def exe_cmd(exe, path):
    """How to run a built program so that it sees the argv python3 sees."""
    if TARGET == "wasm":
        return ["node", "--no-warnings", os.path.abspath(RUNNER), "--argv0=" + path, exe]
    return [exe]


def last_line(b: bytes) -> bytes:
    lines = b.rstrip(b"\n").split(b"\n")
    return lines[-1] if lines else b""


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, **kw)


def check_program(molt, path, tmp):
    name = os.path.basename(path)[:-3]
    exe = os.path.join(tmp, name + (".wasm" if TARGET == "wasm" else ""))
    b = run(build_cmd(molt, path, exe))
    if b.returncode != 0:
        return f"{name}: molt build failed ({b.returncode}):\n{b.stderr.decode(errors='replace')}"
    # `import molt` (for @molt.export) resolves to runtime/python/molt.py under CPython.
    env = dict(os.environ, PYTHONPATH=MOLT_PY)
    want = run([sys.executable, path], cwd=tmp, env=env)
    got = run(exe_cmd(exe, path), cwd=tmp)
    problems = []
    if want.stdout != got.stdout:
        problems.append(f"stdout differs\n--- python3\n{want.stdout.decode(errors='replace')}"
                        f"--- molt\n{got.stdout.decode(errors='replace')}")
    if last_line(want.stderr) != last_line(got.stderr):
        problems.append(f"stderr last line differs: python3 {last_line(want.stderr)!r} molt {last_line(got.stderr)!r}")
    if want.returncode != got.returncode:
        problems.append(f"exit status differs: python3 {want.returncode} molt {got.returncode}")
    return f"{name}: " + "\n".join(problems) if problems else None


def check_rejected(molt, path, tmp):
    name = os.path.basename(path)[:-3]
    exe = os.path.join(tmp, "rejected_" + name)
    b = run(build_cmd(molt, path, exe))
    problems = []
    if b.returncode != 1:
        problems.append(f"expected exit 1, got {b.returncode}")
    if os.path.exists(exe):
        problems.append("a binary was written")
    if b"error" not in b.stderr:
        problems.append("no diagnostic printed")
    return f"rejected/{name}: " + "; ".join(problems) if problems else None


def check_ir_golden(molt, path, update):
    """`molt build --emit=ir` of ir/NAME.py must equal ir/NAME.ir (--update rewrites it)."""
    name = os.path.basename(path)[:-3]
    d = os.path.dirname(path)
    p = run([molt, "build", os.path.basename(path), "--emit=ir"], cwd=d)
    golden = os.path.join(d, name + ".ir")
    if p.returncode != 0:
        return f"ir/{name}: --emit=ir failed: {p.stderr.decode(errors='replace')}"
    if update:
        with open(golden, "wb") as f:
            f.write(p.stdout)
        return None
    want = open(golden, "rb").read() if os.path.exists(golden) else b""
    return None if want == p.stdout else f"ir/{name}: typed IR differs from {name}.ir (rerun with --update)"


def check_deterministic(molt, path, tmp):
    name = os.path.basename(path)[:-3]
    outs = []
    for i in range(2):
        exe = os.path.join(tmp, f"det{i}_{name}")
        b = run(build_cmd(molt, path, exe))
        if b.returncode != 0:
            return f"{name}: build failed"
        with open(exe, "rb") as f:
            outs.append(f.read())
    return None if outs[0] == outs[1] else f"{name}: two builds differ"


def wasm_skips(root):
    """NAME -> reason, from wasm_skip.txt (`NAME: reason` lines, # comments)."""
    skips = {}
    path = os.path.join(root, "wasm_skip.txt")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line:
                name, _, reason = line.partition(":")
                skips[name.strip()] = reason.strip()
    return skips


def main():
    global TARGET, OPT
    args = sys.argv[1:]
    deterministic = "--deterministic" in args
    update = "--update" in args
    if "--target=wasm" in args:
        TARGET = "wasm"
    for a in args:
        if a.startswith("--opt="):
            OPT = a[len("--opt="):]
    args = [a for a in args if a not in ("--deterministic", "--update", "--target=wasm") and not a.startswith("--opt=")]
    molt, root, only = os.path.abspath(args[0]), os.path.abspath(args[1]), set(args[2:])
    progs = sorted(os.path.join(root, f) for f in os.listdir(root) if f.endswith(".py") and f != "run_diff.py")
    skipped = wasm_skips(root) if TARGET == "wasm" else {}
    for name in skipped:
        if not os.path.exists(os.path.join(root, name + ".py")):
            print(f"FAIL wasm_skip.txt names {name}, which is not a program here")
            return 1
    progs = [p for p in progs if os.path.basename(p)[:-3] not in skipped]
    rejdir = os.path.join(root, "rejected")
    rejected = sorted(os.path.join(rejdir, f) for f in os.listdir(rejdir) if f.endswith(".py")) \
        if os.path.isdir(rejdir) else []
    if only:
        progs = [p for p in progs if os.path.basename(p)[:-3] in only]
        rejected = [p for p in rejected if os.path.basename(p)[:-3] in only]
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            if deterministic:
                for p in progs[:3]:
                    jobs.append(pool.submit(check_deterministic, molt, p, tmp))
            else:
                for p in progs:
                    jobs.append(pool.submit(check_program, molt, p, tmp))
                for p in rejected:
                    jobs.append(pool.submit(check_rejected, molt, p, tmp))
                irdir = os.path.join(root, "ir")
                for f in sorted(os.listdir(irdir)) if os.path.isdir(irdir) and not only and TARGET == "native" else []:
                    if f.endswith(".py"):
                        jobs.append(pool.submit(check_ir_golden, molt, os.path.join(irdir, f), update))
            results = [j.result() for j in jobs]
    failures = [r for r in results if r]
    for f in failures:
        print("FAIL", f)
    kind = "deterministic builds" if deterministic else "differential programs + rejected programs"
    print(f"{len(results) - len(failures)}/{len(results)} {kind} passed on {TARGET} "
          f"({len(progs)} programs, {0 if deterministic else len(rejected)} rejected"
          f"{f', {len(skipped)} skipped on wasm' if skipped else ''})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
