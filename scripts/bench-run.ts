/**
 * One measured process for the benchmarks: a `bayegan` command or any other program, measured
 * by GNU time (CPU time of all threads, peak RSS).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './gen-corpus.ts';

const repo = path.resolve(import.meta.dirname, '..');

/** What one measured run took. */
export interface Measurement {
  scenario: string;
  wallS: number;
  cpuS: number;
  rssMb: number;
  files: number;
  rendered: number;
  /** stderr of the run (with `BAYEGAN_TIMINGS=1`, the time of each phase). */
  stderr: string;
}

/** GNU time: it measures bayegan as it measures Hugo, with the process a build may start (src/cli/launch.ts). */
const TIME = '/usr/bin/time';

/** Run `bayegan <args> --root <root>` in a new process and measure it (CPU time and peak RSS of it and the processes it waited for). */
export function bayegan(root: string, scenario: string, args: string[] = ['build'], env: NodeJS.ProcessEnv = {}): Measurement {
  if (!existsSync(TIME)) throw new Error(`The benchmark measures with GNU time (${TIME}): apt-get install -y time`);
  const started = performance.now();
  // A build ends its `--format json` output with its summary object.
  const json = args[0] === 'build' && !args.includes('--format');
  const run = spawnSync(TIME, ['-f', '@@ %U %S %M', process.execPath, path.join(repo, 'bin/bayegan.mjs'), ...args, '--root', root, ...(json ? ['--format', 'json'] : [])], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallS = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`bayegan ${args.join(' ')} failed (${scenario}):\n${run.stderr}`);
  const { cpuS, rssMb } = timed(run.stderr);
  const summary = json ? (JSON.parse(run.stdout.trimEnd().split('\n').at(-1)!) as { files: { total: number }; parsed: number }) : undefined;
  const files = summary?.files.total ?? 0;
  const rendered = summary?.parsed ?? 0;
  return { scenario, wallS, cpuS, rssMb, files, rendered, stderr: run.stderr };
}

/** CPU seconds (user and system) and peak RSS in MB from GNU time's `@@ %U %S %M` line (%M is in KiB). */
function timed(stderr: string): { cpuS: number; rssMb: number } {
  const [user = 0, system = 0, rssKb = 0] = (/@@ ([\d.]+) ([\d.]+) (\d+)/.exec(stderr)?.slice(1) ?? []).map(Number);
  return { cpuS: user + system, rssMb: rssKb / 1024 };
}

/** The phases a run printed with `BAYEGAN_TIMINGS=1`, on one line. */
export function phases(stderr: string): string {
  return [...stderr.matchAll(/^ {2}(.+?)\s+(\d+) ms$/gm)].map((m) => `${m[1]!.trim()} ${(Number(m[2]) / 1000).toFixed(1)} s`).join(', ');
}

/** Run any program and measure it with GNU time when it is there (wall time only otherwise). */
export function program(scenario: string, command: string, args: string[], cwd: string): Measurement {
  const measured = existsSync(TIME);
  const started = performance.now();
  const run = spawnSync(measured ? TIME : command, measured ? ['-f', '@@ %U %S %M', command, ...args] : args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallS = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} failed (${scenario}):\n${run.stderr}`);
  return { scenario, wallS, ...timed(run.stderr), files: 0, rendered: 0, stderr: run.stderr };
}

/** The benchmark's table, in Markdown. */
export function table(results: readonly Measurement[]): string {
  const rows = results.map(
    (r) => `| ${r.scenario} | ${r.wallS.toFixed(2)} s | ${r.cpuS.toFixed(1)} s | ${r.rssMb.toFixed(0)} MB | ${r.files ? (r.files / r.wallS).toFixed(0) : '–'} | ${r.files || '–'} | ${r.files ? r.rendered : '–'} |`,
  );
  return ['| build | wall | CPU | peak RSS | pages/s | files | parsed |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The first article of the middle year of a generated corpus. */
export function middleArticle(root: string): string {
  const years = readdirSync(path.join(root, 'content/news')).sort();
  const year = path.join(root, 'content/news', years[Math.floor(years.length / 2)]!);
  const month = path.join(year, readdirSync(year).sort()[0]!);
  return path.join(month, readdirSync(month).sort()[0]!);
}

/** Add one article, newer than all others, to a generated corpus of `count` articles (a copy of a middle one). */
export function addArticle(root: string, count: number): void {
  const text = readFileSync(middleArticle(root), 'utf8').replace(/^shenaseh: \d+$/m, `shenaseh: ${100_000 + count}`).replace(/^date: .*$/m, 'date: 1405-01-01');
  const folder = path.join(root, 'content/news/1405/01');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${100_000 + count}.md`), text);
}

/** The synthetic archive of `count` articles under `.bench/<count>/`, generated unless it is there. */
export function corpus(count: number, seed: number): string {
  const root = path.join(repo, '.bench', String(count));
  const marker = path.join(root, '.corpus');
  const want = `${count}:${seed}`;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== want) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    generateCorpus(root, count, seed);
    writeFileSync(marker, want);
  }
  return root;
}
