/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, axeViolations, browserAvailable, serveSample, type ServedSample } from './browser.ts';

// The pages the issue names: home, a service, a tag, the tags list, a month, an article with an
// image, one with a table and footnotes, and 404.
const AUDITED = ['/', '/service/international/', '/tag/فوتبال/', '/tags/', '/archive/1397/05/', '/news/21016/', '/news/22024/', '/404.html'];
const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

async function open(sample: ServedSample, url: string, options: { width: number; height: number; scheme?: 'light' | 'dark' }): Promise<Page> {
  const page = await sample.browser.newPage({ viewport: { width: options.width, height: options.height }, colorScheme: options.scheme ?? 'light' });
  await page.goto(sample.origin + encodeURI(url), { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe.skipIf(!browserAvailable)('the reader’s side of the sample archive', () => {
  let sample: ServedSample;

  beforeAll(async () => {
    sample = await serveSample();
  });

  afterAll(async () => {
    await sample?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes every axe-core rule, AAA contrast included, in the ${scheme} theme`, async () => {
      const found: string[] = [];
      for (const url of AUDITED) {
        for (const size of SIZES) {
          const page = await open(sample, url, { ...size, scheme });
          const violations = await axeViolations(page);
          found.push(...violations.map((v: string) => `${url} at ${size.width} px: ${v}`));
          await page.close();
        }
      }
      expect(found).toEqual([]);
    }, 600_000);
  }

  it('never scrolls sideways at 360×740 and 1280×800', async () => {
    const wide: string[] = [];
    for (const url of [...AUDITED, '/news/21014/', '/archive/', '/page/1/']) {
      for (const size of SIZES) {
        const page = await open(sample, url, size);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow !== 0) wide.push(`${url} at ${size.width} px: ${overflow} px too wide`);
        await page.close();
      }
    }
    expect(wide).toEqual([]);
  }, 300_000);

  it('keeps every table header cell to at most two lines at 360 px, and lets the table scroll in its own box', async () => {
    for (const url of ['/news/22024/', '/news/21014/']) {
      const page = await open(sample, url, SIZES[0]!);
      const cells = await page.$$eval('.article-body th', (ths) =>
        ths.map((th) => ({ lines: th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight), text: th.textContent })),
      );
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.lines, `${url} «${cell.text}»`).toBeLessThanOrEqual(2.6);
      const box = await page.$eval('.table-scroll', (el) => ({ scrolls: el.scrollWidth >= el.clientWidth, overflow: getComputedStyle(el).overflowX }));
      expect(box).toEqual({ scrolls: true, overflow: 'auto' });
      await page.close();
    }
  });

  it('shows more than three headlines in a phone’s first screen on the home and every service page', async () => {
    const services = ['politics', 'economy', 'international', 'society', 'culture', 'sports', 'science'].map((slug) => `/service/${slug}/`);
    for (const url of ['/', ...services]) {
      const page = await open(sample, url, SIZES[0]!);
      const visible = await page.$$eval('.lead-story-title a, .card-title a', (links) =>
        links.filter((a) => {
          const box = a.getBoundingClientRect();
          return box.bottom <= window.innerHeight && box.height > 0;
        }).length,
      );
      expect(visible, url).toBeGreaterThan(3);
      await page.close();
    }
  });

  it('never repeats on the first "older" page what the page before it showed', async () => {
    for (const url of ['/', '/service/international/', '/tag/فوتبال/']) {
      const page = await open(sample, url, SIZES[1]!);
      const seen = await page.$$eval('main .lead-story-title a, main .card-title a', (links) => links.map((a) => a.getAttribute('href')));
      const older = await page.$eval('a[rel="next"].older', (a) => a.getAttribute('href')).catch(() => undefined);
      if (older) {
        await page.goto(sample.origin + older, { waitUntil: 'load' });
        const next = await page.$$eval('main .card-title a', (links) => links.map((a) => a.getAttribute('href')));
        expect(next.length, url).toBeGreaterThan(0);
        expect(next.filter((href) => seen.includes(href)), url).toEqual([]);
      }
      await page.close();
    }
  });

  it('gives the lead image its final box before the image arrives (no layout shift)', async () => {
    const page = await sample.browser.newPage({ viewport: SIZES[0]! });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\.(webp|png|jpg)$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${sample.origin}/news/21016/`, { waitUntil: 'domcontentloaded' });
    const box = () => page.$eval('.lead-image img', (img) => ({ width: Math.round(img.getBoundingClientRect().width), height: Math.round(img.getBoundingClientRect().height), loaded: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0 }));
    const before = await box();
    release();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.lead-image img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const after = await box();
    expect(before.loaded).toBe(false);
    expect(before.height).toBeGreaterThan(100);
    expect({ width: before.width, height: before.height }).toEqual({ width: after.width, height: after.height });
    await page.close();
  });

  it('works without JavaScript: share links are plain links, the copy link is the article’s address', async () => {
    const context = await sample.browser.newContext({ javaScriptEnabled: false, viewport: SIZES[0]! });
    const page = await context.newPage();
    await page.goto(`${sample.origin}/news/21016/`);
    const links = await page.$$eval('.share a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([
      expect.stringMatching(/^https:\/\/t\.me\/share\/url\?url=https%3A%2F%2Fbayegan\.example%2Fnews%2F21016%2F&text=/),
      expect.stringMatching(/^https:\/\/wa\.me\/\?text=.+https%3A%2F%2Fbayegan\.example%2Fnews%2F21016%2F$/),
      expect.stringMatching(/^https:\/\/x\.com\/intent\/post\?url=https%3A%2F%2Fbayegan\.example%2Fnews%2F21016%2F&text=/),
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fbayegan.example%2Fnews%2F21016%2F',
      'https://bayegan.example/news/21016/',
    ]);
    await context.close();
  });

  it('copies the article’s address with the script', async () => {
    const context = await sample.browser.newContext({ viewport: SIZES[0]!, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${sample.origin}/news/21016/`, { waitUntil: 'networkidle' });
    await page.click('.share-copy');
    await expect.poll(() => page.textContent('.share-status')).toBe('نشانی خبر رونوشت شد.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://bayegan.example/news/21016/');
    await context.close();
  });

  it('saves screenshots of home and an article at both sizes', async () => {
    for (const [name, url] of [
      ['home', '/'],
      ['article', '/news/21016/'],
      ['table', '/news/22024/'],
    ] as const) {
      for (const size of SIZES) {
        const page = await open(sample, url, size);
        const file = path.join(ARTIFACTS, `${name}-${size.width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await page.close();
      }
    }
  }, 300_000);
});
