import { statSync } from 'node:fs';
import path from 'node:path';
import { buildTime, loadSiteConfig, resolvePaths, type PathOptions, type ProjectPaths, type SiteConfig } from '../config/index.ts';
import { ContentFailure, hasErrors, type Diagnostic } from '../diagnostics/index.ts';
import { scanContent, type SourceFile } from '../load/index.ts';
import type { RenderSettings } from '../render/index.ts';
import { analyse, type Analysis } from './analyse.ts';
import { readSourceIndex, writeSourceIndex, type SourceRecord } from './cache/index.ts';
import { articleKey, type CompiledSource, type CompileJob, type CompileResult } from './compile.ts';
import { createRunner, defaultThreads, type Runner } from './pool.ts';
import { Timings } from './timings.ts';

/** Options shared by `check` and `build`. */
export interface RunOptions extends PathOptions {
  /** Include drafts (dev builds). Default: false. */
  drafts?: boolean;
  /** The build's "now" in ms (future-date warnings, news sitemap). Default: `SOURCE_DATE_EPOCH` or the clock. */
  now?: number;
  /** Worker threads. Default: one per core (`BAYEGAN_THREADS` overrides); small sites run in one thread. */
  threads?: number;
}

/** A validated archive and what it was checked with. */
export interface CheckedProject extends Analysis {
  paths: ProjectPaths;
  config: SiteConfig;
  settings: RenderSettings;
  now: number;
  sources: SourceFile[];
  /** Problems with the cache (ignored and repaired), for the user to know. */
  warnings: string[];
  /** The worker pool, started on first use. */
  runner: () => Runner;
  /** Stop the worker pool if it was started. */
  close: () => Promise<void>;
  timings: Timings;
}

// Below this many jobs a pool costs more to start than it saves.
const POOL_THRESHOLD = 64;
const COMPILE_BATCH = 16;

function fromRecord(record: SourceRecord, cache: CompiledSource['cache']): CompiledSource {
  const { path, hash, key, diagnostics, frontMatter, facts } = record;
  return { path, hash, key, diagnostics, cache, ...(frontMatter && { frontMatter }), ...(facts && { facts }) };
}

/**
 * Compile every source, answering from the cache what it can: a file whose size and time
 * match the index is not read; one whose bytes still hash the same is not parsed. The rest is
 * parsed (and rendered) on the worker pool. Results are in the sources' order.
 */
async function compileSources(
  sources: SourceFile[],
  render: boolean,
  settings: RenderSettings,
  paths: ProjectPaths,
  runner: () => Runner,
  timings: Timings,
) {
  const index = await readSourceIndex(paths.cache);
  timings.mark('read cache index');
  const warnings =
    index.corrupt > 0 ? [`${index.corrupt} damaged entr${index.corrupt === 1 ? 'y' : 'ies'} in the cache (.cache/sources/) ignored and rebuilt.`] : [];
  // A record is only worth anything under the same pipeline version and render settings.
  const usable = (file: string) => {
    const record = index.records.get(file);
    return record && record.key === articleKey(record.path, record.hash, settings) ? record : undefined;
  };
  // Synchronous stat is several times cheaper than the promise API for this many small calls.
  const stamps = sources.map((source) => statSync(source.abs));
  const records = new Array<SourceRecord>(sources.length);
  const compiled = new Array<CompiledSource>(sources.length);
  const jobs: Array<{ at: number; job: CompileJob }> = [];
  const htmlRoot = path.join(paths.cache, 'html');
  sources.forEach((source, at) => {
    const record = usable(source.path);
    const stamp = stamps[at]!;
    if (record && record.size === stamp.size && record.mtimeMs === stamp.mtimeMs && (record.rendered || !render)) {
      records[at] = record;
      compiled[at] = fromRecord(record, 'hit');
      return;
    }
    const job: CompileJob = { path: source.path, abs: source.abs, render, settings, htmlRoot };
    if (record) job.known = { hash: record.hash, rendered: record.rendered };
    jobs.push({ at, job });
  });
  timings.mark('stat sources');
  const pool = jobs.length >= POOL_THRESHOLD ? runner() : createRunner(0);
  const batches: Array<typeof jobs> = [];
  for (let i = 0; i < jobs.length; i += COMPILE_BATCH) batches.push(jobs.slice(i, i + COMPILE_BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      const results = await pool.run<CompileResult[]>({ kind: 'compile', jobs: batch.map((b) => b.job) });
      results.forEach((result, i) => {
        const at = batch[i]!.at;
        const { reused, size, mtimeMs } = result;
        const record: SourceRecord = result.reused
          ? { ...usable(result.path)!, size, mtimeMs }
          : {
              path: result.path,
              size,
              mtimeMs,
              hash: result.hash,
              key: result.key,
              rendered: result.rendered,
              diagnostics: result.diagnostics,
              ...(result.frontMatter && { frontMatter: result.frontMatter }),
              ...(result.facts && { facts: result.facts }),
            };
        records[at] = record;
        compiled[at] = fromRecord(record, reused ? 'hit' : 'miss');
      });
    }),
  );
  timings.mark(`compile ${jobs.length}`);
  await writeSourceIndex(paths.cache, records, index);
  timings.mark('write cache index');
  return { compiled, warnings };
}

/**
 * The pipeline up to and including validation: load, parse (and, when `render`, render into
 * the cache), validate. `check` stops here; `build` goes on. Throws a {@link ContentFailure}
 * when the site settings are invalid.
 */
export async function checkProject(options: RunOptions, render = false): Promise<CheckedProject> {
  const timings = new Timings();
  const paths = resolvePaths(options);
  const config = loadSiteConfig(paths);
  const now = options.now ?? buildTime();
  const sources = await scanContent(paths);
  timings.mark('scan');
  const settings: RenderSettings = { basePath: config.basePath };
  let pool: Runner | undefined;
  const runner = () => (pool ??= createRunner(options.threads ?? defaultThreads()));
  try {
    const { compiled, warnings } = await compileSources(sources, render, settings, paths, runner, timings);
    const analysis = analyse(sources, compiled, config, paths, { drafts: options.drafts ?? false, now });
    timings.mark('validate');
    const close = async () => {
      await pool?.close();
      pool = undefined;
    };
    // `check` ends here; `build` needs the pool again for pages and closes it itself.
    if (!render) await close();
    return { ...analysis, paths, config, settings, now, sources, warnings, runner, close, timings };
  } catch (error) {
    await pool?.close();
    throw error;
  }
}

/** Throw a {@link ContentFailure} when the diagnostics hold an error. */
export function failOnErrors(diagnostics: Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new ContentFailure(diagnostics);
}
