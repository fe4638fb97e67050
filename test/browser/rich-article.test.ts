/// <reference lib="dom" />
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, serveSample, type ServedSample } from './browser.ts';

// An article the sample does not have: a body image, nested lists, a quote, a wide table, code,
// a long URL, raw HTML, two footnotes, a time, an update, a source and an author.
describe.skipIf(!browserAvailable)('an article with everything Markdown allows', () => {
  let sample: ServedSample;

  beforeAll(async () => {
    sample = await serveSample(path.join(import.meta.dirname, 'rich-article'));
  });

  afterAll(async () => {
    await sample?.close();
  });

  it('passes every axe-core rule in both themes and never scrolls sideways', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
        const page = await sample.browser.newPage({ viewport, colorScheme: scheme });
        await page.goto(`${sample.origin}/news/30001/`, { waitUntil: 'networkidle' });
        const violations = await axeViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        found.push(...violations.map((v: string) => `${scheme} ${viewport.width}: ${v}`));
        if (overflow !== 0) found.push(`${scheme} ${viewport.width}: ${overflow} px too wide`);
        await page.close();
      }
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('shows its body image in the size it reserved, from a WebP copy', async () => {
    const page = await sample.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${sample.origin}/news/30001/`, { waitUntil: 'networkidle' });
    const image = await page.$eval('.article-body picture img', (img) => {
      const box = img.getBoundingClientRect();
      const i = img as HTMLImageElement;
      return { skew: Math.abs(box.width / box.height - i.naturalWidth / i.naturalHeight), current: i.currentSrc.split('/').pop(), lazy: i.loading };
    });
    expect(image.skew).toBeLessThan(0.02);
    expect(image).toMatchObject({ current: expect.stringMatching(/^30001-chart\.png\.(360|540|640)w\.webp$/), lazy: 'lazy' });
    await page.close();
  });
});
