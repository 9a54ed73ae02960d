// `molt check` output (`file:line:col: severity[code]: message`) as data: the
// task provider's problem matcher (package.json `problemMatchers`, which must
// use PROBLEM_PATTERN — test/problems.test.ts checks it) and the CLI build
// fallback both read it. Also the language status summary. Pure.

export const PROBLEM_PATTERN = '^(.+?):(\\d+):(\\d+): (error|warning|note)\\[([a-z0-9-]+)\\]: (.*)$';
const PROBLEM_RE = new RegExp(PROBLEM_PATTERN);

export type Severity = 'error' | 'warning' | 'note';

export interface Problem {
  file: string;
  /** 1-based, as printed. */
  line: number;
  /** 1-based, as printed. */
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

export function parseProblems(output: string): Problem[] {
  const out: Problem[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const m = PROBLEM_RE.exec(raw);
    if (!m) continue;
    out.push({ file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4] as Severity, code: m[5], message: m[6] });
  }
  return out;
}

/** The language status summary of one file from its Molt diagnostics' severities. */
export function compileSummary(severities: Severity[]): { text: string; blockers: number } {
  const blockers = severities.filter((s) => s === 'error').length;
  if (blockers === 0) return { text: 'compiles natively', blockers };
  return { text: `${blockers} blocker${blockers === 1 ? '' : 's'}`, blockers };
}
