/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSample, serveUnder } from '../helpers/serve.ts';
// Debian's Chromium, as in test/browser/: skipped without it unless BAYEGAN_REQUIRE_BROWSER=1 (.ci/run).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const available = existsSync(CHROMIUM) || process.env.BAYEGAN_REQUIRE_BROWSER === '1';

describe.skipIf(!available)('the sample archive in a browser, served from /archive/', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveUnder>>;

  beforeAll(async () => {
    const root = await buildSample('https://example.org/archive/');
    server = await serveUnder(path.join(root, 'dist'), '/archive/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads pages with no failed request and no console error, and finds the favicon the page names', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const failures: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && failures.push(`console: ${message.text()}`)));
    page.on('requestfailed', (request) => void failures.push(`failed: ${request.url()}`));
    page.on('response', (response) => void (response.status() >= 400 && failures.push(`${response.status()}: ${response.url()}`)));
    for (const url of ['/archive/', '/archive/news/21016/', '/archive/tags/', '/archive/archive/']) {
      await page.goto(server.origin + url, { waitUntil: 'networkidle' });
      const icon = await page.evaluate(async () => {
        const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')!.href;
        const response = await fetch(href);
        return { path: new URL(href).pathname, status: response.status, head: [...new Uint8Array(await response.arrayBuffer()).slice(0, 4)] };
      });
      // An ICO file: reserved 0, type 1.
      expect(icon).toEqual({ path: '/archive/favicon.ico', status: 200, head: [0, 0, 1, 0] });
    }
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);
});
