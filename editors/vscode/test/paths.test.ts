import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PathEnv, expandPath, findOnPath, resolveCliPath, resolveServerPath } from '../src/paths';

function fakeEnv(files: string[], dirs: string[] = [], over: Partial<PathEnv> = {}): PathEnv {
  return {
    pathVar: '/usr/local/bin:/usr/bin',
    home: '/home/u',
    workspaceFolder: '/ws',
    extensionPath: '/ext',
    isFile: (p) => files.includes(p),
    isDirectory: (p) => dirs.includes(p),
    delimiter: ':',
    ...over,
  };
}

test('expandPath expands ~ and ${workspaceFolder} and resolves relative paths from the workspace', () => {
  const env = fakeEnv([]);
  assert.equal(expandPath('~/molt/build', env), '/home/u/molt/build');
  assert.equal(expandPath('${workspaceFolder}/build/server/molt-lsp', env), '/ws/build/server/molt-lsp');
  assert.equal(expandPath('build/server/molt-lsp', env), '/ws/build/server/molt-lsp');
  assert.equal(expandPath('  /abs/molt-lsp ', env), '/abs/molt-lsp');
  assert.equal(expandPath('rel', { ...env, workspaceFolder: undefined }), '/home/u/rel');
});

test('molt.path naming the binary wins over PATH', () => {
  const env = fakeEnv(['/opt/molt-lsp', '/usr/bin/molt-lsp']);
  assert.deepEqual(resolveServerPath('/opt/molt-lsp', env), { path: '/opt/molt-lsp', how: 'molt.path' });
});

test('molt.path naming a build folder finds server/molt-lsp inside it', () => {
  const env = fakeEnv(['/src/molt/build/server/molt-lsp'], ['/src/molt/build']);
  assert.equal(resolveServerPath('/src/molt/build', env).path, '/src/molt/build/server/molt-lsp');
});

test('a molt.path that does not exist is reported, not silently replaced by PATH', () => {
  const env = fakeEnv(['/usr/bin/molt-lsp']);
  const r = resolveServerPath('/nope/molt-lsp', env);
  assert.equal(r.path, undefined);
  assert.match(r.how, /does not exist/);
});

test('empty molt.path: PATH first, then bin/ next to the extension', () => {
  assert.deepEqual(resolveServerPath('', fakeEnv(['/usr/bin/molt-lsp', '/ext/bin/molt-lsp'])), { path: '/usr/bin/molt-lsp', how: 'PATH' });
  assert.deepEqual(resolveServerPath(undefined, fakeEnv(['/ext/bin/molt-lsp'])), { path: '/ext/bin/molt-lsp', how: 'next to the extension' });
  const none = resolveServerPath('  ', fakeEnv([]));
  assert.equal(none.path, undefined);
  assert.match(none.how, /set molt\.path/);
});

test('findOnPath takes the first PATH entry that has the file and skips empty entries', () => {
  const env = fakeEnv(['/b/molt', '/c/molt'], [], { pathVar: ':/a:/b:/c' });
  assert.equal(findOnPath('molt', env), '/b/molt');
  assert.equal(findOnPath('other', env), undefined);
});

test('the CLI is found next to the server: same folder or ../cli/molt of a build tree', () => {
  const tree = fakeEnv(['/b/server/molt-lsp', '/b/cli/molt', '/usr/bin/molt']);
  assert.equal(resolveCliPath('', '/b/server/molt-lsp', tree).path, '/b/cli/molt');
  const flat = fakeEnv(['/opt/bin/molt-lsp', '/opt/bin/molt']);
  assert.equal(resolveCliPath(undefined, '/opt/bin/molt-lsp', flat).path, '/opt/bin/molt');
  assert.deepEqual(resolveCliPath(undefined, undefined, fakeEnv(['/usr/bin/molt'])), { path: '/usr/bin/molt', how: 'PATH' });
  assert.equal(resolveCliPath('/b', undefined, fakeEnv(['/b/cli/molt'], ['/b'])).path, '/b/cli/molt');
  assert.equal(resolveCliPath('/x/molt', '/b/server/molt-lsp', tree).path, undefined);
});
