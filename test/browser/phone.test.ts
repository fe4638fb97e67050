/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, serveSample, type ServedSample } from './browser.ts';

describe.skipIf(!browserAvailable)('the sample archive on a phone', () => {
  let sample: ServedSample;

  beforeAll(async () => {
    sample = await serveSample();
  });

  afterAll(async () => {
    await sample?.close();
  });

  for (const url of ['/', '/news/21014/', '/news/22024/', '/news/21016/', '/service/international/', '/tags/', '/archive/']) {
    it(`fits a 360 px screen without sideways scrolling, in Vazirmatn, with no outside request: ${url}`, async () => {
      const { browser, origin } = sample;
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(origin)) outside.push(request.url());
      });
      const response = await page.goto(origin + url, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      const layout = await page.evaluate(async () => {
        await document.fonts.ready;
        return {
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          dir: getComputedStyle(document.body).direction,
          font: document.fonts.check('16px Vazirmatn') && [...document.fonts].some((f) => f.family === 'Vazirmatn' && f.status === 'loaded'),
        };
      });
      expect(layout).toEqual({ overflow: 0, dir: 'rtl', font: true });
      expect(outside).toEqual([]);
      await page.close();
    });
  }
});
