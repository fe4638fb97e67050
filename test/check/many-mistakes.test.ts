import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.ts';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { run } from '../helpers/cli.ts';
import { build, writeSite } from '../helpers/site.ts';
import { snapshot } from '../helpers/snapshot.ts';
import { archive, expected } from './archive-with-mistakes.ts';

/** The archive with only its valid articles (and the files named in `keep`). */
function withoutMistakes(keep: string[] = []): string {
  const root = writeSite(archive);
  rmSync(path.join(root, 'content/news/ok/100.md'));
  for (const file of readdirSync(path.join(root, 'content/news'))) {
    if (/^2\d\d\.md$/.test(file) && !keep.includes(file)) rmSync(path.join(root, 'content/news', file));
  }
  return root;
}

describe('an archive with a mistake of every kind', () => {
  // 1403-01-01 00:00 in Tehran: date-future is judged against it.
  pinSourceDateEpoch(1710880200);

  it('reports every mistake once, at its line, in one run, and exits 1', async () => {
    const { code, out } = await run(['check', '--root', writeSite(archive), '--format', 'json']);
    const found = out.trim().split('\n').map((line) => JSON.parse(line) as Diagnostic);
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(expected);
    expect(code).toBe(1);
  });

  it('names both files of a duplicate shenaseh', async () => {
    const { out } = await run(['check', '--root', writeSite(archive), '--format', 'json']);
    const duplicate = out.trim().split('\n').map((line) => JSON.parse(line) as Diagnostic).find((d) => d.ruleId === 'duplicate-shenaseh');
    expect(duplicate).toMatchObject({ file: 'content/news/206.md', line: 3, related: { file: 'content/news/ok/100.md', line: 3, column: 11 } });
  });

  it('prints GitHub annotations for CI', async () => {
    const { out } = await run(['check', '--root', writeSite(archive), '--format', 'github']);
    expect(out).toContain('::error file=content/news/202.md,line=4,col=7,title=date-invalid::Unexpected month `13`, expected 1–12');
    expect(out).toContain('::warning file=content/news/214.md,line=4,col=7,title=date-future::');
    expect(out.trim().split('\n').filter((l) => l.startsWith('::'))).toHaveLength(expected.length);
  });

  it('with --strict, fails on warnings alone', async () => {
    const root = withoutMistakes(['214.md']);
    expect((await run(['check', '--root', root])).code).toBe(0);
    expect((await run(['check', '--root', root, '--strict'])).code).toBe(1);
  });

  it('makes build write nothing: a previous dist/ stays byte-identical, times included', async () => {
    const root = withoutMistakes();
    const first = await build(root);
    const before = snapshot(first.dist);
    writeSite(archive, root);
    const { code, err } = await run(['build', '--root', root]);
    expect(code).toBe(1);
    expect(err).toContain('content/news/202.md:4:7: error: Unexpected month `13`, expected 1–12 [date-invalid]');
    expect(snapshot(first.dist)).toEqual(before);
  });
});
