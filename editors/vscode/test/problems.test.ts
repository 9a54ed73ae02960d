import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { PROBLEM_PATTERN, compileSummary, parseProblems } from '../src/problems';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));

// What `molt check` prints (tests/cli golden style): a header line per problem, then a snippet.
const CHECK_OUTPUT = `m8/demo.py:10:11: error[missing-annotation]: parameter \`p\` of \`scale\` has no type annotation
   |
10 | def scale(p, k: int) -> Point:
   |           ^
   = help: Molt compiles typed signatures: annotate the parameter (\`molt doctor\` can infer it from call sites)
src/a b.py:3:1: warning[possibly-none]: \`x\` may be None here
molt: found 1 error and 1 warning in 2 of 2 files
`;

test('parses molt check problem lines and skips snippets and the summary', () => {
  assert.deepEqual(parseProblems(CHECK_OUTPUT), [
    { file: 'm8/demo.py', line: 10, column: 11, severity: 'error', code: 'missing-annotation', message: 'parameter `p` of `scale` has no type annotation' },
    { file: 'src/a b.py', line: 3, column: 1, severity: 'warning', code: 'possibly-none', message: '`x` may be None here' },
  ]);
});

test('the package.json problem matcher uses the same pattern and groups', () => {
  const m = pkg.contributes.problemMatchers.find((p: { name: string }) => p.name === 'molt');
  assert.ok(m, 'problem matcher `molt` is contributed');
  assert.equal(m.pattern.regexp, PROBLEM_PATTERN);
  assert.deepEqual([m.pattern.file, m.pattern.line, m.pattern.column, m.pattern.severity, m.pattern.code, m.pattern.message], [1, 2, 3, 4, 5, 6]);
  // Not `molt`: that is the language client's diagnostic collection, which a task run would clear.
  assert.equal(m.owner, 'molt-check');
});

test('compile summary: no errors compiles natively, errors are blockers', () => {
  assert.deepEqual(compileSummary([]), { text: 'compiles natively', blockers: 0 });
  assert.deepEqual(compileSummary(['warning', 'note']), { text: 'compiles natively', blockers: 0 });
  assert.deepEqual(compileSummary(['error']), { text: '1 blocker', blockers: 1 });
  assert.deepEqual(compileSummary(['error', 'warning', 'error']), { text: '2 blockers', blockers: 2 });
});
