import path from 'node:path';
import { buildTime, loadSiteConfig, resolvePaths, type PathOptions, type ProjectPaths, type SiteConfig } from '../config/index.ts';
import { ContentFailure, hasErrors, type Diagnostic } from '../diagnostics/index.ts';
import { scanContent, scanStatic, statSources, type SourceFile, type SourceStat, type StaticFile } from '../load/index.ts';
import type { BodyRef } from '../pages/index.ts';
import type { RenderSettings } from '../render/index.ts';
import type { Article } from '../validate/index.ts';
import { analyse, checkKey, type Analysis } from './analyse.ts';
import { readPayloads, readSourceIndex, writeSourceIndex, type ParsedPayload, type SourceRecord } from './cache/index.ts';
import { articleKey, overMemoryResult, type CompiledSource, type CompileJob, type CompileResult } from './compile.ts';
import { createRunner, defaultThreads, PAGE_THREADS, WORKER_HEAP_MB, type Runner } from './pool.ts';
import { collectGarbage } from './memory.ts';
import { PROGRESS_EVERY, type BuildListener } from './progress.ts';
import { Timings } from './timings.ts';

/** Options shared by `check` and `build`. */
export interface RunOptions extends PathOptions {
  /** Include drafts (dev builds). Default: false. */
  drafts?: boolean;
  /** The build's "now" in ms (future-date warnings, news sitemap). Default: `SOURCE_DATE_EPOCH` or the clock. */
  now?: number;
  /** Worker threads. Default: one per core (`BAYEGAN_THREADS` overrides); small sites run in one thread. */
  threads?: number;
  /** Replaces `baseUrl` of `content/site.yml` (preview deploys). Default: the file's. */
  baseUrl?: string | undefined;
  /** Told of each phase and of the progress of long ones (the CLI's progress bar). Default: nobody. */
  listener?: BuildListener;
  /** Build: name every file written and removed in the result (`--verbose`). Default: false. */
  listFiles?: boolean;
  /** Keep every source's compiled record in the result (`dev`'s session updates from them). Default: false. */
  keepSources?: boolean;
}

/** A validated archive and what it was checked with. */
export interface CheckedProject extends Analysis {
  paths: ProjectPaths;
  config: SiteConfig;
  settings: RenderSettings;
  now: number;
  sources: SourceFile[];
  /** The files of `static/`, checked with the archive. */
  statics: StaticFile[];
  /** Problems with the cache (ignored and repaired), for the user to know. */
  warnings: string[];
  /** The worker pool, started on first use. */
  runner: () => Runner;
  /** Threads of that pool (0: everything runs in this thread). */
  threads: number;
  /** Stop the worker pool if it was started. */
  close: () => Promise<void>;
  timings: Timings;
  /** Every source's compiled record, in the sources' order, when `keepSources` asked for them. */
  compiledSources?: CompiledSource[];
}

