/**
 * Build benchmark: `npm run bench -- --articles 100000 [--seed 1] [--ci [--hugo-related]]`.
 * Generates a synthetic archive (scripts/gen-corpus.ts) under `.bench/<n>/`, then times whole
 * `bayegan build` processes: cold (no cache, no dist/), nothing changed, one article's body
 * edited, one article added, the same body edited again, one template edited; then, when `hugo` is on the PATH, Hugo's
 * build of the same archive from nothing, in the same run. With `--ci`, the builds a CI run
 * makes instead, next to Hugo's (scripts/bench-ci.ts). For each: wall time, CPU time
 * (all threads), peak RSS, and pages per second (files of the site / wall time). Prints a
 * Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ciScenarios, hasHugo, hugoBuild } from './bench-ci.ts';
import { addArticle, bayegan, corpus, middleArticle, phases, table, type Measurement } from './bench-run.ts';

const repo = path.resolve(import.meta.dirname, '..');

function editScenarios(root: string, count: number): Measurement[] {
  // The project's own copy of the theme, so that the template scenario can edit it.
  rmSync(path.join(root, 'templates'), { recursive: true, force: true });
  cpSync(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  rmSync(path.join(root, '.cache'), { recursive: true, force: true });
  const results: Measurement[] = [];
  const step = (scenario: string, prepare: () => void) => {
    prepare();
    // An editor's machine, even when the bench runs in CI: a first build leaves a standby tree for the next.
    const result = bayegan(root, scenario, ['build'], { BAYEGAN_TIMINGS: '1', CI: '' });
    results.push(result);
    console.error(`${scenario}: ${result.wallS.toFixed(2)} s\n  ${phases(result.stderr)}`);
  };
  step('cold build', () => {});
  step('nothing changed', () => {});
  const edited = middleArticle(root);
  step('one article body edited', () => appendFileSync(edited, '\nبند تازه‌ای برای سنجش بازسازی یک مطلب.\n'));
  step('one article added', () => addArticle(root, count));
  // The first edit after a cold build also links the whole new site into the standby tree (the
  // cold build's files are all new to it); this one shows an edit as an editor's day has them.
  step('the same body edited again', () => appendFileSync(edited, 'بند دیگری برای سنجش.\n'));
  step('one template edited', () => {
    const footer = path.join(root, 'templates/partials/footer.liquid');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace('<footer class="site-footer">', '<footer class="site-footer" data-bench>'));
  });
  // Leave the corpus as generated for the next run.
  rmSync(path.join(root, 'content/news/1405'), { recursive: true, force: true });
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('\nبند تازه‌ای برای سنجش بازسازی یک مطلب.\nبند دیگری برای سنجش.\n', ''));
  if (hasHugo()) {
    const hugo = hugoBuild(root, path.join(repo, '.bench', `hugo-${count}`), 'same archive');
    results.push(hugo);
    const cold = results[0]!;
    console.error(`${hugo.scenario}: ${hugo.wallS.toFixed(2)} s; bayegan's cold build is ${(cold.wallS / hugo.wallS).toFixed(2)}× Hugo's`);
  }
  return results;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      ci: { type: 'boolean', default: false },
      'hugo-related': { type: 'boolean', default: false },
    },
  });
  const count = Number(values.articles);
  const root = corpus(count, Number(values.seed));
  // Warm the CLI bundle so that the first measurement is not the one that makes it.
  spawnSync(process.execPath, [path.join(repo, 'bin/bayegan.mjs'), '--help']);
  const results = values.ci ? ciScenarios(root, count, values['hugo-related']) : editScenarios(root, count);
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\n${count} articles · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · load average at the end ${load}\n`);
  console.log(table(results));
}

main();
