// Packages the compiled extension as a .vsix with @vscode/vsce.
// Usage: node scripts/package.mjs [OUT.vsix]
// Default output: <repo>/build/editors/vscode/molt-vscode.vsix (build dirs
// are git-ignored; a .vsix is never committed). MOLT_VSIX overrides it too.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extDir = path.resolve(here, '..');
const out = path.resolve(
  process.argv[2] ?? process.env.MOLT_VSIX ?? path.join(extDir, '../../build/editors/vscode/molt-vscode.vsix'));
mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(extDir, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath,
  [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out],
  { cwd: extDir, stdio: 'inherit' });
console.log(out);
