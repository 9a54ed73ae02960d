// End-to-end test of molt-lsp against a real LSP client library:
// vscode-languageserver-protocol (the client side VS Code itself uses).
// Opens a file with a diagnostic, receives it, asks for code actions,
// applies the `# molt: ignore[...]` quick fix as an incremental edit, and
// checks the diagnostic clears; then shutdown/exit with status 0.
//
// The npm package is installed on first run into a cache outside the repo
// ($MOLT_TEST_CACHE or ~/.cache/molt-test/lsp-node). If it cannot be
// installed (npm or the registry unreachable) the test FAILS and says why.
//
// usage: node e2e_node.mjs path/to/molt-lsp
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PKG = 'vscode-languageserver-protocol@3.17.5';
const server = process.argv[2];
if (!server || !fs.existsSync(server)) fail(`molt-lsp not found: ${server}`);

const cache = process.env.MOLT_TEST_CACHE || path.join(os.homedir(), '.cache', 'molt-test', 'lsp-node');
const marker = path.join(cache, 'node_modules', 'vscode-languageserver-protocol', 'package.json');
if (!fs.existsSync(marker)) {
  fs.mkdirSync(cache, { recursive: true });
  console.log(`installing ${PKG} into ${cache}`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', cache, PKG], { encoding: 'utf8', timeout: 90000 });
  if (r.error || r.status !== 0 || !fs.existsSync(marker)) {
    fail(`cannot install ${PKG} from npm (needed for this test): ${r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
  }
}
const require = createRequire(path.join(cache, 'index.js'));
const lsp = require('vscode-languageserver-protocol/node');

function fail(msg) {
  console.error(`FAIL: ${msg}`);
  process.exit(1);
}
const timer = setTimeout(() => fail('timed out after 30 s'), 30000);

const uri = 'file:///tmp/molt-e2e/example.py';
let text = "label = 'café ☕'\n\ndef f(x: int) -> int:\n    return x + 'a'\n";

const proc = spawn(server, [], { stdio: ['pipe', 'pipe', 'inherit'] });
proc.on('error', (e) => fail(`cannot start molt-lsp: ${e.message}`));
const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));

const waiters = [];
const published = [];
conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
  published.push(p);
  for (const w of waiters.splice(0)) w();
});
conn.onNotification(lsp.LogMessageNotification.type, () => {});
conn.listen();

function diagnosticsFor(version) {
  return new Promise((resolve) => {
    const check = () => {
      const p = published.find((x) => x.uri === uri && x.version === version);
      if (p) resolve(p);
      else waiters.push(check);
    };
    check();
  });
}

// Applies LSP edits (UTF-16 positions, which are JS string indices within a line).
function offsetAt(s, pos) {
  let off = 0;
  for (let l = 0; l < pos.line; l++) {
    const nl = s.indexOf('\n', off);
    if (nl < 0) return s.length;
    off = nl + 1;
  }
  const end = s.indexOf('\n', off);
  return Math.min(off + pos.character, end < 0 ? s.length : end);
}

function expect(cond, msg) {
  if (!cond) fail(msg);
}

(async () => {
  const init = await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, codeAction: {} } },
    initializationOptions: { debounceMs: 10 },
  });
  expect(init.capabilities.positionEncoding === 'utf-16', `positionEncoding ${init.capabilities.positionEncoding}`);
  expect(init.capabilities.textDocumentSync.change === lsp.TextDocumentSyncKind.Incremental, 'incremental sync');
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'python', version: 1, text },
  });

  const first = await diagnosticsFor(1);
  expect(first.diagnostics.length === 1, `expected 1 diagnostic, got ${JSON.stringify(first.diagnostics)}`);
  const diag = first.diagnostics[0];
  expect(diag.code === 'unsupported-operator' && diag.source === 'molt', `diagnostic ${JSON.stringify(diag)}`);
  expect(diag.range.start.line === 3 && diag.range.start.character === 11, `range ${JSON.stringify(diag.range)}`);
  console.log(`received: ${diag.code}: ${diag.message}`);

  const hover = await conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
  expect(hover && hover.contents.value.includes('label: str'), `hover ${JSON.stringify(hover)}`);

  const actions = await conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag], only: [lsp.CodeActionKind.QuickFix] },
  });
  const ignore = actions.find((a) => a.title.startsWith('Ignore'));
  expect(ignore && ignore.kind === 'quickfix', `no ignore quick fix in ${JSON.stringify(actions)}`);
  const edits = ignore.edit.changes[uri];
  expect(edits && edits.length === 1, 'one edit');
  const e = edits[0];
  const a = offsetAt(text, e.range.start), b = offsetAt(text, e.range.end);
  text = text.slice(0, a) + e.newText + text.slice(b);
  console.log(`applied: ${JSON.stringify(e.newText)}`);
  await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: e.range, text: e.newText }],
  });
  const second = await diagnosticsFor(2);
  expect(second.diagnostics.length === 0, `diagnostic did not clear: ${JSON.stringify(second.diagnostics)}`);
  console.log('cleared');

  const build = await conn.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'molt.build', arguments: [{ uri, target: 'native' }] })
    .then(() => null, (err) => err);
  // The document was never saved: molt.build refuses clearly rather than building stale text.
  expect(build && build.code === -32803 && build.message.includes('save'), `molt.build: ${build && build.message}`);

  // A saved file builds for wasm: the artifact is a wasm module next to it.
  const wdir = fs.mkdtempSync(path.join(os.tmpdir(), 'molt-lsp-wasm-'));
  const wfile = path.join(wdir, 'app.py');
  fs.writeFileSync(wfile, 'def twice(n: int) -> int:\n    return 2 * n\n\n\nprint(twice(21))\n');
  const wbuild = await conn.sendRequest(lsp.ExecuteCommandRequest.type,
    { command: 'molt.build', arguments: [{ uri: 'file://' + wfile, target: 'wasm' }] }).then((r) => r, (err) => err);
  const wpath = wbuild && wbuild.path;
  expect(wpath === path.join(wdir, 'app.wasm') && fs.readFileSync(wpath).subarray(0, 4).equals(Buffer.from('\0asm')),
    `molt.build wasm: ${JSON.stringify(wbuild)}`);
  const bad = await conn.sendRequest(lsp.ExecuteCommandRequest.type,
    { command: 'molt.build', arguments: [{ uri: 'file://' + wfile, target: 'riscv' }] }).then(() => null, (err) => err);
  expect(bad && bad.code === -32602, `molt.build unknown target: ${bad && bad.message}`);
  fs.rmSync(wdir, { recursive: true, force: true });

  const exited = new Promise((resolve) => proc.on('exit', resolve));
  await conn.sendRequest(lsp.ShutdownRequest.type);
  await conn.sendNotification(lsp.ExitNotification.type);
  const code = await exited;
  expect(code === 0, `molt-lsp exited with ${code}`);
  console.log('PASS: stdio');
  await overTcp();
  clearTimeout(timer);
  console.log('PASS: node client end-to-end');
  process.exit(0);
})().catch((err) => fail(err && err.stack ? err.stack : String(err)));

// The same server over TCP: `--port 0` picks a free port and says which on stderr.
async function overTcp() {
  const p = spawn(server, ['--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let err = '';
    p.stderr.on('data', (d) => {
      err += d;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    p.on('exit', (c) => reject(new Error(`molt-lsp --port exited early (${c}): ${err}`)));
  });
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => { socket.on('connect', resolve); socket.on('error', reject); });
  const c = lsp.createProtocolConnection(new lsp.SocketMessageReader(socket), new lsp.SocketMessageWriter(socket));
  const got = [];
  c.onNotification(lsp.PublishDiagnosticsNotification.type, (x) => got.push(x));
  c.listen();
  const init = await c.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
  expect(init.capabilities.positionEncoding === 'utf-8', 'tcp: utf-8 negotiated');
  await c.sendNotification(lsp.InitializedNotification.type, {});
  await c.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text: "s = 'é'\nt = 'é' + 1\n" } });
  const hover = await c.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
  expect(hover && hover.contents.value.includes('s: str'), `tcp hover ${JSON.stringify(hover)}`);
  expect(got.length === 1 && got[0].diagnostics[0].range.end.character === 12, `tcp diagnostics in utf-8 ${JSON.stringify(got)}`);
  const exited = new Promise((resolve) => p.on('exit', resolve));
  await c.sendRequest(lsp.ShutdownRequest.type);
  await c.sendNotification(lsp.ExitNotification.type);
  const code = await exited;
  expect(code === 0, `molt-lsp --port exited with ${code}`);
  socket.destroy();
  console.log('PASS: tcp');
}
