/// <reference lib="dom" />
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevHandle } from '../../src/dev/index.ts';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { draftSite } from '../helpers/dev-site.ts';
import { writeSite } from '../helpers/site.ts';

// As in phone.test.ts: Debian's Chromium; skipped with a notice without it, required in CI.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const available = existsSync(CHROMIUM) || process.env.BAYEGAN_REQUIRE_BROWSER === '1';
if (!available) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

const WAIT = { timeout: 20_000 };

describe.skipIf(!available)('bayegan dev in a browser', () => {
  pinSourceDateEpoch(1710880200);
  let browser: Browser;
  let dev: DevHandle;
  let root: string;
  let page: Page;

  beforeAll(async () => {
    root = writeSite(draftSite);
    dev = await startDev({ root, port: 0, threads: 0, log: { updated: () => {}, failed: (e) => console.error(e) } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.close();
  });

  const file = () => path.join(root, 'content/news/2.md');
  // The overlay lives in a shadow root of a size-less host: its panel is what shows.
  const overlay = () => page.locator('#bayegan-overlay .panel');

  it('shows a draft with its banner, and a published article without', async () => {
    await page.goto(`${dev.url}news/3/`);
    await expect(page.locator('#bayegan-draft').textContent()).resolves.toContain('پیش‌نویس');
    await page.goto(`${dev.url}news/2/`);
    expect(await page.locator('#bayegan-draft').count()).toBe(0);
  });

  it('shows the new text of a saved article with no reload', async () => {
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    writeFileSync(file(), `${readFileSync(file(), 'utf8')}\nبندی که ویراستار همین حالا نوشت.\n`);
    await page.waitForFunction(() => document.body.textContent!.includes('بندی که ویراستار همین حالا نوشت.'), undefined, WAIT);
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  });

  it('shows a broken front matter as an overlay at its line, and takes it away when fixed', async () => {
    const good = readFileSync(file(), 'utf8');
    writeFileSync(file(), good.replace('date: 1399-02-01', 'date: 1399-02-40'));
    await overlay().waitFor(WAIT);
    const shown = await overlay().textContent();
    expect(shown).toContain('content/news/2.md:4:7');
    expect(shown).toContain('error: Unexpected day `40`');
    expect(shown).toContain('[date-invalid]');
    expect(shown).toContain('این روز در تقویم جلالی وجود ندارد');
    // The last good version stays under it.
    expect(await page.locator('main').textContent()).toContain('خبر دوم');
    writeFileSync(file(), good);
    await page.locator('#bayegan-overlay').waitFor({ state: 'detached', ...WAIT });
  });

  it('answers 404 for a deleted article, and the home page no longer links it', async () => {
    await page.goto(dev.url);
    expect(await page.locator('a[href="/news/2/"]').count()).toBeGreaterThan(0);
    rmSync(file());
    await page.waitForFunction(() => !document.querySelector('a[href="/news/2/"]'), undefined, WAIT);
    const response = await page.goto(`${dev.url}news/2/`);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toContain('صفحه پیدا نشد');
    expect(await page.textContent('body')).not.toContain('خبر دوم');
  });
});
