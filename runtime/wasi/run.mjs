// run.mjs - runs a wasm32-wasi program under node:wasi.
// usage: node --no-warnings run.mjs prog.wasm [args...]
// argv, stdin/stdout/stderr and the exit code pass through; the current
// directory is preopened as "." and "/" as "/" so open() works on local files.
import { WASI } from 'node:wasi';
import { readFile } from 'node:fs/promises';
import process from 'node:process';

const [, , wasmPath, ...args] = process.argv;
if (!wasmPath) {
  console.error('usage: node run.mjs prog.wasm [args...]');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args: [wasmPath, ...args],
  env: {},
  preopens: { '.': process.cwd(), '/': '/' },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
