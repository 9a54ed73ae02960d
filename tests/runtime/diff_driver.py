"""Shared by the runtime's differential tests: run a stdin-driven test driver
(native, or a .wasm under node:wasi) on one case per line and compare its
output lines with what python3 computed."""
import os
import subprocess
import tempfile


def driver_command(driver):
    """A .wasm driver runs under node:wasi via runtime/wasi/run.mjs."""
    if driver.endswith(".wasm"):
        here = os.path.dirname(os.path.abspath(__file__))
        runner = os.path.join(here, "..", "..", "runtime", "wasi", "run.mjs")
        return [os.environ.get("NODE", "node"), "--no-warnings", runner, driver]
    return [driver]


def compare(driver, cases, expected, shown=25, width=300):
    """Returns the test's exit status: 0 when every line matches."""
    # stdin from a regular file, not a pipe: node:wasi reads fd 0 without
    # waiting, so a pipe the writer has not filled yet could look like EOF
    with tempfile.TemporaryFile("w+", encoding="utf-8") as inp:
        inp.write("\n".join(cases) + "\n")
        inp.seek(0)
        out = subprocess.run(driver_command(driver), stdin=inp, capture_output=True, encoding="utf-8", check=False)
    if out.returncode != 0:
        print(out.stderr[-4000:])
        print(f"driver exited with {out.returncode}")
        return 1
    got = out.stdout.splitlines()
    bad = 0
    for i, (c, e) in enumerate(zip(cases, expected)):
        g = got[i] if i < len(got) else "<missing>"
        if g != e:
            bad += 1
            if bad <= shown:
                print(f"MISMATCH {c[:200]!r}\n  python: {e[:width]!r}\n  molt:   {g[:width]!r}")
    print(f"{len(cases) - bad}/{len(cases)} cases match")
    return 1 if bad else 0
