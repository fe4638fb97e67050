/**
 * What search costs: `tsx scripts/search-cost.ts [--root DIR] [--query WORD]`.
 * Builds the project (default: this repository's sample archive) into a scratch folder three
 * times — cold, nothing changed, one article's body edited — and reads the `search index` phase
 * of `BAYEGAN_TIMINGS=1` beside the whole build's time (same run: compare them as ratios). Then
 * sums the index on disk, serves the site on 127.0.0.1 and, in Chromium, counts the bytes that the
 * first query on `/search/?q=…` downloads (everything after the page, its stylesheet and font).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveUnder } from '../test/helpers/static-server.ts';

const repo = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { root: { type: 'string', default: repo }, query: { type: 'string', multiple: true, default: ['بودجه'] } } });
const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-search-cost-'));
// A copy, so that the edit below never touches the original archive.
const root = path.join(scratch, 'project');
cpSync(path.join(values.root, 'content'), path.join(root, 'content'), { recursive: true });
const dist = path.join(scratch, 'dist');

function build(): { wallS: number; searchS: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(repo, 'bin/bayegan.mjs'), 'build', '--root', root, '--out', dist, '--cache', path.join(scratch, 'cache')], {
    env: { ...process.env, BAYEGAN_TIMINGS: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const searchMs = Number(/search index\s+(\d+) ms/.exec(run.stderr)?.[1] ?? 0);
  return { wallS: (performance.now() - started) / 1000, searchS: searchMs / 1000 };
}

function files(dir: string): Array<{ name: string; size: number }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ name: path.relative(dir, path.join(e.parentPath, e.name)), size: statSync(path.join(e.parentPath, e.name)).size }));
}

function anArticle(): string {
  const found = files(path.join(root, 'content/news')).filter((f) => f.name.endsWith('.md'));
  return path.join(root, 'content/news', found[Math.floor(found.length / 2)]!.name);
}

interface QueryCost {
  query: string;
  requests: number;
  bytes: number;
  gzipBytes: number;
  results: string;
}

/** Each query as the first of a fresh browser (nothing cached). */
async function firstQueries(queries: string[]): Promise<QueryCost[]> {
  const server = await serveUnder(dist, '/');
  const origin = server.origin;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const costs: QueryCost[] = [];
  for (const query of queries) costs.push(await firstQuery(await browser.newPage(), origin, query));
  await browser.close();
  await server.close();
  return costs;
}

async function firstQuery(page: import('playwright-core').Page, origin: string, query: string): Promise<QueryCost> {
  const bodies: Buffer[] = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/pagefind/') || url.pathname.startsWith('/assets/search.')) bodies.push(await response.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => /نتیجه/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const results = (await page.textContent('.search-status')) ?? '';
  await page.context().close();
  // What a host that compresses JavaScript and JSON sends (Pagefind's own files are gzip already).
  const gzipBytes = bodies.reduce((sum, b) => sum + Math.min(b.length, gzipSync(b).length), 0);
  return { query, requests: bodies.length, bytes: bodies.reduce((sum, b) => sum + b.length, 0), gzipBytes, results };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const cold = build();
const warm = build();
const edited = anArticle();
appendFileSync(edited, '\nبند تازه‌ای برای سنجش بازسازی نمایه.\n');
const edit = build();
const index = files(path.join(dist, 'pagefind'));
const sum = (filter: (name: string) => boolean) => index.filter((f) => filter(f.name)).reduce((s, f) => s + f.size, 0);
const queries = await firstQueries(values.query);
writeFileSync(edited, readFileSync(edited, 'utf8').replace('\nبند تازه‌ای برای سنجش بازسازی نمایه.\n', ''));
const articles = files(path.join(root, 'content/news')).filter((f) => f.name.endsWith('.md')).length;
console.log('| articles | shards | index on disk (files) | fragments | word index | cold build: search / whole | nothing changed: search / whole | one body edited: search / whole |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(
  `| ${articles} | ${readdirSync(path.join(dist, 'pagefind')).length} | ${kb(sum(() => true))} (${index.length}) | ${kb(sum((n) => n.includes('fragment')))} | ${kb(sum((n) => n.includes('index')))} ` +
    `| ${cold.searchS.toFixed(2)} s / ${cold.wallS.toFixed(2)} s | ${warm.searchS.toFixed(2)} s / ${warm.wallS.toFixed(2)} s | ${edit.searchS.toFixed(2)} s / ${edit.wallS.toFixed(2)} s |`,
);
console.log('\n| first query | requests | bytes (gzip) | results |');
console.log('|---|---|---|---|');
for (const q of queries) console.log(`| «${q.query}» | ${q.requests} | ${kb(q.bytes)} (${kb(q.gzipBytes)}) | ${q.results} |`);
rmSync(scratch, { recursive: true, force: true });
