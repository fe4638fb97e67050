/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../helpers/site.ts';

// Debian's Chromium (`apt-get install chromium`, done by .ci/run); playwright's own download is unreachable here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// Without Chromium (a fresh machine before `apt-get install chromium`) these tests are skipped with a
// notice; .ci/run installs it and sets BAYEGAN_REQUIRE_BROWSER=1, so in CI a missing browser fails.
const available = existsSync(CHROMIUM) || process.env.BAYEGAN_REQUIRE_BROWSER === '1';
if (!available) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

describe.skipIf(!available)('the sample archive on a phone', () => {
  let browser: Browser;
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-browser-'));
    const site = await build(path.resolve(import.meta.dirname, '../..'), { out: path.join(scratch, 'dist'), cache: path.join(scratch, 'cache') });
    const serve = sirv(site.dist, { dev: true });
    server = http.createServer((req, res) =>
      serve(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  for (const url of ['/', '/news/21014/', '/news/22024/', '/news/21016/', '/service/international/', '/tags/', '/archive/']) {
    it(`fits a 360 px screen without sideways scrolling, in Vazirmatn, with no outside request: ${url}`, async () => {
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
