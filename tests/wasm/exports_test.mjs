// Instantiates a Molt-built wasm32-wasi module under node:wasi, runs its
// `_start`, then calls its @molt.export functions through the canonical ABI
// (strings in linear memory via cabi_realloc, string results through a
// {ptr, len} return area and cabi_post_NAME).
// usage: node exports_test.mjs MOLT FIXTURE_DIR
import { WASI } from 'node:wasi';
import { readFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const [, , molt, fixtures] = process.argv;
const dir = await mkdtemp(path.join(tmpdir(), 'molt-exports-'));
const wasmPath = path.join(dir, 'exports.wasm');
execFileSync(molt, ['build', '--target', 'wasm', path.join(fixtures, 'exports.py'), '-o', wasmPath]);

const out = [];
const wasi = new WASI({ version: 'preview1', args: ['exports.py'], env: {}, returnOnExit: true,
  stdout: 1, stderr: 2 });
const module = await WebAssembly.compile(await readFile(wasmPath));
const names = WebAssembly.Module.exports(module).map((e) => e.name).sort();
assert.deepEqual(names, ['_start', 'add', 'cabi_post_greet', 'cabi_realloc', 'fail', 'greet', 'hypot', 'is_even',
  'memory', 'shout']);
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const x = instance.exports;

// Before _start, the module's globals do not exist yet: the call traps (its
// message goes to stderr, which node:wasi refuses before start()).
assert.throws(() => x.add(1n, 2n));
assert.equal(wasi.start(instance), 0);

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });
function lowerString(s) {
  const bytes = enc.encode(s);
  const p = x.cabi_realloc(0, 0, 1, bytes.length);
  new Uint8Array(x.memory.buffer, p, bytes.length).set(bytes);
  return [p, bytes.length];
}
function liftString(ret) {
  const [p, n] = new Uint32Array(x.memory.buffer, ret, 2);
  return dec.decode(new Uint8Array(x.memory.buffer, p, n));
}
function greet(name) {
  const ret = x.greet(...lowerString(name));
  const s = liftString(ret);
  x.cabi_post_greet(ret);
  return s;
}

assert.equal(greet('Node'), 'Hello, Node! (call 2)');           // _start called it once
assert.equal(greet('héllo ☃ 𝄞'), 'Hello, héllo ☃ 𝄞! (call 3)'); // UTF-8 both ways
assert.equal(x.add(2n, 40n), 42n);
assert.equal(x.add(-(2n ** 62n), -(2n ** 62n)), -(2n ** 63n));  // through the runtime's big ints
assert.equal(x.hypot(3, 4), 5);
assert.ok(Number.isNaN(x.hypot(NaN, 1)));
assert.equal(x.is_even(10n), 1);
assert.equal(x.is_even(7n), 0);
// An int result beyond s64 and an uncaught exception both trap (after the
// traceback on stderr); the module stays usable.
assert.throws(() => x.add(2n ** 63n - 1n, 1n), WebAssembly.RuntimeError);
assert.throws(() => x.fail(0n), WebAssembly.RuntimeError);
assert.equal(x.fail(5n), 2n);
for (let i = 0; i < 2000; i++) greet('x'.repeat(i % 50));          // no leak-driven growth past a few pages
assert.ok(x.memory.buffer.byteLength < 64 * 1024 * 1024, `memory grew to ${x.memory.buffer.byteLength}`);
console.log('exports test passed');
