import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { resizeCounts } from '../../src/pages/images/index.ts';
import { build, siteYml, writeSite } from '../helpers/site.ts';

async function png(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
}

const site = `-- content/site.yml --
${siteYml()}
-- content/news/1.md --
---
title: خبر با تصویر
shenaseh: 1
date: 1400-01-01
service: سیاسی
image: 1.png
caption: زیرنویس تصویر
---
متن خبر.

![نمودار](1-chart.png)
`;

describe('responsive images across builds', () => {
  it('resizes each copy once: a build with a warm cache reads them, and a changed image is resized and shown again', async () => {
    const root = writeSite(site);
    writeFileSync(path.join(root, 'content/news/1.png'), await png(800, 600, '#336699'));
    writeFileSync(path.join(root, 'content/news/1-chart.png'), await png(400, 300, '#996633'));
    const before = { ...resizeCounts };
    const first = await build(root);
    const made = resizeCounts.made - before.made;
    // 800 px: 360, 540, 720, 800 and three thumbnails; 400 px: 360 and 400.
    expect(made).toBe(9);
    const page = first.read('news/1/index.html');
    expect(page).toContain('<img src="/news/1/1.png" width="800" height="600" alt="" fetchpriority="high" decoding="async">');
    expect(page).toContain('srcset="/news/1/1.png.360w.webp 360w, /news/1/1.png.540w.webp 540w, /news/1/1.png.720w.webp 720w, /news/1/1.png.800w.webp 800w"');
    expect(page).toContain('<img src="/news/1/1-chart.png" width="400" height="300" alt="نمودار" loading="lazy" decoding="async">');
    expect(page).toContain('<meta property="og:image" content="https://test.example/news/1/1.png">');
    expect(page).toContain('<meta property="og:image:alt" content="زیرنویس تصویر">');
    expect((await sharp(readFileSync(path.join(first.dist, 'news/1/1.png.540w.webp'))).metadata()).width).toBe(540);

    rmSync(first.dist, { recursive: true });
    const middle = { ...resizeCounts };
    const again = await build(root);
    expect(resizeCounts.made - middle.made).toBe(0);
    expect(resizeCounts.cached - middle.cached).toBe(9);
    expect(again.read('news/1/index.html')).toBe(page);

    writeFileSync(path.join(root, 'content/news/1.png'), await png(1000, 500, '#cc3399'));
    const changed = await build(root);
    const now = changed.read('news/1/index.html');
    expect(now).toContain('<img src="/news/1/1.png" width="1000" height="500"');
    expect(now).toContain('/news/1/1.png.1000w.webp 1000w');
    expect(changed.read('index.html')).toContain('/news/1/1.png.1000w.webp 1000w');
    expect((await sharp(readFileSync(path.join(changed.dist, 'news/1/1.png.thumb120.webp'))).stats()).channels[0]!.mean).toBeGreaterThan(150);
  });

  it('builds again when the site’s own share image changes, even with nothing else new', async () => {
    process.env.BAYEGAN_CODE_VERSION = 'images-test';
    try {
      const root = writeSite(`-- content/site.yml --
${siteYml('image: brand/share.png\n')}
-- content/news/2.md --
---
title: خبر
shenaseh: 2
date: 1400-01-01
service: سیاسی
---
متن.
`);
      mkdirSync(path.join(root, 'content/brand'));
      writeFileSync(path.join(root, 'content/brand/share.png'), await png(1200, 630, '#004466'));
      const first = await build(root);
      const before = /og:image" content="([^"]+)"/.exec(first.read('news/2/index.html'))![1];
      expect((await build(root)).result.upToDate).toBe(true);
      writeFileSync(path.join(root, 'content/brand/share.png'), await png(1000, 500, '#446600'));
      const again = await build(root);
      expect(again.result.upToDate).toBe(false);
      const after = /og:image" content="([^"]+)"/.exec(again.read('news/2/index.html'))![1];
      expect(after).not.toBe(before);
      expect(again.read('news/2/index.html')).toContain('<meta property="og:image:width" content="1000">');
    } finally {
      delete process.env.BAYEGAN_CODE_VERSION;
    }
  });
});
