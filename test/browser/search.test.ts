/// <reference lib="dom" />
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_PAIRS } from '../helpers/search-pairs.ts';
import { build, buildSite, siteYml } from '../helpers/site.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const available = existsSync(CHROMIUM) || process.env.BAYEGAN_REQUIRE_BROWSER === '1';
if (!available) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

function article(shenaseh: number, date: string, service: string, title: string, body: string): string {
  return `-- content/news/${shenaseh}.md --\n---\ntitle: ${title}\nshenaseh: ${shenaseh}\ndate: ${date}\nservice: ${service}\n---\n${body}\n`;
}

// Written as a newsroom writes today: ZWNJ, Persian letters and digits. Served under /archive/.
const MODERN =
  `-- content/site.yml --\n${siteYml().replace('https://test.example/', 'https://example.org/archive/')}` +
  article(101, '1393-09-06', 'سیاسی', 'گزارش درگیری‌های شهری', 'گزارش تازه از **خشونت‌ها** در حاشیهٔ شهر خبر می‌دهد.') +
  article(102, '1394-02-10', 'بین‌الملل', 'سفر هیئت تجاری', 'هیئتی از ایران برای گفت‌وگو دربارهٔ صادرات فرش سفر کرد.') +
  article(103, '1395-03-01', 'سیاسی', 'نمایشگاه ناشران', 'در این نمایشگاه هر كتاب با تخفیف فروخته شد.') +
  article(104, '1396-07-15', 'بین‌الملل', 'بودجهٔ شهرداری', 'بودجهٔ سال ۱۳۹۳ شهرداری در شورا تصویب شد.') +
  article(105, '1397-01-20', 'سیاسی', 'قیمت نان', 'قیمت نان از ماه آینده گران میشود و صف‌ها طولانی‌تر.') +
  article(106, '1398-05-05', 'بین‌الملل', 'کمبود آب', 'ذخیرهٔ سدها کم می شود و تابستان سختی در پیش است.') +
  article(107, '1399-11-11', 'سیاسی', 'باغ گیاه‌شناسی', 'باغ گیاه‌شناسی با گونه‌های کمیاب به روی بازدیدکنندگان باز شد.');

// A legacy archive typed without ZWNJ and with Latin digits.
const LEGACY =
  `-- content/site.yml --\n${siteYml()}` +
  article(201, '1393-01-10', 'سیاسی', 'گزارش ناآرامی', 'شاهدان از خشونتها در میدان مرکزی گفتند.') +
  article(202, '1394-04-04', 'بین‌الملل', 'بودجه', 'بودجه سال 1393 بازبینی شد.') +
  article(203, '1395-08-08', 'سیاسی', 'باغ', 'باغ شهر بازسازی شد.');

interface Served {
  origin: string;
  server: http.Server;
}

