// What each Molt command does, as data: the command table (checked against
// package.json's `contributes.commands` by test/commands.test.ts), the
// `molt.build` request sent to the server and how its answer is read, and the
// CLI argument lists for the task provider and fallbacks. Pure: no `vscode`.
import * as path from 'path';

export const CATEGORY = 'Molt';

export const COMMANDS = {
  buildNative: { id: 'molt.buildNative', title: 'Build native' },
  buildWasm: { id: 'molt.buildWasm', title: 'Build wasm' },
  doctorFix: { id: 'molt.doctorFix', title: 'Doctor: fix all safe problems' },
  showLayout: { id: 'molt.showLayout', title: 'Show struct layout' },
  restartServer: { id: 'molt.restartServer', title: 'Restart server' },
  showOutput: { id: 'molt.showOutput', title: 'Show output' },
} as const;

export type CommandKey = keyof typeof COMMANDS;

/** The server's build command (`workspace/executeCommand`). */
export const SERVER_BUILD_COMMAND = 'molt.build';
/** The code action kind whose edits are the doctor's safe fixes. */
export const FIX_ALL_KIND = 'source.fixAll.molt';

export type BuildTarget = 'native' | 'wasm';

/** Parameters of `workspace/executeCommand` for a build of one file. */
export function buildRequest(uri: string, target: BuildTarget, output?: string) {
  const arg: { uri: string; target: BuildTarget; output?: string } = { uri, target };
  if (output) arg.output = output;
  return { command: SERVER_BUILD_COMMAND, arguments: [arg] };
}

/**
 * The built artefact named in the server's answer: a path string, or an object
 * with `output` / `path` (a file path) or `uri` (a file URI).
 */
export function buildResultPath(result: unknown): string | undefined {
  if (typeof result === 'string' && result) return result.startsWith('file://') ? fileUriToPath(result) : result;
  if (result && typeof result === 'object') {
    const r = result as Record<string, unknown>;
    for (const key of ['output', 'path']) if (typeof r[key] === 'string' && r[key]) return r[key] as string;
    if (typeof r.uri === 'string' && r.uri.startsWith('file://')) return fileUriToPath(r.uri);
  }
  return undefined;
}

/** True when the server answered that it has no build backend yet (then the CLI is tried). */
export function isBuildUnavailable(message: string): boolean {
  return /not available/i.test(message);
}

export function fileUriToPath(uri: string): string {
  return decodeURIComponent(new URL(uri).pathname);
}

/** Where a build of `file` goes by default: next to it, `.py` dropped (native) or replaced by `.wasm`. */
export function defaultBuildOutput(file: string, target: BuildTarget): string {
  const stem = path.join(path.dirname(file), path.basename(file, path.extname(file)));
  return target === 'wasm' ? `${stem}.wasm` : stem;
}

/** `molt build` argument list (the CLI fallback and the `build` task). */
export function cliBuildArgs(file: string, target: BuildTarget, output = defaultBuildOutput(file, target)): string[] {
  const args = ['build', file, '-o', output];
  if (target === 'wasm') args.push('--target', 'wasm');
  return args;
}

export function cliLayoutArgs(file: string): string[] {
  return ['check', '--emit=layout', file];
}

export function cliDoctorFixArgs(file: string): string[] {
  return ['doctor', '--fix', file];
}

/** A `molt` task definition (package.json `taskDefinitions`). */
export interface MoltTaskDefinition {
  type: 'molt';
  command: 'check' | 'doctor' | 'build';
  file?: string;
  target?: BuildTarget;
}

/** The CLI arguments a `molt` task runs; undefined when the definition is unusable. */
export function taskArgs(def: MoltTaskDefinition): string[] | undefined {
  const file = def.file && def.file.trim() ? def.file : undefined;
  switch (def.command) {
    case 'check':
      return ['check', file ?? '.'];
    case 'doctor':
      return cliDoctorFixArgs(file ?? '.');
    case 'build':
      return file ? cliBuildArgs(file, def.target ?? 'native') : undefined;
    default:
      return undefined;
  }
}

/** The tasks offered without a tasks.json: check the workspace and build the active file. */
export function defaultTaskDefinitions(activeFile?: string): { name: string; def: MoltTaskDefinition }[] {
  const out: { name: string; def: MoltTaskDefinition }[] = [{ name: 'check workspace', def: { type: 'molt', command: 'check' } }];
  if (activeFile) {
    out.push({ name: `build ${path.basename(activeFile)} (native)`, def: { type: 'molt', command: 'build', file: activeFile, target: 'native' } });
    out.push({ name: `build ${path.basename(activeFile)} (wasm)`, def: { type: 'molt', command: 'build', file: activeFile, target: 'wasm' } });
  }
  return out;
}
