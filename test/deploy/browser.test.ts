/// <reference lib="dom" />
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';

const repo = path.resolve(import.meta.dirname, '../..');
// Debian's Chromium, as in test/browser/: skipped without it unless BAYEGAN_REQUIRE_BROWSER=1 (.ci/run).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const available = existsSync(CHROMIUM) || process.env.BAYEGAN_REQUIRE_BROWSER === '1';

describe.skipIf(!available)('the sample archive in a browser, served from /archive/', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-deploy-browser-'));
    cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
    expect((await run(['build', '--root', root, '--base-url', 'https://example.org/archive/'])).code).toBe(0);
    const serve = sirv(path.join(root, 'dist'), { dev: true });
    server = createServer((req, res) => {
      if (!req.url?.startsWith('/archive/')) return void res.writeHead(404).end();
      req.url = req.url.slice('/archive'.length);
      serve(req, res, () => void res.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('loads pages with no failed request and no console error, and finds the favicon the page names', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const failures: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && failures.push(`console: ${message.text()}`)));
    page.on('requestfailed', (request) => void failures.push(`failed: ${request.url()}`));
    page.on('response', (response) => void (response.status() >= 400 && failures.push(`${response.status()}: ${response.url()}`)));
    for (const url of ['/archive/', '/archive/news/21016/', '/archive/tags/', '/archive/archive/']) {
      await page.goto(origin + url, { waitUntil: 'networkidle' });
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
