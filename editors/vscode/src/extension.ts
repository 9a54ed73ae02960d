// The VS Code side of Molt: starts `molt-lsp` over stdio for Python files with
// vscode-languageclient, answers its `workspace/configuration` (section
// `molt`), and adds the Molt commands, the `molt` task type and a language
// status item. Decisions that can be tested without VS Code live in paths.ts,
// settings.ts, commands.ts and problems.ts; this file only wires them to the
// editor. Test hooks: the activation result (`MoltApi`) and, when the
// environment names a file in MOLT_VSCODE_TEST_STATE, a JSON snapshot of the
// same state rewritten on every change (what tests/vscode/e2e.mjs reads).
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import {
  BuildTarget,
  COMMANDS,
  FIX_ALL_KIND,
  MoltTaskDefinition,
  buildRequest,
  buildResultPath,
  cliBuildArgs,
  cliDoctorFixArgs,
  cliLayoutArgs,
  defaultTaskDefinitions,
  isBuildUnavailable,
  taskArgs,
} from './commands';
import { PathEnv, Resolved, resolveCliPath, resolveServerPath } from './paths';
import { Severity, compileSummary, parseProblems } from './problems';
import { SettingGetter, configurationItem, needsRestart, serverSettings } from './settings';

export interface DiagnosticSnapshot {
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  source?: string;
  line: number;
  character: number;
}

export interface BuildOutcome {
  ok: boolean;
  target: BuildTarget;
  file: string;
  output?: string;
  error?: string;
  via?: 'server' | 'cli';
}

/** What the extension returns from activate(): hooks for tests and other extensions. */
export interface MoltApi {
  isReady(): boolean;
  getDiagnostics(uri: string): DiagnosticSnapshot[];
  serverPath(): string | undefined;
  lastBuild(): BuildOutcome | undefined;
}

const LAYOUT_SCHEME = 'molt-layout';
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

/** The server's diagnostics (source `molt`); CLI build problems use `molt build`. */
const isMolt = (d: vscode.Diagnostic) => d.source === 'molt';

function configGetter(scope?: vscode.ConfigurationScope): SettingGetter {
  const cfg = vscode.workspace.getConfiguration('molt', scope);
  return <T>(key: string) => cfg.get<T>(key);
}

function realPathEnv(extensionPath: string): PathEnv {
  const isKind = (p: string, dir: boolean) => {
    try {
      const st = fs.statSync(p);
      return dir ? st.isDirectory() : st.isFile();
    } catch {
      return false;
    }
  };
  return {
    pathVar: process.env.PATH ?? '',
    home: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    extensionPath,
    isFile: (p) => isKind(p, false),
    isDirectory: (p) => isKind(p, true),
  };
}

function run(file: string, args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    cp.execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr || (err && !stdout ? err.message : '')) });
    });
  });
}

