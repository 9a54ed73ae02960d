// run.mjs - runs a wasm32-wasi program under node:wasi.
// usage: node --no-warnings run.mjs [--argv0=NAME] [--optimize] prog.wasm [args...]
// argv, stdin/stdout/stderr and the exit code pass through. The host file
// system is preopened as "/" and PWD carries the working directory, which
// molt_runtime_init chdir()s into, so relative and absolute paths behave as
// on the host.
import { WASI } from 'node:wasi';
import { readFile } from 'node:fs/promises';
import { fstatSync, openSync } from 'node:fs';
import process from 'node:process';
import v8 from 'node:v8';
import os from 'node:os';

let rest = process.argv.slice(2);
let argv0 = null;
let optimize = false;
for (;;) {
  if (rest.length > 0 && rest[0].startsWith('--argv0=')) {
    argv0 = rest[0].slice('--argv0='.length);
  } else if (rest[0] === '--optimize') {
    optimize = true;
  } else {
    break;
  }
  rest = rest.slice(1);
}
// V8 first runs wasm with its baseline compiler (Liftoff) and tiers hot
// functions up in the background, but a call already running (a program's
// main loop) stays in baseline code: V8 has no on-stack replacement for wasm.
// --optimize compiles the whole module with the optimizing compiler before
// `_start` instead: slower to start, faster to run.
if (optimize) {
  v8.setFlagsFromString('--no-liftoff');
  v8.setFlagsFromString('--no-wasm-lazy-compilation');
}
const [wasmPath, ...args] = rest;
if (!wasmPath) {
  console.error('usage: node run.mjs [--argv0=NAME] [--optimize] prog.wasm [args...]');
  process.exit(2);
}
// node:wasi writes the module's output to fds 1 and 2 as they are. When one is
// a pipe that Node made non-blocking, a full pipe makes the write fail with
// EAGAIN and wasi-libc drops the data (seen with 100+ KB of output). A pipe
// reopened through /proc/self/fd is a new, blocking open file description.
function blockingFd(fd) {
  try {
    const st = fstatSync(fd);
    if (st.isFIFO() || st.isSocket()) return openSync(`/proc/self/fd/${fd}`, 'w');
  } catch {}
  return fd;
}
const wasi = new WASI({
  stdout: blockingFd(1),
  stderr: blockingFd(2),
  version: 'preview1',
  args: [argv0 ?? wasmPath, ...args],
  env: { PWD: process.cwd() },
  preopens: { '/': '/' },
  returnOnExit: true,
});
// A speed build (--opt=1..3) carries a compilationHints section asking V8
// to compile, before `_start`, the program's own functions with its
// optimizing compiler (its hot loops then never wait for a big runtime
// function's tier-up) and the rest with its baseline compiler (instead of
// on the main thread at each one's first call) (codegen/wasm_hints.h).
// V8 reads the section only behind this flag; should it reject the
// section, the module compiles again without it.
// Every V8 flag set here is one known in V8 11 to 13 (Node 20 to 24): on
// another version an unknown flag would be reported on the program's stderr.
const v8major = Number(process.versions.v8.split('.')[0]);
const knownV8 = v8major >= 11 && v8major <= 13;
const hints = !optimize && knownV8;
if (hints) v8.setFlagsFromString('--experimental-wasm-compilation-hints');
// Node 20's node:wasi crashes now and then after a program has grown its
// memory by a few tens of MB (SIGSEGV in a later WASI call or at exit: about
// half the runs of `xs = [0] * 4000000; print(len(xs))` here, a C program
// doing the same alike). It goes away without V8's fast API calls, the path
// node:wasi's functions take when wasm calls them (Node issue 53087 reports
// the same crash), which here costs nothing measurable.
if (knownV8) v8.setFlagsFromString('--no-turbo-fast-api-calls');
const t0 = performance.now();
const bytes = await readFile(wasmPath);
let module;
try {
  module = await WebAssembly.compile(bytes);
} catch (e) {
  if (!hints || !(e instanceof WebAssembly.CompileError)) throw e;
  v8.setFlagsFromString('--no-experimental-wasm-compilation-hints');
  module = await WebAssembly.compile(bytes);
}
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
// From here V8 compiles only to tier hot functions up, on its worker threads
// (Node has four), several functions at once. On a machine with few cores
// they took the program's own core: matmul's run varied from 9 to 15 ms on
// two cores, and was 6 to 9 ms with tier-up left one core to itself.
if (!optimize && knownV8) v8.setFlagsFromString(`--wasm-num-compilation-tasks=${Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1)}`);
const t1 = performance.now();
process.exitCode = wasi.start(instance);
// bench/run separates Node's start-up and compilation from the program's own time.
if (process.env.MOLT_WASI_TIMING)
  process.stderr.write(`molt-wasi-timing compile_ms=${(t1 - t0).toFixed(3)} run_ms=${(performance.now() - t1).toFixed(3)}\n`);
