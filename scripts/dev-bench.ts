/**
 * Dev loop benchmark: `npm run dev-bench -- [--articles 20000] [--edits 10]` (no `--articles`:
 * the sample archive in content/). Starts `bayegan dev` (the bundled CLI, as an editor runs it)
 * on a copy of the archive, opens an article in Debian's Chromium, then saves edits to the
 * article's Markdown one after the other and times each from the write to the moment the new
 * text is on the reloaded page. Also times, once each, a title edit, a new article, a deleted
 * article and a template edit, each to the reloaded page that shows it. Prints a Markdown table;
 * the edits' median is the figure the targets are about (300 ms sample, 1 s at 20,000).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { generateCorpus } from './gen-corpus.ts';

const repo = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function prepare(articles: number | undefined): string {
  if (articles === undefined) {
    const root = path.join(repo, '.bench', 'dev-sample');
    rmSync(root, { recursive: true, force: true });
    cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
    return root;
  }
  const root = path.join(repo, '.bench', String(articles));
  const marker = path.join(root, '.corpus');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== `${articles}:1`) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    generateCorpus(root, articles, 1);
    writeFileSync(marker, `${articles}:1`);
  }
  return root;
}

function middleArticle(root: string): string {
  const years = readdirSync(path.join(root, 'content/news')).sort();
  const year = path.join(root, 'content/news', years[Math.floor(years.length / 2)]!);
  const month = path.join(year, readdirSync(year).sort()[0]!);
  return path.join(month, readdirSync(month).filter((f) => f.endsWith('.md')).sort()[0]!);
}

function startDev(root: string): Promise<{ url: string; stop: () => void; output: () => string }> {
  const child = spawn(process.execPath, [path.join(repo, 'bin/bayegan.mjs'), 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^\s+(http:\/\/\S+)$/m.exec(output)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGINT'), output: () => output });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`bayegan dev exited ${code}:\n${output}`)));
  });
}

/** Write, then wait until the page shows `expect`; the time from the write, in ms. */
async function timed(page: Page, write: () => void, expect: string): Promise<number> {
  const started = performance.now();
  write();
  await page.waitForFunction((text) => document.body?.textContent?.includes(text), expect, { polling: 'raf', timeout: 60_000 });
  return performance.now() - started;
}

// Pages show digits in Persian: markers are written so, or the page would never show them as written.
function fa(n: number): string {
  return String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, edits: { type: 'string', default: '10' } } });
  const articles = values.articles === undefined ? undefined : Number(values.articles);
  const root = prepare(articles);
  const article = middleArticle(root);
  const original = readFileSync(article, 'utf8');
  const shenaseh = /^shenaseh: (\d+)$/m.exec(original)![1]!;
  // The project's own copy of the theme, so that a template can be edited.
  rmSync(path.join(root, 'templates'), { recursive: true, force: true });
  cpSync(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
  const startedDev = performance.now();
  const dev = await startDev(root);
  const ready = performance.now() - startedDev;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const added = path.join(root, 'content/news/1405/01/999999.md');
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${dev.url}news/${shenaseh}/`);
    const edits: number[] = [];
    for (let i = 1; i <= Number(values.edits); i++) {
      const marker = `ویرایش سنجش شمارهٔ ${fa(i)} ${fa(Date.now())}`;
      edits.push(await timed(page, () => writeFileSync(article, `${original}\n${marker}\n`), marker));
      console.error(`edit ${i}: ${edits.at(-1)!.toFixed(0)} ms`);
    }
    const once: Array<[string, number]> = [];
    const title = `عنوان سنجش ${fa(Date.now())}`;
    once.push(['title edited (article page)', await timed(page, () => writeFileSync(article, original.replace(/^title: .*$/m, `title: ${title}`)), title)]);
    const fresh = `خبر تازهٔ سنجش ${fa(Date.now())}`;
    const text = original.replace(/^title: .*$/m, `title: ${fresh}`).replace(/^shenaseh: \d+$/m, 'shenaseh: 999999').replace(/^date: .*$/m, 'date: 1405-01-01').replace(/^aliases:.*$/m, '');
    // An editor opens the new article's address first (a 404 page that waits for it), then saves.
    await page.goto(`${dev.url}news/999999/`);
    once.push(['new article (its page)', await timed(page, () => (mkdirSync(path.dirname(added), { recursive: true }), writeFileSync(added, text)), fresh)]);
    await page.goto(dev.url);
    const gone = performance.now();
    unlinkSync(added);
    await page.waitForFunction((title) => !document.body.textContent!.includes(title), fresh, { polling: 'raf', timeout: 60_000 });
    once.push(['article deleted (home page)', performance.now() - gone]);
    const footer = path.join(root, 'templates/partials/footer.liquid');
    const mark = `قالب سنجش ${fa(Date.now())}`;
    once.push(['template edited (home page)', await timed(page, () => appendFileSync(footer, `<p>${mark}</p>\n`), mark)]);
    const cpus = os.cpus();
    console.log(`\n${articles === undefined ? 'sample archive (content/)' : `${articles} articles`} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} · Node ${process.version}`);
    console.log(`dev server ready in ${(ready / 1000).toFixed(2)} s (start of the process to the URL printed)\n`);
    console.log('| save → page shows it | ms |');
    console.log('|---|---|');
    console.log(`| body edit, median of ${edits.length} | ${median(edits).toFixed(0)} |`);
    console.log(`| body edit, fastest / slowest | ${Math.min(...edits).toFixed(0)} / ${Math.max(...edits).toFixed(0)} |`);
    for (const [what, ms] of once) console.log(`| ${what} | ${ms.toFixed(0)} |`);
  } finally {
    await browser.close();
    dev.stop();
    if (process.env.BAYEGAN_BENCH_LOG) console.error(dev.output());
    writeFileSync(article, original);
    rmSync(path.dirname(added), { recursive: true, force: true });
    rmSync(path.join(root, 'templates'), { recursive: true, force: true });
  }
}

await main();
