import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/index.ts';
import { ContentFailure } from '../../src/diagnostics/index.ts';
import { build, siteYml, writeSite } from '../helpers/site.ts';
import { snapshot } from '../helpers/snapshot.ts';

const site = `-- content/site.yml --
${siteYml()}
-- content/news/1/1.md --
---
title: یک
shenaseh: 1
date: 1400-01-01
service: سیاسی
tags: [الف]
---
متن یک.
-- content/news/1/2.md --
---
title: دو
shenaseh: 2
date: 1400-01-02
service: سیاسی
tags: [ب]
---
متن دو.
`;

describe('writing dist/', () => {
  it('leaves the previous dist/ byte-identical, times included, when a build fails', async () => {
    const root = writeSite(site);
    const first = await build(root);
    const before = snapshot(first.dist);
    writeFileSync(path.join(root, 'content/news/1/2.md'), '---\ntitle: دو\nshenaseh: 1\ndate: 1400-13-01\nservice: سیاسی\n---\nمتن.\n');
    const failure = await buildProject({ root }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ContentFailure);
    expect(snapshot(first.dist)).toEqual(before);
    expect(readdirSync(root)).not.toContain('.dist.staging');
  });

  it('removes files of earlier builds; never a file it did not make, nor one it cannot tell it made once the cache is gone', async () => {
    const root = writeSite(site);
    const first = await build(root);
    expect(first.exists('tag/ب/index.html')).toBe(true);
    // Article 2 and its tag go: their pages are stale.
    rmSync(path.join(root, 'content/news/1/2.md'));
    const second = await build(root);
    expect(second.exists('news/2/index.html')).toBe(false);
    expect(second.exists('tag/ب/index.html')).toBe(false);
    expect(existsSync(path.join(second.dist, 'tag/ب'))).toBe(false);
    // A hand-made file is kept, and said so.
    mkdirSync(path.join(first.dist, 'leftover'), { recursive: true });
    writeFileSync(path.join(first.dist, 'leftover/old.html'), 'hand-made');
    const third = await build(root);
    expect(third.read('leftover/old.html')).toBe('hand-made');
    expect(third.result.warnings.join('\n')).toContain('Kept 1 file in the output folder that bayegan did not make: `leftover/old.html`');
    // Article 2 comes back and goes again while .cache/ (bayegan's record of what it made) is
    // gone: its page can no longer be told from a hand-made file, so it is kept, and said so.
    writeFileSync(path.join(root, 'content/news/1/2.md'), site.split('-- content/news/1/2.md --\n')[1]!);
    await build(root);
    rmSync(path.join(root, 'content/news/1/2.md'));
    rmSync(path.join(root, '.cache'), { recursive: true });
    const fourth = await build(root);
    expect(fourth.exists('news/2/index.html')).toBe(true);
    expect(fourth.read('leftover/old.html')).toBe('hand-made');
    expect(fourth.result.warnings.join('\n')).toMatch(/^Kept \d+ files in the output folder that this build does not make: .*`news\/2\/index\.html`.*was lost/m);
    expect(fourth.exists('news/1/index.html')).toBe(true);
    // Deleting the output folder once gives the clean site.
    rmSync(fourth.dist, { recursive: true });
    const clean = await build(root);
    expect(clean.exists('news/2/index.html')).toBe(false);
    expect(clean.result.warnings).toEqual([]);
  });

  it('does not rewrite unchanged files', async () => {
    const root = writeSite(site);
    const first = await build(root);
    const before = snapshot(first.dist);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(path.join(root, 'content/news/1/2.md'), site.split('-- content/news/1/2.md --\n')[1]!.replace('متن دو.', 'متن دوم، ویرایش‌شده.'));
    const second = await build(root);
    const after = snapshot(second.dist);
    expect(after['news/2/index.html']!.bytes).not.toEqual(before['news/2/index.html']!.bytes);
    // Article 1's page does not show article 2's body, so it is untouched: same bytes, same time.
    expect(after['news/1/index.html']).toEqual(before['news/1/index.html']);
    expect(after['tags/index.html']).toEqual(before['tags/index.html']);
    expect(second.result.rendered).toBe(1);
  });

  it('gives byte-identical output from a cold and a warm build', async () => {
    const root = writeSite(site);
    const cold = snapshot((await build(root, { out: 'cold', cache: '.cache-a' })).dist);
    await build(root, { out: 'warm', cache: '.cache-b' });
    const warm = snapshot((await build(root, { out: 'warm', cache: '.cache-b' })).dist);
    const bytes = (s: typeof cold) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.bytes]));
    expect(bytes(warm)).toEqual(bytes(cold));
  });
});
