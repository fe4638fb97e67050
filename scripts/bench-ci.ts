/**
 * The builds a CI run makes (`npm run bench -- --articles 20000 --ci`), next to a cold build and
 * to Hugo's build of the same archive, in one run. A CI run starts from a fresh clone, so every
 * source has a new modification time; it restores what the last run saved (as actions/cache
 * does: a POSIX tar of `.cache/` and `dist/`, file times kept), adds the commit's one new
 * article, checks (`--format github`) and builds. Measured twice: with `.cache/` alone, and with
 * `.cache/` and the previous `dist/`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { addArticle, bayegan, phases, program, type Measurement } from './bench-run.ts';
import { writeHugoSite } from './hugo-site.ts';

const repo = path.resolve(import.meta.dirname, '..');

function tar(args: string[]): void {
  const run = spawnSync('tar', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tar ${args.join(' ')}: ${run.stderr}`);
}

// A fresh clone of the corpus: the same bytes, every file and folder new (cpSync does not keep times).
function clone(corpus: string, site: string): void {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync(path.join(corpus, 'content'), path.join(site, 'content'), { recursive: true });
}

/** Hugo's build of the archive at `site` from nothing (a new cache folder, no `public/`), measured. */
export function hugoBuild(site: string, work: string, label: string, related = false): Measurement {
  const hugo = path.join(work, 'hugo');
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.split(' ')[1];
  const articles = writeHugoSite(site, hugo, related);
  rmSync(path.join(work, 'hugo-cache'), { recursive: true, force: true });
  const result = program(`Hugo ${version}, full build (${label})`, 'hugo', ['--quiet', '--cacheDir', path.join(work, 'hugo-cache')], hugo);
  result.files = readdirSync(path.join(hugo, 'public'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  result.rendered = articles;
  return result;
}

/** Whether Debian's `hugo` is on the PATH. */
export function hasHugo(): boolean {
  return spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
}

/** The CI scenarios and Hugo (twice; once more with related articles if `hugoRelated`), for a corpus at `corpus` of `count` articles. */
export function ciScenarios(corpus: string, count: number, hugoRelated = false): Measurement[] {
  const work = path.join(repo, '.bench', `ci-${count}`);
  const site = path.join(work, 'site');
  const saved = path.join(work, 'cache.tar');
  // As a CI service runs it (CI=true).
  const timings = { BAYEGAN_TIMINGS: '1', CI: 'true' };
  const results: Measurement[] = [];
  const record = (result: Measurement) => {
    results.push(result);
    console.error(`${result.scenario}: ${result.wallS.toFixed(2)} s${phases(result.stderr) ? `\n  ${phases(result.stderr)}` : ''}`);
  };

  clone(corpus, site);
  record(bayegan(site, 'cold build (no .cache/, no dist/)', ['build'], timings));
  // What the workflow's save step keeps: the same archive format and options as actions/cache.
  tar(['--posix', '-cf', saved, '-P', '-C', site, '.cache', 'dist']);

  for (const [label, members] of [
    ['.cache/ restored', ['.cache']],
    ['.cache/ and dist/ restored', ['.cache', 'dist']],
  ] as const) {
    clone(corpus, site);
    addArticle(site, count);
    tar(['-xf', saved, '-P', '-C', site, ...members]);
    record(bayegan(site, `CI, ${label}: check --format github`, ['check', '--format', 'github'], timings));
    record(bayegan(site, `CI, ${label}: build, one new article`, ['build'], timings));
  }

  const runs: Array<[string, boolean]> = [['run 1', false], ['run 2', false], ...(hugoRelated ? [['with related articles', true] as [string, boolean]] : [])];
  for (const [label, related] of runs) record(hugoBuild(site, work, label, related));
  return results;
}
