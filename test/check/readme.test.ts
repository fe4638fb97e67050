import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/index.ts';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('the README diagnostics table', () => {
  it('lists exactly the rule ids bayegan can report, each with its default severity', () => {
    const section = readme.slice(readme.indexOf('## Diagnostics'), readme.indexOf('\n## ', readme.indexOf('## Diagnostics') + 1));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [m[1]!, m[2]!]);
    const registered = Object.entries(RULES).map(([id, rule]) => [id, rule.severity]);
    expect(rows.sort()).toEqual(registered.sort());
  });
});

describe('the README quick start', () => {
  it('is two commands, one that builds the sample archive and one that runs the tests, and CI runs that test command', () => {
    const section = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block.trim().split('\n').map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm ci && npm run build', 'npm test']);
    const ci = readFileSync(path.resolve(import.meta.dirname, '../../.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^(?:[A-Z_]+=\S+ )*npm test$/m);
  });
});
