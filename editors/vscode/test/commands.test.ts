import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  CATEGORY,
  COMMANDS,
  FIX_ALL_KIND,
  buildRequest,
  buildResultPath,
  cliBuildArgs,
  defaultBuildOutput,
  defaultTaskDefinitions,
  isBuildUnavailable,
  taskArgs,
} from '../src/commands';

const root = path.join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const extensionSource = readFileSync(path.join(root, 'src/extension.ts'), 'utf8');

test('every command is contributed under the Molt category with its title, and nothing else is', () => {
  const contributed = pkg.contributes.commands as { command: string; title: string; category: string }[];
  assert.deepEqual(
    contributed.map((c) => [c.command, c.title, c.category]).sort(),
    Object.values(COMMANDS).map((c) => [c.id, c.title, CATEGORY]).sort(),
  );
});

test('every command is registered by the extension', () => {
  const registered = [...extensionSource.matchAll(/reg\('(\w+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(registered, Object.keys(COMMANDS).sort());
});

test('settings the issue names are contributed', () => {
  const props = pkg.contributes.configuration.properties;
  for (const key of ['molt.path', 'molt.trace.server', 'molt.check.onType', 'molt.debounceMs', 'molt.ignore', 'molt.cliPath'])
    assert.ok(props[key], `${key} is contributed`);
  assert.deepEqual(props['molt.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('the extension activates on Python files and bundles to dist/extension.js', () => {
  assert.ok(pkg.activationEvents.includes('onLanguage:python'));
  assert.equal(pkg.main, './dist/extension.js');
  assert.ok(pkg.contributes.taskDefinitions.some((t: { type: string }) => t.type === 'molt'));
});

test('molt.build request: one argument with the file URI and target', () => {
  assert.deepEqual(buildRequest('file:///w/a.py', 'native'), { command: 'molt.build', arguments: [{ uri: 'file:///w/a.py', target: 'native' }] });
  assert.deepEqual(buildRequest('file:///w/a.py', 'wasm', '/tmp/a.wasm').arguments[0], { uri: 'file:///w/a.py', target: 'wasm', output: '/tmp/a.wasm' });
  assert.equal(FIX_ALL_KIND, 'source.fixAll.molt');
});

test('molt.build answers are read as a path, an {output}/{path} object or a file URI', () => {
  assert.equal(buildResultPath('/w/a'), '/w/a');
  assert.equal(buildResultPath({ output: '/w/a' }), '/w/a');
  assert.equal(buildResultPath({ path: '/w/a.wasm' }), '/w/a.wasm');
  assert.equal(buildResultPath({ uri: 'file:///w/my%20app' }), '/w/my app');
  assert.equal(buildResultPath('file:///w/b'), '/w/b');
  assert.equal(buildResultPath(null), undefined);
  assert.equal(buildResultPath({ ok: true }), undefined);
  assert.equal(isBuildUnavailable('molt build is not available yet'), true);
  assert.equal(isBuildUnavailable('error[missing-annotation]'), false);
});

test('CLI builds go next to the file', () => {
  assert.equal(defaultBuildOutput('/w/app.py', 'native'), '/w/app');
  assert.equal(defaultBuildOutput('/w/app.py', 'wasm'), '/w/app.wasm');
  assert.deepEqual(cliBuildArgs('/w/app.py', 'native'), ['build', '/w/app.py', '-o', '/w/app']);
  assert.deepEqual(cliBuildArgs('/w/app.py', 'wasm'), ['build', '/w/app.py', '-o', '/w/app.wasm', '--target', 'wasm']);
});

test('molt tasks: check/doctor default to the workspace, build needs a file', () => {
  assert.deepEqual(taskArgs({ type: 'molt', command: 'check' }), ['check', '.']);
  assert.deepEqual(taskArgs({ type: 'molt', command: 'check', file: 'src' }), ['check', 'src']);
  assert.deepEqual(taskArgs({ type: 'molt', command: 'doctor', file: 'a.py' }), ['doctor', '--fix', 'a.py']);
  assert.equal(taskArgs({ type: 'molt', command: 'build' }), undefined);
  assert.deepEqual(taskArgs({ type: 'molt', command: 'build', file: '/w/a.py' }), ['build', '/w/a.py', '-o', '/w/a']);
  assert.deepEqual(defaultTaskDefinitions().map((t) => t.name), ['check workspace']);
  assert.deepEqual(defaultTaskDefinitions('/w/a.py').map((t) => t.def.command), ['check', 'build', 'build']);
});
