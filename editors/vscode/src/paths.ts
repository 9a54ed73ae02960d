// Finds the binaries the extension runs: the `molt-lsp` server (setting
// `molt.path`) and the `molt` CLI (setting `molt.cliPath`). Pure logic over an
// injected file-system view, so it is unit-tested without VS Code
// (test/paths.test.ts); extension.ts passes the real one.
import * as path from 'path';

export const SERVER_NAME = 'molt-lsp';
export const CLI_NAME = 'molt';

/** What path lookup may ask of the machine. */
export interface PathEnv {
  /** The PATH variable (':'-separated on POSIX). */
  pathVar: string;
  home: string;
  /** First workspace folder, if any: base of relative settings. */
  workspaceFolder?: string;
  /** Folder the extension is installed in. */
  extensionPath: string;
  isFile(p: string): boolean;
  isDirectory(p: string): boolean;
  /** Path separator for PATH; ':' unless on Windows. */
  delimiter?: string;
}

/** Expands `~` and `${workspaceFolder}` and makes the path absolute. */
export function expandPath(value: string, env: PathEnv): string {
  let p = value.trim();
  if (p === '~' || p.startsWith('~/')) p = path.join(env.home, p.slice(1));
  if (env.workspaceFolder) p = p.split('${workspaceFolder}').join(env.workspaceFolder);
  if (!path.isAbsolute(p)) p = path.resolve(env.workspaceFolder ?? env.home, p);
  return p;
}

/** Finds an executable named `name` on PATH. */
export function findOnPath(name: string, env: PathEnv): string | undefined {
  for (const dir of env.pathVar.split(env.delimiter ?? path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (env.isFile(candidate)) return candidate;
  }
  return undefined;
}

export interface Resolved {
  path?: string;
  /** Where the path came from, or why nothing was found: shown in the output channel. */
  how: string;
}

/**
 * The server binary: `molt.path` when set (a file, or a build folder holding
 * server/molt-lsp or molt-lsp), else molt-lsp on PATH, else bin/molt-lsp next
 * to the extension.
 */
export function resolveServerPath(configured: string | undefined, env: PathEnv): Resolved {
  if (configured && configured.trim()) {
    const p = expandPath(configured, env);
    if (env.isDirectory(p)) {
      for (const c of [path.join(p, 'server', SERVER_NAME), path.join(p, SERVER_NAME), path.join(p, 'bin', SERVER_NAME)])
        if (env.isFile(c)) return { path: c, how: `molt.path folder ${p}` };
      return { how: `molt.path is the folder ${p}, which has no ${SERVER_NAME} (looked in ., server/, bin/)` };
    }
    if (env.isFile(p)) return { path: p, how: 'molt.path' };
    return { how: `molt.path ${p} does not exist` };
  }
  const onPath = findOnPath(SERVER_NAME, env);
  if (onPath) return { path: onPath, how: 'PATH' };
  const bundled = path.join(env.extensionPath, 'bin', SERVER_NAME);
  if (env.isFile(bundled)) return { path: bundled, how: 'next to the extension' };
  return { how: `${SERVER_NAME} is not on PATH nor in ${path.dirname(bundled)}; set molt.path` };
}

/**
 * The CLI: `molt.cliPath` when set, else `molt` next to the server (same
 * folder, or ../cli/molt as in a CMake build tree), else PATH.
 */
export function resolveCliPath(configured: string | undefined, serverPath: string | undefined, env: PathEnv): Resolved {
  if (configured && configured.trim()) {
    const p = expandPath(configured, env);
    if (env.isDirectory(p)) {
      for (const c of [path.join(p, 'cli', CLI_NAME), path.join(p, CLI_NAME), path.join(p, 'bin', CLI_NAME)])
        if (env.isFile(c)) return { path: c, how: `molt.cliPath folder ${p}` };
      return { how: `molt.cliPath is the folder ${p}, which has no ${CLI_NAME}` };
    }
    if (env.isFile(p)) return { path: p, how: 'molt.cliPath' };
    return { how: `molt.cliPath ${p} does not exist` };
  }
  if (serverPath) {
    const dir = path.dirname(serverPath);
    for (const c of [path.join(dir, CLI_NAME), path.join(dir, '..', 'cli', CLI_NAME)])
      if (env.isFile(c)) return { path: path.normalize(c), how: 'next to molt-lsp' };
  }
  const onPath = findOnPath(CLI_NAME, env);
  if (onPath) return { path: onPath, how: 'PATH' };
  return { how: `${CLI_NAME} is not next to molt-lsp nor on PATH; set molt.cliPath` };
}
