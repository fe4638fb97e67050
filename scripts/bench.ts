/**
 * Build benchmark: `npm run bench -- --articles 100000 [--seed 1] [--keep]`.
 * Generates a synthetic archive (scripts/gen-corpus.ts) under `.bench/<n>/`, then times whole
 * `bayegan build` processes: cold (no cache, no dist/), nothing changed, one article's body
 * edited, one article added, one template edited. For each: wall time, CPU time (all threads),
 * peak RSS, and pages per second (files of the site / wall time). Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './gen-corpus.ts';

const repo = path.resolve(import.meta.dirname, '..');

interface Measurement {
  scenario: string;
  wallS: number;
  cpuS: number;
  rssMb: number;
  files: number;
  rendered: number;
}

function build(root: string, scenario: string): Measurement {
  const measureFile = path.join(root, '.measure.json');
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(repo, 'scripts/measure.mjs'), 'build', '--root', root, '--format', 'json'], {
    env: { ...process.env, BAYEGAN_MEASURE_FILE: measureFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallS = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`build failed (${scenario}):\n${run.stderr}`);
  const { cpuMs, maxRssKb } = JSON.parse(readFileSync(measureFile, 'utf8')) as { cpuMs: number; maxRssKb: number };
  // The last line of `--format json` is the build's summary.
  const summary = JSON.parse(run.stdout.trimEnd().split('\n').at(-1)!) as { files: { total: number }; parsed: number };
  const files = summary.files.total;
  const rendered = summary.parsed;
  return { scenario, wallS, cpuS: cpuMs / 1000, rssMb: maxRssKb / 1024, files, rendered };
}

function middleArticle(root: string): string {
  const years = readdirSync(path.join(root, 'content/news')).sort();
  const year = path.join(root, 'content/news', years[Math.floor(years.length / 2)]!);
  const month = path.join(year, readdirSync(year).sort()[0]!);
  return path.join(month, readdirSync(month).sort()[0]!);
}

function main(): void {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
  const count = Number(values.articles);
  const root = path.join(repo, '.bench', String(count));
  const marker = path.join(root, '.corpus');
  const want = `${count}:${values.seed}`;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== want) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    generateCorpus(root, count, Number(values.seed));
    writeFileSync(marker, want);
  }
  // The project's own copy of the theme, so that the template scenario can edit it.
  rmSync(path.join(root, 'templates'), { recursive: true, force: true });
  cpSync(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  rmSync(path.join(root, '.cache'), { recursive: true, force: true });
  // Warm the CLI bundle so that the first measurement is not the one that makes it.
  spawnSync(process.execPath, [path.join(repo, 'bin/bayegan.mjs'), '--help']);

  const results: Measurement[] = [];
  const step = (scenario: string, prepare: () => void) => {
    prepare();
    const result = build(root, scenario);
    results.push(result);
    console.error(`${scenario}: ${result.wallS.toFixed(2)} s`);
  };
  step('cold build', () => {});
  step('nothing changed', () => {});
  const edited = middleArticle(root);
  step('one article body edited', () => appendFileSync(edited, '\nبند تازه‌ای برای سنجش بازسازی یک مطلب.\n'));
  step('one article added', () => {
    const text = readFileSync(edited, 'utf8').replace(/^shenaseh: \d+$/m, `shenaseh: ${100_000 + count}`).replace(/^date: .*$/m, 'date: 1405-01-01');
    const folder = path.join(root, 'content/news/1405/01');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${100_000 + count}.md`), text);
  });
  step('one template edited', () => {
    const footer = path.join(root, 'templates/partials/footer.liquid');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace('<footer class="site-footer">', '<footer class="site-footer" data-bench>'));
  });
  // Leave the corpus as generated for the next run.
  rmSync(path.join(root, 'content/news/1405'), { recursive: true, force: true });
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('\nبند تازه‌ای برای سنجش بازسازی یک مطلب.\n', ''));

  const cpus = os.cpus();
  console.log(`\n${count} articles · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}\n`);
  console.log('| build | wall | CPU | peak RSS | pages/s | files | parsed |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.scenario} | ${r.wallS.toFixed(2)} s | ${r.cpuS.toFixed(1)} s | ${r.rssMb.toFixed(0)} MB | ${(r.files / r.wallS).toFixed(0)} | ${r.files} | ${r.rendered} |`,
    );
  }
}

main();