function files(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

// Below this many jobs a pool costs more to start than it saves.
const POOL_THRESHOLD = 64;
const COMPILE_BATCH = 16;
// Parsing this many files makes enough garbage to pay for a full collection afterwards.
const MUCH_PARSED = 1000;

function fromRecord(record: SourceRecord, cache: CompiledSource['cache'], payload: ParsedPayload = record): CompiledSource {
  const { path, hash, key, diagnostics, checked } = record;
  const { frontMatter, facts } = payload;
  return { path, hash, key, diagnostics, cache, ...(checked && { checked }), ...(frontMatter && { frontMatter }), ...(facts && { facts }) };
}

function toRecord(result: CompileResult, previous: SourceRecord | undefined): SourceRecord {
  const { path: file, size, mtimeMs, hash, key } = result;
  if (result.reused) return { ...previous!, size, mtimeMs };
  const { rendered, diagnostics, frontMatter, facts } = result;
  return { path: file, size, mtimeMs, hash, key, rendered, diagnostics, ...(frontMatter && { frontMatter }), ...(facts && { facts }) };
}

/**
 * Compile a batch on the runner. A pool thread that runs out of memory on a hostile file dies
 * (the pool starts another): the files of its batch are tried again one by one, and one that
 * kills a thread alone is reported (`markdown-too-slow`) instead of failing the run.
 */
export async function runBatch(pool: Runner, jobs: CompileJob[]): Promise<CompileResult[]> {
  try {
    return await pool.run<CompileResult[]>({ kind: 'compile', jobs });
  } catch (error) {
    if (pool.threads === 0 || (error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    if (jobs.length === 1) return [overMemoryResult(jobs[0]!, WORKER_HEAP_MB)];
    return (await Promise.all(jobs.map((job) => runBatch(pool, [job])))).flat();
  }
}

async function runJobs(
  jobs: Array<{ at: number; job: CompileJob }>,
  runner: () => Runner,
  done: (at: number, result: CompileResult) => void,
  listener: BuildListener | undefined,
) {
  const pool = jobs.length >= POOL_THRESHOLD ? runner() : createRunner(0);
  let finished = 0;
  const batches: Array<typeof jobs> = [];
  for (let i = 0; i < jobs.length; i += COMPILE_BATCH) batches.push(jobs.slice(i, i + COMPILE_BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      const results = await runBatch(pool, batch.map((b) => b.job));
      results.forEach((result, i) => done(batch[i]!.at, result));
      const before = finished;
      finished += results.length;
      if (Math.floor(before / PROGRESS_EVERY) !== Math.floor(finished / PROGRESS_EVERY) || finished === jobs.length) {
        listener?.({ type: 'progress', phase: 'compile', done: finished, total: jobs.length });
      }
    }),
  );
}

/**
 * Compile every source, answering from the cache what it can: a file whose size and time
 * match the index is not read; one whose bytes still hash the same is not parsed; one whose own
 * check is cached for these settings is not checked again (its parse payload stays on disk).
 * The rest is parsed (and rendered) on the worker pool. Results are in the sources' order.
 */
async function compileSources(
  sources: SourceFile[],
  stats: readonly SourceStat[],
  options: { render: boolean; settings: RenderSettings; checkKey: string },
  paths: ProjectPaths,
  runner: () => Runner,
  timings: Timings,
) {
  const { render, settings } = options;
  const index = await readSourceIndex(paths.cache);
  timings.mark('read cache index');
  const warnings =
    index.corrupt > 0 ? [`${index.corrupt} damaged entr${index.corrupt === 1 ? 'y' : 'ies'} in the cache (.cache/sources/) ignored and rebuilt.`] : [];
  // A record is only worth anything under the same pipeline version and render settings.
  const usable = (file: string) => {
    const record = index.records.get(file);
    return record && record.key === articleKey(record.path, record.hash, settings) ? record : undefined;
  };
  const records = new Array<SourceRecord>(sources.length);
  const compiled = new Array<CompiledSource>(sources.length);
  const jobs: Array<{ at: number; job: CompileJob }> = [];
  const htmlRoot = path.join(paths.cache, 'html');
  sources.forEach((source, at) => {
    const record = usable(source.path);
    const stamp = stats[at]!;
    if (record && record.size === stamp.size && record.mtimeMs === stamp.mtimeMs && (record.rendered || !render)) {
      records[at] = record;
      return;
    }
    const job: CompileJob = { path: source.path, abs: source.abs, render, settings, htmlRoot };
    if (record) job.known = { hash: record.hash, rendered: record.rendered };
    jobs.push({ at, job });
  });
  const parsed = new Set<number>();
  const done = (at: number, result: CompileResult) => {
    if (!result.reused) parsed.add(at);
    records[at] = toRecord(result, usable(result.path));
  };
  await runJobs(jobs, runner, done, timings.listener);
  // Unchanged files whose own check is not cached for these settings need their parse payload.
  const wanted = new Map<string, string>();
  records.forEach((record) => {
    if (record.checked?.configKey !== options.checkKey && !record.frontMatter && !record.facts) wanted.set(record.path, record.key);
  });
  const payloads = wanted.size > 0 ? await readPayloads(paths.cache, wanted) : new Map<string, ParsedPayload>();
  // A payload lost from the cache: parse the file again.
  const again = sources.flatMap((source, at) =>
    wanted.has(source.path) && !payloads.has(source.path) ? [{ at, job: { path: source.path, abs: source.abs, render, settings, htmlRoot } }] : [],
  );
  await runJobs(again, runner, done, timings.listener);
  records.forEach((record, at) => (compiled[at] = fromRecord(record, parsed.has(at) ? 'miss' : 'hit', payloads.get(record.path))));
  timings.mark('compile', files(jobs.length + again.length));
  return { compiled, records, index, warnings, parsed: parsed.size };
}

/** The sources of a project and their stat, taken once per run. */
export interface Scanned {
  sources: SourceFile[];
  stats: SourceStat[];
  /** Folders and files under `content/` that could not be read: errors, reported with the rest. */
  problems: Diagnostic[];
  statics: StaticFile[];
  timings: Timings;
}

/** Find every source and stat it. */
export async function scanProject(paths: ProjectPaths, timings = new Timings()): Promise<Scanned> {
  const scan = await scanContent(paths);
  timings.mark('scan');
  const { sources, stats, problems } = statSources(scan);
  timings.mark('stat sources');
  const statics = scanStatic(paths);
  return { sources, stats, problems, statics, timings };
}

/**
 * The pipeline up to and including validation: load, parse and render into the cache, validate.
 * `check` stops here; `build` (`forBuild`) goes on. Bodies are rendered for `check` too: a body
 * that only rendering can find too deep or too slow is then found by `check` as by `build`, and
 * the build after a check finds its bodies in the cache. Throws a {@link ContentFailure} when the
 * site settings are invalid.
 */
export async function checkProject(options: RunOptions, forBuild = false, scanned?: Scanned): Promise<CheckedProject> {
  const timings = scanned?.timings ?? new Timings(options.listener);
  const paths = resolvePaths(options);
  const config = loadSiteConfig(paths, { baseUrl: options.baseUrl });
  const now = options.now ?? buildTime();
  const { sources, stats, problems, statics } = scanned ?? (await scanProject(paths, timings));
  const settings: RenderSettings = { basePath: config.basePath };
  let pool: Runner | undefined;
  const threads = options.threads ?? defaultThreads();
  try {
    const { compiled, records, index, warnings, parsed } = await compileSources(sources, stats, { render: true, settings, checkKey: checkKey(config) }, paths, () => (pool ??= createRunner(threads)), timings);
    // Parsing is done with: its threads go (with their heaps), and pages get threads of their own.
    await pool?.close();
    pool = undefined;
    // Parsing many files leaves much garbage behind (their results crossed threads).
    const madeMuch = parsed >= MUCH_PARSED;
    collectGarbage(madeMuch);
    const analysis = analyse(sources, compiled, config, paths, { drafts: options.drafts ?? false, now, statics });
    if (analysis.warning) warnings.push(analysis.warning);
    timings.mark('validate', `${files(analysis.checkedNow.size)} checked again`);
    // Each file's own check goes into its record (a new object, so that its shard is written).
    const updated = records.map((record) => {
      const checked = analysis.checkedNow.get(record.path);
      return checked ? { ...record, checked } : record;
    });
    await writeSourceIndex(paths.cache, updated, index);
    timings.mark('write cache index');
    collectGarbage(madeMuch);
    const close = async () => {
      await pool?.close();
      pool = undefined;
    };
    // `check` ends here; `build` renders its pages on the pool and closes it itself.
    if (!forBuild) await close();
    return {
      ...analysis,
      diagnostics: [...problems, ...analysis.diagnostics],
      paths,
      config,
      settings,
      now,
      sources,
      statics,
      warnings,
      runner: () => (pool ??= createRunner(threads, PAGE_THREADS)),
      threads,
      close,
      timings,
      ...(options.keepSources && { compiledSources: compiled }),
    };
  } catch (error) {
    await pool?.close();
    throw error;
  }
}

/** Throw a {@link ContentFailure} when the diagnostics hold an error. */
export function failOnErrors(diagnostics: Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new ContentFailure(diagnostics);
}

/** Where each article's rendered body of a checked project is (pages and the search index read it). */
export function bodyRefs(project: Pick<CheckedProject, 'compiled'>): (article: Article) => BodyRef {
  return (article) => {
    const where = project.compiled.get(article.path)!;
    return { key: where.key, path: article.path, abs: where.source.abs };
  };
}
