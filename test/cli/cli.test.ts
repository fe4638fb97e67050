import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { siteYml, writeSite } from '../helpers/site.ts';

const broken = `-- content/site.yml --
${siteYml()}
-- content/news/1.md --
---
title: یک
shenaseh: 1
date: 1393-12-30
service: سیاسی
---
متن.
-- content/news/2.md --
---
title: [دو
---
متن.
`;

describe('bayegan CLI', () => {
  it('reports every content error as path:line:col with a rule id, writes nothing and exits 1', async () => {
    const root = writeSite(broken);
    const { code, err } = await run(['build', '--root', root]);
    expect(code).toBe(1);
    expect(err).toContain('content/news/1.md:4:7: error: Unexpected day `30`, expected 1–29: Esfand 1393 has 29 days [date-invalid]');
    expect(err).toContain('content/news/2.md:2:8: error: Unexpected end of a `[` list, expected a closing `]` [yaml-syntax]');
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('builds a valid site and exits 0', async () => {
    const root = writeSite(broken.replace('1393-12-30', '1399-12-30').split('-- content/news/2.md --')[0]!);
    const { code, out } = await run(['build', '--root', root]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Built 1 articles into dist\//);
    expect(existsSync(path.join(root, 'dist/news/1/index.html'))).toBe(true);
  });

  it('prints what it repaired in a damaged cache', async () => {
    const root = writeSite(broken.replace('1393-12-30', '1399-12-30').split('-- content/news/2.md --')[0]!);
    expect((await run(['build', '--root', root])).code).toBe(0);
    const htmlRoot = path.join(root, '.cache/html');
    for (const body of readdirSync(htmlRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      writeFileSync(path.join(body.parentPath, body.name), 'damaged');
    }
    for (const shard of readdirSync(path.join(root, '.cache/sources')).filter((n) => n.endsWith('.meta.ndjson'))) {
      writeFileSync(path.join(root, '.cache/sources', shard), 'garbage\n');
    }
    writeFileSync(path.join(root, 'content/site.yml'), readFileSync(path.join(root, 'content/site.yml'), 'utf8').replace('آزمایش', 'آزمون'));
    const { code, err } = await run(['build', '--root', root]);
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: 1 damaged entry in the cache \(\.cache\/sources\/\) ignored and rebuilt\.$/m);
  });

  it('exits 2 on a usage error', async () => {
    expect((await run(['publish'])).code).toBe(2);
    expect((await run(['check', '--format', 'xml'])).code).toBe(2);
  });
});
