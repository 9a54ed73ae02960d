// Loads app.wasm (examples/browser/app.py built by `molt build --target wasm`)
// with @bjorn3/browser_wasi_shim, runs its `_start` (the module body) with
// stdout and stderr shown in the page, then calls its `@molt.export` function
// `greet(name: str) -> str` from the form.
//
// Exports follow the component model's canonical ABI: a str argument is
// UTF-8 bytes that the host allocates with `cabi_realloc(0, 0, 1, len)` and
// writes into `memory`, passed as (ptr, len); a str result is a pointer to a
// {ptr: u32, len: u32} pair, released with `cabi_post_<name>` once read.
// Exports may be called only after `_start` ran.
import { WASI, File, OpenFile, ConsoleStdout } from '@bjorn3/browser_wasi_shim';

const stdoutPanel = document.getElementById('stdout');
const status = document.getElementById('status');
const form = document.getElementById('greet-form');
const nameInput = document.getElementById('name');
const button = document.getElementById('greet');
const result = document.getElementById('result');

// The last line the module wrote to stderr: after a trap in an export, the
// final line of the Python traceback ("ValueError: ...").
let lastStderrLine = '';

function showLine(line, className) {
  const span = document.createElement('span');
  if (className) span.className = className;
  span.textContent = `${line}\n`;
  stdoutPanel.append(span);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Copies `text` into the module's memory: returns the (ptr, len) pair of a str parameter. */
function lowerString(exports, text) {
  const bytes = encoder.encode(text);
  const ptr = exports.cabi_realloc(0, 0, 1, bytes.length);
  new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
  return [ptr, bytes.length];
}

/** Reads the str a function returned through its {ptr, len} return area. */
function liftString(exports, retArea) {
  const [ptr, len] = new Uint32Array(exports.memory.buffer, retArea, 2);
  return decoder.decode(new Uint8Array(exports.memory.buffer, ptr, len));
}

/** Calls a `(str) -> str` export and frees its result. */
function callStringExport(exports, name, text) {
  const retArea = exports[name](...lowerString(exports, text));
  try {
    return liftString(exports, retArea);
  } finally {
    exports[`cabi_post_${name}`](retArea);
  }
}

async function load() {
  const fds = [
    new OpenFile(new File([])), // stdin: empty
    ConsoleStdout.lineBuffered((line) => showLine(line)),
    ConsoleStdout.lineBuffered((line) => {
      lastStderrLine = line;
      showLine(line, 'stderr');
    }),
  ];
  const wasi = new WASI(['app.wasm'], [], fds, { debug: false });
  const response = await fetch('./app.wasm');
  if (!response.ok) throw new Error(`fetching app.wasm: HTTP ${response.status} (build it first, see README.md)`);
  // compile() rather than compileStreaming(): it does not depend on the
  // server sending application/wasm.
  const module = await WebAssembly.compile(await response.arrayBuffer());
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  const exitCode = wasi.start(instance);
  if (exitCode !== 0) throw new Error(`app.wasm exited with code ${exitCode}`);
  return instance.exports;
}

try {
  const exports = await load();
  status.textContent = 'app.wasm ran to completion; its exports are ready.';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lastStderrLine = '';
    try {
      result.className = '';
      result.textContent = callStringExport(exports, 'greet', nameInput.value);
    } catch (e) {
      // An uncaught Python exception prints its traceback to stderr, then
      // the call traps; the module stays usable.
      result.className = 'error';
      result.textContent = lastStderrLine ? `greet raised ${lastStderrLine}` : `greet failed: ${e}`;
      console.error(e);
    }
  });
  button.disabled = false;
  nameInput.focus();
} catch (e) {
  status.textContent = `Could not run app.wasm: ${e.message ?? e}`;
  status.className = 'stderr';
  console.error(e);
}
