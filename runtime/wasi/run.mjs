// run.mjs - runs a wasm32-wasi program under node:wasi.
// usage: node --no-warnings run.mjs [--argv0=NAME] prog.wasm [args...]
// argv, stdin/stdout/stderr and the exit code pass through. The host file
// system is preopened as "/" and PWD carries the working directory, which
// molt_runtime_init chdir()s into, so relative and absolute paths behave as
// on the host.
import { WASI } from 'node:wasi';
import { readFile } from 'node:fs/promises';
import process from 'node:process';

let rest = process.argv.slice(2);
let argv0 = null;
if (rest.length > 0 && rest[0].startsWith('--argv0=')) {
  argv0 = rest[0].slice('--argv0='.length);
  rest = rest.slice(1);
}
const [wasmPath, ...args] = rest;
if (!wasmPath) {
  console.error('usage: node run.mjs [--argv0=NAME] prog.wasm [args...]');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args: [argv0 ?? wasmPath, ...args],
  env: { PWD: process.cwd() },
  preopens: { '/': '/' },
  returnOnExit: true,
});
const t0 = performance.now();
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const t1 = performance.now();
process.exitCode = wasi.start(instance);
// bench/run separates Node's start-up and compilation from the program's own time.
if (process.env.MOLT_WASI_TIMING)
  process.stderr.write(`molt-wasi-timing compile_ms=${(t1 - t0).toFixed(3)} run_ms=${(performance.now() - t1).toFixed(3)}\n`);
