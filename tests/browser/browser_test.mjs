// Opens examples/browser in headless Chromium and checks it end to end: the
// page loads app.wasm (built here with the given molt) through
// @bjorn3/browser_wasi_shim, shows the module's stdout, and its Greet button
// calls the exported `greet(name: str) -> str`. Fails on any console error,
// page error, failed request or HTTP error status, and after a watchdog
// timeout rather than hanging.
// usage: node browser_test.mjs MOLT EXAMPLE_DIR
// env: NODE_MODULES (with playwright-core and @bjorn3/browser_wasi_shim),
//      CHROMIUM (the browser executable), ARTIFACTS (browser.png goes there).
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [, , molt, exampleDir] = process.argv;
const { NODE_MODULES, CHROMIUM, ARTIFACTS } = process.env;
const t0 = Date.now();
const log = (m) => console.log(`browser-test [${((Date.now() - t0) / 1000).toFixed(1)}s]: ${m}`);
function fail(message) {
  console.error(`browser-test: FAILED: ${message}`);
  process.exit(1);
}
if (!molt || !exampleDir || !NODE_MODULES || !CHROMIUM || !ARTIFACTS) {
  fail('usage: NODE_MODULES=... CHROMIUM=... ARTIFACTS=... node browser_test.mjs MOLT EXAMPLE_DIR (see run.sh)');
}
if (!existsSync(CHROMIUM)) fail(`no chromium at ${CHROMIUM}; install Debian's chromium or set CHROMIUM`);
// Whatever hangs (the browser, a wait), the test ends.
setTimeout(() => fail('watchdog: the test took longer than 120 s'), 120_000).unref();

const { chromium } = createRequire(path.join(NODE_MODULES, 'x.js'))('playwright-core');

// The page's stdout is the program's stdout: the same lines CPython prints for
// `python3 examples/browser/app.py`.
const EXPECTED_STDOUT = [
  'Hello from Python, compiled by Molt to wasm32-wasi!',
  'primes below 50: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47',
  'collatz(27): 111 steps, peaking at 9,232',
  '2 ** 100 = 1267650600228229401496703205376',
  "sample: 4 letters, 1 vowel, backwards 'tloM'",
].join('\n');

const tmp = mkdtempSync(path.join(tmpdir(), 'molt-browser-'));
const wasmPath = path.join(tmp, 'app.wasm');
log('molt build --target wasm app.py');
execFileSync(molt, ['build', '--target', 'wasm', path.join(exampleDir, 'app.py'), '-o', wasmPath], { stdio: 'inherit' });

// The page's files from EXAMPLE_DIR, /app.wasm from the temp dir and
// /node_modules/ (the import map's target) from the test's npm cache.
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
function resolveUrl(pathname) {
  if (pathname === '/app.wasm') return wasmPath;
  const [root, rest] = pathname.startsWith('/node_modules/')
    ? [NODE_MODULES, pathname.slice('/node_modules/'.length)]
    : [exampleDir, pathname === '/' ? 'index.html' : pathname.slice(1)];
  const file = path.resolve(root, rest);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}
const server = createServer((req, res) => {
  const file = resolveUrl(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (req.method !== 'GET' || !file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
log(`serving ${url}`);

const problems = [];
let browser;
let page;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 900, height: 760 } });
  page.setDefaultTimeout(15_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.stack ?? e}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  const check = (what) => {
    if (problems.length) throw new Error(`${what}:\n  ${problems.join('\n  ')}`);
  };

  await page.goto(url);
  log('waiting for the program output');
  const stdout = page.locator('#stdout');
  await stdout.getByText('sample: 4 letters').waitFor().catch((e) => {
    check('the page failed while loading');
    throw e;
  });
  const shown = (await stdout.innerText()).trimEnd();
  if (shown !== EXPECTED_STDOUT) throw new Error(`stdout differs:\n--- expected\n${EXPECTED_STDOUT}\n--- page\n${shown}`);
  if (await page.locator('#stdout .stderr').count()) throw new Error('the module wrote to stderr');
  check('after start');

  const result = page.locator('#result');
  async function greet(name, expected, submit) {
    await page.locator('#name').fill(name);
    if (submit === 'enter') await page.locator('#name').press('Enter');
    else await page.locator('#greet').click();
    await page.waitForFunction((want) => document.getElementById('result').textContent === want, expected, { timeout: 5000 })
      .catch(async () => {
        throw new Error(`greet(${JSON.stringify(name)}): expected ${JSON.stringify(expected)}, the page shows ${JSON.stringify(await result.textContent())}`);
      });
    check(`greet(${JSON.stringify(name)})`);
    log(`ok: greet(${JSON.stringify(name)}) -> ${expected}`);
  }
  await greet('Ada Lovelace', "Hello, Ada Lovelace! 11 letters, 6 vowels, backwards 'ecalevoL adA'. You are guest #1.");
  await greet('Zoë ☃ 𝄞', "Hello, Zoë ☃ 𝄞! 3 letters, 1 vowel, backwards '𝄞 ☃ ëoZ'. You are guest #2.", 'enter');
  await greet('   ', 'Hello, whoever you are! Type a name first.');
  await greet('  ada   lovelace ', "Hello, ada lovelace! 11 letters, 6 vowels, backwards 'ecalevol ada'. You are guest #3 (welcome back: visit 2).");

  await page.locator('#name').fill('Grace Hopper');
  await page.locator('#greet').click();
  await result.getByText('Hello, Grace Hopper!').waitFor();
  const shot = path.join(ARTIFACTS, 'browser.png');
  await page.screenshot({ path: shot, fullPage: true });
  log(`screenshot: ${shot}`);
  check('at the end');
} catch (e) {
  console.error(`browser-test: FAILED: ${e.message ?? e}`);
  if (page) {
    const shot = path.join(ARTIFACTS, 'browser-failure.png');
    await page.screenshot({ path: shot, fullPage: true }).then(() => console.error(`browser-test: screenshot of the failure: ${shot}`), () => {});
  }
  process.exitCode = 1;
} finally {
  await browser?.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}
if (!process.exitCode) console.log('browser test passed');