// Serves dist/ under `prefix` (the base path of baseUrl), 404 elsewhere.
async function serve(dist: string, prefix: string): Promise<Served> {
  const files = sirv(dist, { dev: true });
  const server = http.createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end();
    };
    if (!req.url?.startsWith(prefix)) return notFound();
    req.url = '/' + req.url.slice(prefix.length);
    files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function results(page: Page): Promise<{ status: string; titles: string[] }> {
  await page.waitForFunction(() => {
    const status = document.querySelector('.search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('در حال');
  });
  return page.evaluate(() => ({
    status: document.querySelector('.search-status')!.textContent!,
    titles: [...document.querySelectorAll('.search-result-title')].map((h) => h.textContent!.trim()),
  }));
}

// Clears the status line, does something on the page, and waits for the results it brings.
async function after(page: Page, action: () => Promise<unknown>): Promise<{ status: string; titles: string[] }> {
  await page.evaluate(() => (document.querySelector('.search-status')!.textContent = ''));
  await action();
  return results(page);
}

async function search(page: Page, query: string): Promise<{ status: string; titles: string[] }> {
  await page.fill('#search-q', query);
  return after(page, () => page.click('.search-form button[type=submit]'));
}

// Types into a search box of another page and follows it to the search page.
async function searchFrom(page: Page, box: string, query: string): Promise<string[]> {
  await page.fill(box, query);
  await Promise.all([page.waitForURL('**/archive/search/?q=*'), page.press(box, 'Enter')]);
  return (await results(page)).titles;
}

describe.skipIf(!available)('Persian search in a real browser', () => {
  let browser: Browser;
  let modern: Served;
  let legacy: Served;
  let edited: Served;
  const outside: string[] = [];

  beforeAll(async () => {
    const [a, b, c] = await Promise.all([buildSite(MODERN), buildSite(LEGACY), buildSite(MODERN)]);
    modern = await serve(a.dist, '/archive/');
    legacy = await serve(b.dist, '/');
    // Edited after its first build: one body changed, one article deleted, one added (the shard is patched, not indexed again).
    const news = path.join(c.root, 'content/news');
    writeFileSync(path.join(news, '106.md'), readFileSync(path.join(news, '106.md'), 'utf8').replace('ذخیرهٔ سدها', 'آب رودخانه‌ها'));
    rmSync(path.join(news, '105.md'));
    writeFileSync(path.join(news, '108.md'), article(108, '1399-11-12', 'سیاسی', 'گونه‌های تازه', 'در باغ گیاه‌شناسی سه گونهٔ تازه کاشته شد.').replace(/^.*\n/, ''));
    // Patched although small (a shard under 128 articles is otherwise indexed again).
    process.env.BAYEGAN_SEARCH_PATCH_MIN = '0';
    await build(c.root).finally(() => delete process.env.BAYEGAN_SEARCH_PATCH_MIN);
    expect(existsSync(path.join(c.dist, 'pagefind/recent'))).toBe(true);
    edited = await serve(c.dist, '/archive/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    modern?.server.close();
    legacy?.server.close();
    edited?.server.close();
  });

  async function open(site: Served, url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.on('request', (request) => {
      if (!request.url().startsWith(site.origin)) outside.push(request.url());
    });
    await page.goto(site.origin + url);
    return page;
  }

  const table: Array<[string, 'modern' | 'legacy', string[]]> = [
    ['خشونتها', 'modern', ['گزارش درگیری‌های شهری']],
    ['خشونت‌ها', 'legacy', ['گزارش ناآرامی']],
    ['خشونت ها', 'modern', ['گزارش درگیری‌های شهری']],
    ['ايران', 'modern', ['سفر هیئت تجاری']],
    ['کتاب', 'modern', ['نمایشگاه ناشران']],
    ['1393', 'modern', ['بودجهٔ شهرداری']],
    ['۱۳۹۳', 'legacy', ['بودجه']],
    ['می‌شود', 'modern', ['قیمت نان', 'کمبود آب']],
  ];

  for (const [query, archive, expected] of table) {
    it(`«${query}» finds ${expected.join(' and ')} first (${archive} archive)`, async () => {
      const site = archive === 'modern' ? modern : legacy;
      const page = await open(site, `${archive === 'modern' ? '/archive' : ''}/search/`);
      const found = await search(page, query);
      expect(found.titles.slice(0, expected.length).sort()).toEqual([...expected].sort());
      expect(found.titles).toHaveLength(expected.length);
      // The query is in the URL, under the base path.
      expect(new URL(page.url()).pathname).toBe(archive === 'modern' ? '/archive/search/' : '/search/');
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      await page.close();
    });
  }

  it('shows the text as written, with the matching word marked, the Jalali date and the service', async () => {
    const page = await open(modern, '/archive/search/?q=' + encodeURIComponent('خشونتها'));
    await results(page);
    const first = await page.evaluate(() => {
      const item = document.querySelector('.search-result')!;
      return {
        link: item.querySelector('a')!.getAttribute('href'),
        marked: [...item.querySelectorAll('mark')].map((m) => m.textContent),
        date: item.querySelector('.date')!.textContent,
        service: item.querySelector('.service')!.textContent,
      };
    });
    expect(first).toEqual({ link: '/archive/news/101/', marked: ['خشونت‌ها'], date: '۶ آذر ۱۳۹۳', service: 'سیاسی' });
    await page.close();
  });

  it('says in Persian that nothing was found', async () => {
    const page = await open(modern, '/archive/search/');
    const found = await search(page, 'زرافه');
    expect(found).toEqual({ status: 'نتیجه‌ای برای «زرافه» پیدا نشد. املای دیگری را امتحان کنید یا فیلترها را بردارید.', titles: [] });
    await page.close();
  });

  it('takes a query from the header box of an article page to /search/?q=… with results', async () => {
    const page = await open(modern, '/archive/news/107/');
    expect(await searchFrom(page, '#site-search-q', 'كتاب')).toEqual(['نمایشگاه ناشران']);
    await page.close();
  });

  it('filters by service and by Jalali year', async () => {
    const page = await open(modern, '/archive/search/?q=' + encodeURIComponent('می شود'));
    expect((await results(page)).titles.sort()).toEqual(['قیمت نان', 'کمبود آب']);
    expect((await after(page, () => page.selectOption('select[name=service]', 'international'))).titles).toEqual(['کمبود آب']);
    await after(page, () => page.selectOption('select[name=service]', ''));
    expect((await after(page, () => page.selectOption('select[name=year]', '1397'))).titles).toEqual(['قیمت نان']);
    expect(new URL(page.url()).searchParams.get('year')).toBe('1397');
    await page.close();
  });

  it('restores the previous query with the back button', async () => {
    const page = await open(modern, '/archive/search/');
    await search(page, 'ایران');
    await search(page, 'باغ');
    expect((await after(page, () => page.goBack())).titles).toEqual(['سفر هیئت تجاری']);
    expect(await page.inputValue('#search-q')).toBe('ایران');
    await page.close();
  });

  it('treats the URL as text: markup is shown, not run; a service or year the site lacks is dropped', async () => {
    const page = await open(modern, '/archive/search/?q=' + encodeURIComponent('<img src=x onerror="window.hit=1">باغ') + '&service=nope&year=9999');
    const found = await results(page);
    expect(found.status).toContain('«<img src=x onerror="window.hit=1">باغ»');
    expect(await page.evaluate(() => [document.querySelectorAll('img').length, (window as { hit?: number }).hit])).toEqual([0, undefined]);
    expect(await page.inputValue('select[name=service]')).toBe('');
    await page.close();
  });

  it('offers search on the 404 page', async () => {
    const page = await open(modern, '/archive/404.html');
    expect(await searchFrom(page, '#not-found-q', 'باغ')).toEqual(['باغ گیاه‌شناسی']);
    await page.close();
  });

  it('folds every pair of the issue to one key in the bundle the page runs', async () => {
    const page = await open(modern, '/archive/search/');
    const script = await page.getAttribute('script[type=module]', 'src');
    // A string, so that vitest leaves its dynamic import alone: the browser loads the bundle itself.
    const keys = (await page.evaluate(
      `(async () => { const m = await import(${JSON.stringify(script)}); return ${JSON.stringify(ISSUE_PAIRS)}.map(([a, b]) => [m.normalizeSearch(a), m.normalizeSearch(b)]); })()`,
    )) as Array<[string, string]>;
    expect(keys).toHaveLength(ISSUE_PAIRS.length);
    for (const [a, b] of keys) expect(a).toBe(b);
    await page.close();
  });

  it('finds what edits made after the index was built, and nothing they took away', async () => {
    const page = await open(edited, '/archive/search/');
    expect((await search(page, 'رودخانه‌ها')).titles).toEqual(['کمبود آب']);
    expect((await search(page, 'سدها')).titles).toEqual([]);
    expect((await search(page, 'قیمت نان')).titles).toEqual([]);
    expect((await search(page, 'گیاه‌شناسی')).titles.sort()).toEqual(['باغ گیاه‌شناسی', 'گونه‌های تازه']);
    // Each article once, though its old page is still in its shard.
    expect((await search(page, 'تابستان')).titles).toEqual(['کمبود آب']);
    await page.close();
  });

  it('made no request outside the site', () => {
    expect(outside).toEqual([]);
  });
});
