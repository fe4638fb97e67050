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