class MoltExtension implements MoltApi {
  private client: LanguageClient | undefined;
  private server: Resolved = { how: 'not resolved yet' };
  private readonly output: vscode.OutputChannel;
  private readonly buildProblems: vscode.DiagnosticCollection;
  private readonly serverStatus: vscode.LanguageStatusItem;
  private readonly fileStatus: vscode.LanguageStatusItem;
  private state = 'stopped';
  private build: BuildOutcome | undefined;
  private stateTimer: NodeJS.Timeout | undefined;
  private task: { name: string; exitCode: number | undefined } | undefined;
  private readonly layouts = new Map<string, string>();
  private readonly layoutChanged = new vscode.EventEmitter<vscode.Uri>();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Molt');
    this.buildProblems = vscode.languages.createDiagnosticCollection('molt-build');
    const selector: vscode.DocumentSelector = { language: 'python' };
    this.serverStatus = vscode.languages.createLanguageStatusItem('molt.server', selector);
    this.serverStatus.name = 'Molt server';
    this.serverStatus.command = { title: 'Show output', command: COMMANDS.showOutput.id };
    this.fileStatus = vscode.languages.createLanguageStatusItem('molt.file', selector);
    this.fileStatus.name = 'Molt compile status';
    context.subscriptions.push(this.output, this.buildProblems, this.serverStatus, this.fileStatus);
  }

  // ------------------------------------------------------------ MoltApi

  isReady(): boolean {
    return this.client?.state === State.Running && this.client.isRunning();
  }

  getDiagnostics(uri: string): DiagnosticSnapshot[] {
    const target = vscode.Uri.parse(uri).toString();
    const doc = vscode.languages.getDiagnostics().find(([u]) => u.toString() === target);
    return (doc?.[1] ?? []).filter(isMolt).map((d) => this.snapshot(d));
  }

  serverPath(): string | undefined {
    return this.server.path;
  }

  lastBuild(): BuildOutcome | undefined {
    return this.build;
  }

  // ------------------------------------------------------------ lifecycle

  async activate(): Promise<void> {
    const c = this.context;
    const reg = (key: keyof typeof COMMANDS, fn: () => unknown) =>
      c.subscriptions.push(vscode.commands.registerCommand(COMMANDS[key].id, fn));
    reg('buildNative', () => this.buildFile('native'));
    reg('buildWasm', () => this.buildFile('wasm'));
    reg('doctorFix', () => this.doctorFix());
    reg('showLayout', () => this.showLayout());
    reg('restartServer', () => this.restart());
    reg('showOutput', () => this.output.show(true));

    c.subscriptions.push(
      vscode.tasks.registerTaskProvider('molt', {
        provideTasks: () => this.provideTasks(),
        resolveTask: (t) => this.resolveTask(t),
      }),
      this.layoutChanged,
      vscode.workspace.registerTextDocumentContentProvider(LAYOUT_SCHEME, {
        onDidChange: this.layoutChanged.event,
        provideTextDocumentContent: (uri) => this.layouts.get(uri.toString()) ?? '',
      }),
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      vscode.languages.onDidChangeDiagnostics(() => this.updateFileStatus()),
      vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.definition.type !== 'molt') return;
        this.task = { name: e.execution.task.name, exitCode: e.exitCode };
        this.writeState();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateFileStatus()),
    );
    await this.start();
  }

  async deactivate(): Promise<void> {
    await this.stop();
  }

  private async start(): Promise<void> {
    this.server = resolveServerPath(vscode.workspace.getConfiguration('molt').get<string>('path'), realPathEnv(this.context.extensionPath));
    if (!this.server.path) {
      this.setState('not found');
      this.output.appendLine(`molt-lsp not started: ${this.server.how}`);
      void vscode.window.showErrorMessage(`Molt: ${this.server.how}`, 'Open settings').then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'molt.path');
      });
      return;
    }
    this.output.appendLine(`starting ${this.server.path} (${this.server.how})`);
    const serverOptions: ServerOptions = { command: this.server.path, args: [], options: { env: process.env } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'python' },
        { scheme: 'untitled', language: 'python' },
      ],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: serverSettings(configGetter()),
      middleware: {
        workspace: {
          configuration: (params) => params.items.map((item) => configurationItem(item.section, configGetter(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined))),
        },
      },
    };
    const client = new LanguageClient('molt', 'Molt', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      this.setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
    });
    this.setState('starting');
    try {
      await client.start();
    } catch (e) {
      this.setState('failed');
      this.output.appendLine(`molt-lsp failed to start: ${String(e)}`);
      void vscode.window.showErrorMessage(`Molt: molt-lsp failed to start (${String(e)})`, 'Show output').then((p) => p && this.output.show(true));
    }
  }

  private async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(2000);
      } catch (e) {
        this.output.appendLine(`stopping molt-lsp: ${String(e)}`);
      }
    }
    this.setState('stopped');
  }

  private async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration('molt')) return;
    const cfg = vscode.workspace.getConfiguration('molt');
    this.output.appendLine(`settings changed: molt.path=${JSON.stringify(cfg.inspect('path'))} molt.cliPath=${JSON.stringify(cfg.inspect('cliPath'))}`);
    if (needsRestart((s) => e.affectsConfiguration(s))) {
      // Restart only when the server binary really changes (an event can come
      // from a settings reload that leaves the value as it was).
      const next = resolveServerPath(vscode.workspace.getConfiguration('molt').get<string>('path'), realPathEnv(this.context.extensionPath));
      if (next.path !== this.server.path || !this.isReady()) void this.restart();
    } else if (this.isReady()) {
      // Pull model: an empty `settings` makes the server ask workspace/configuration again.
      void this.client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }
  }

  // ------------------------------------------------------------ status

  private setState(state: string): void {
    this.state = state;
    this.serverStatus.text = `molt-lsp: ${state}`;
    this.serverStatus.detail = this.server.path;
    this.serverStatus.severity =
      state === 'running' || state === 'starting' ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
    this.serverStatus.busy = state === 'starting';
    this.updateFileStatus();
  }

  private moltDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(isMolt);
  }

  private updateFileStatus(): void {
    this.computeFileStatus();
    this.writeState();
  }

  private computeFileStatus(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'python' || this.state !== 'running') {
      this.fileStatus.text = this.state === 'running' ? '' : 'Molt: no server';
      this.fileStatus.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const sev = this.moltDiagnostics(doc.uri).map((d) => (d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'note') as Severity);
    const s = compileSummary(sev);
    this.fileStatus.text = s.text;
    this.fileStatus.detail = s.blockers ? 'Molt: see the Problems panel; try Molt: Doctor' : 'Molt';
    this.fileStatus.severity = s.blockers ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.fileStatus.command = s.blockers ? { title: 'Doctor: fix', command: COMMANDS.doctorFix.id } : undefined;
  }

  private snapshot(d: vscode.Diagnostic): DiagnosticSnapshot {
    const code = typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
    return { code, message: d.message, severity: SEVERITY_NAMES[d.severity], source: d.source, line: d.range.start.line, character: d.range.start.character };
  }

  /** Test hook: rewrites $MOLT_VSCODE_TEST_STATE (debounced) with the current state. */
  private writeState(): void {
    const file = process.env.MOLT_VSCODE_TEST_STATE;
    if (!file) return;
    if (this.stateTimer) clearTimeout(this.stateTimer);
    this.stateTimer = setTimeout(() => {
      const diagnostics: Record<string, DiagnosticSnapshot[]> = {};
      for (const [uri, list] of vscode.languages.getDiagnostics()) {
        const molt = list.filter(isMolt);
        if (uri.scheme === 'file') diagnostics[uri.toString()] = molt.map((d) => this.snapshot(d));
      }
      const state = {
        ready: this.isReady(),
        server: this.state,
        serverPath: this.server.path,
        fileStatus: this.fileStatus.text,
        diagnostics,
        lastBuild: this.build,
        lastTask: this.task,
        time: new Date().toISOString(),
      };
      try {
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
        fs.renameSync(`${file}.tmp`, file);
      } catch (e) {
        this.output.appendLine(`test state: ${String(e)}`);
      }
    }, 50);
  }

  // ------------------------------------------------------------ commands

  private activePython(action: string): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'python') {
      void vscode.window.showErrorMessage(`Molt: open a Python file to ${action}`);
      return undefined;
    }
    return doc;
  }

  private cli(): Resolved {
    return resolveCliPath(vscode.workspace.getConfiguration('molt').get<string>('cliPath'), this.server.path, realPathEnv(this.context.extensionPath));
  }

  private async buildFile(target: BuildTarget): Promise<BuildOutcome | undefined> {
    const doc = this.activePython('build it');
    if (!doc) return undefined;
    if (doc.isDirty) await doc.save();
    const file = doc.uri.fsPath;
    this.buildProblems.delete(doc.uri);
    let outcome: BuildOutcome;
    try {
      outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Molt: building ${path.basename(file)} (${target})` },
        () => this.runBuild(doc, target),
      );
    } catch (e) {
      outcome = { ok: false, target, file, error: e instanceof Error ? e.message : String(e) };
    }
    this.build = outcome;
    this.writeState();
    this.output.appendLine(`build ${target} ${file}: ${outcome.ok ? `ok -> ${outcome.output}` : `failed: ${outcome.error}`}`);
    if (outcome.ok && outcome.output) {
      const out = outcome.output;
      const actions = target === 'native' ? ['Run', 'Reveal in Explorer'] : ['Reveal in Explorer'];
      void vscode.window.showInformationMessage(`Molt: built ${path.basename(out)} (${target})`, ...actions).then((pick) => {
        if (pick === 'Run') {
          const term = vscode.window.createTerminal({ name: `Molt: ${path.basename(out)}`, cwd: path.dirname(out) });
          term.show();
          term.sendText(`'${out.replace(/'/g, `'\\''`)}'`);
        } else if (pick === 'Reveal in Explorer') {
          void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(out));
        }
      });
    } else {
      void vscode.window.showErrorMessage(`Molt: build failed: ${outcome.error}`, 'Show output', 'Show problems').then((pick) => {
        if (pick === 'Show output') this.output.show(true);
        else if (pick === 'Show problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return outcome;
  }

  private async runBuild(doc: vscode.TextDocument, target: BuildTarget): Promise<BuildOutcome> {
    const file = doc.uri.fsPath;
    let serverError: string;
    if (this.client && this.isReady()) {
      try {
        const result = await this.client.sendRequest(ExecuteCommandRequest.type, buildRequest(doc.uri.toString(), target));
        const output = buildResultPath(result);
        if (!output) throw new Error(`molt.build answered without an output path: ${JSON.stringify(result)}`);
        return { ok: true, target, file, output, via: 'server' };
      } catch (e) {
        serverError = e instanceof Error ? e.message : String(e);
        if (!(e instanceof ResponseError && isBuildUnavailable(e.message))) throw e;
      }
    } else {
      serverError = 'molt-lsp is not running';
    }
    // The server has no build backend (yet): `molt build` from the CLI, when it has one.
    const cli = this.cli();
    if (!cli.path) throw new Error(`${serverError}; ${cli.how}`);
    const args = cliBuildArgs(file, target);
    const r = await run(cli.path, args, path.dirname(file));
    this.output.appendLine(`$ ${cli.path} ${args.join(' ')}\n${r.stdout}${r.stderr}`);
    if (r.code === 0) return { ok: true, target, file, output: args[3], via: 'cli' };
    if (/unknown command `build`/.test(r.stderr)) throw new Error(`${serverError}, and ${cli.path} has no \`build\` command`);
    if (r.code === 2) throw new Error(`${serverError}, and \`molt ${args.join(' ')}\` failed: ${(r.stderr || r.stdout).split('\n')[0]}`);
    this.publishBuildProblems(r.stdout + r.stderr, path.dirname(file));
    const first = (r.stderr || r.stdout).split('\n').find((l) => l.trim()) ?? `exit ${r.code}`;
    throw new Error(first);
  }

  /** CLI build errors go to the Problems panel (collection `molt-build`). */
  private publishBuildProblems(output: string, cwd: string): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of parseProblems(output)) {
      const file = path.resolve(cwd, p.file);
      const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
      const d = new vscode.Diagnostic(
        new vscode.Range(pos, pos),
        p.message,
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      d.code = p.code;
      d.source = 'molt build';
      byFile.set(file, [...(byFile.get(file) ?? []), d]);
    }
    for (const [file, list] of byFile) this.buildProblems.set(vscode.Uri.file(file), list);
  }

  private async doctorFix(): Promise<void> {
    const doc = this.activePython('fix it');
    if (!doc) return;
    if (this.isReady()) {
      const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
      const actions =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND)) ?? [];
      const kind = vscode.CodeActionKind.Source.append('fixAll').append('molt');
      const fixes = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && kind.contains(a.kind));
      let applied = 0;
      for (const a of fixes) if (a.edit && (await vscode.workspace.applyEdit(a.edit))) applied++;
      void vscode.window.showInformationMessage(applied ? 'Molt: applied the safe fixes' : 'Molt: no safe fixes to apply');
      return;
    }
    const cli = this.cli();
    if (!cli.path) {
      void vscode.window.showErrorMessage(`Molt: ${cli.how}`);
      return;
    }
    if (doc.isDirty) await doc.save();
    const r = await run(cli.path, cliDoctorFixArgs(doc.uri.fsPath), path.dirname(doc.uri.fsPath));
    this.output.appendLine(r.stdout + r.stderr);
    void vscode.window.showInformationMessage(`Molt doctor: ${(r.stdout || r.stderr).split('\n')[0]}`);
  }

  private async showLayout(): Promise<void> {
    const doc = this.activePython('show its struct layouts');
    if (!doc) return;
    const cli = this.cli();
    if (!cli.path) {
      void vscode.window.showErrorMessage(`Molt: ${cli.how}`);
      return;
    }
    if (doc.isDirty) await doc.save();
    const r = await run(cli.path, cliLayoutArgs(doc.uri.fsPath), path.dirname(doc.uri.fsPath));
    const body = r.stdout.trim() ? r.stdout : `no struct layout for ${path.basename(doc.uri.fsPath)}\n\n${r.stderr}`;
    // A read-only virtual document (no "save changes?" when it is closed).
    const uri = vscode.Uri.from({ scheme: LAYOUT_SCHEME, path: `/${path.basename(doc.uri.fsPath)} layout`, query: doc.uri.toString() });
    this.layouts.set(uri.toString(), body);
    this.layoutChanged.fire(uri);
    const shown = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  // ------------------------------------------------------------ tasks

  private makeTask(def: MoltTaskDefinition, name: string, scope: vscode.WorkspaceFolder | vscode.TaskScope): vscode.Task | undefined {
    const cli = this.cli();
    const args = taskArgs(def);
    if (!args) return undefined;
    const exec = new vscode.ProcessExecution(cli.path ?? 'molt', args);
    const task = new vscode.Task(def, scope, name, 'molt', exec, '$molt');
    task.group = def.command === 'build' ? vscode.TaskGroup.Build : undefined;
    return task;
  }

  private provideTasks(): vscode.Task[] {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const active = vscode.window.activeTextEditor?.document;
    const file = active?.languageId === 'python' && active.uri.scheme === 'file' ? active.uri.fsPath : undefined;
    const tasks: vscode.Task[] = [];
    for (const { name, def } of defaultTaskDefinitions(file)) {
      const t = this.makeTask(def, name, folder ?? vscode.TaskScope.Workspace);
      if (t) tasks.push(t);
    }
    return tasks;
  }

  private resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as MoltTaskDefinition;
    return this.makeTask(def, task.name, task.scope ?? vscode.TaskScope.Workspace);
  }
}

let extension: MoltExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MoltApi> {
  extension = new MoltExtension(context);
  await extension.activate();
  return extension;
}

export async function deactivate(): Promise<void> {
  await extension?.deactivate();
  extension = undefined;
}
