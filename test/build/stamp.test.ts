import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEpochMs } from '../../src/persian/index.ts';
import { build, siteYml, writeSite } from '../helpers/site.ts';

// The up-to-date shortcut trusts only known code: the CLI bundle names itself; tests name themselves.
beforeAll(() => {
  process.env.BAYEGAN_CODE_VERSION = 'stamp-test';
});
afterAll(() => {
  delete process.env.BAYEGAN_CODE_VERSION;
});

const now = toEpochMs({ jy: 1400, jm: 1, jd: 10, hour: 12, minute: 0 }, 'Asia/Tehran');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e3e35a0000000049454e44ae426082', 'hex');

function site(): string {
  const root = writeSite(`-- content/site.yml --
${siteYml()}
-- content/news/1.md --
---
title: یک
shenaseh: 1
date: 1400-01-01
service: سیاسی
image: 1.png
---
متن یک.
-- content/news/2.md --
---
title: دو
shenaseh: 2
date: 1400-01-09 08:00
service: سیاسی
---
متن دو.
`);
  writeFileSync(path.join(root, 'content/news/1.png'), png);
  return root;
}

describe('a build with nothing new', () => {
  it('stops after looking when no input changed and dist/ is intact', async () => {
    const root = site();
    expect((await build(root, { now })).result.upToDate).toBe(false);
    const again = await build(root, { now });
    expect(again.result.upToDate).toBe(true);
    expect(again.result.files).toBeGreaterThan(10);
    expect(again.exists('news/1/index.html')).toBe(true);
  });

  it('builds again for a changed source, settings, template, image, or a file missing from dist/', async () => {
    const root = site();
    await build(root, { now });
    const changes: Array<[string, () => void]> = [
      ['source', () => writeFileSync(path.join(root, 'content/news/2.md'), readFileSync(path.join(root, 'content/news/2.md'), 'utf8') + '\nبند تازه.\n')],
      ['settings', () => writeFileSync(path.join(root, 'content/site.yml'), readFileSync(path.join(root, 'content/site.yml'), 'utf8').replace('title: آزمایش', 'title: آزمون'))],
      ['image', () => utimesSync(path.join(root, 'content/news/1.png'), new Date(), new Date(Date.now() + 5000))],
      ['dist', () => rmSync(path.join(root, 'dist/news/2/index.html'))],
    ];
    for (const [what, change] of changes) {
      change();
      const rebuilt = await build(root, { now });
      expect(rebuilt.result.upToDate, what).toBe(false);
      expect(rebuilt.exists('news/2/index.html'), what).toBe(true);
      expect((await build(root, { now })).result.upToDate, `${what}, then nothing`).toBe(true);
    }
    expect((await build(root, { now })).read('news/2/index.html')).toContain('بند تازه');
  });

  it('builds again when the clock moves a recent article out of the news sitemap', async () => {
    const root = site();
    await build(root, { now });
    expect((await build(root, { now })).read('news-sitemap.xml')).toContain('/news/2/');
    const later = now + 2 * 24 * 60 * 60 * 1000;
    const moved = await build(root, { now: later });
    expect(moved.result.upToDate).toBe(false);
    expect(moved.read('news-sitemap.xml')).not.toContain('/news/2/');
  });
});
