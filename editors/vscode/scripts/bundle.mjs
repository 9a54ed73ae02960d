// Bundles src/extension.ts and vscode-languageclient into dist/extension.js
// (one file, so the .vsix needs no node_modules). `vscode` is provided by
// the extension host.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  sourcemap: false,
  logLevel: 'warning',
});
