import { buildTime, loadSiteConfig, resolvePaths, type PathOptions, type ProjectPaths, type SiteConfig } from '../config/index.ts';
import { ContentFailure, hasErrors, type Diagnostic } from '../diagnostics/index.ts';
import { scanContent } from '../load/index.ts';
import { analyse, type Analysis } from './analyse.ts';
import { runCompileJob, type CompiledSource, type CompileJob } from './compile.ts';

/** Options shared by `check` and `build`. */
export interface RunOptions extends PathOptions {
  /** Include drafts (dev builds). Default: false. */
  drafts?: boolean;
  /** The build's "now" in ms (future-date warnings, news sitemap). Default: `SOURCE_DATE_EPOCH` or the clock. */
  now?: number;
}

/** A validated archive and the settings it was checked with. */
export interface CheckedProject extends Analysis {
  paths: ProjectPaths;
  config: SiteConfig;
  now: number;
  jobs: Map<string, CompileJob>;
}

// Reading and parsing overlap I/O with CPU; results keep the sources' order whatever the timing.
async function compileAll(jobs: CompileJob[], concurrency = 8): Promise<CompiledSource[]> {
  const results = new Array<CompiledSource>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await runCompileJob(jobs[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return results;
}

/**
 * The pipeline up to and including validation: load, parse (and, when `render`, render into
 * the cache), validate. `check` stops here; `build` goes on. Throws a {@link ContentFailure}
 * when the site settings are invalid.
 */
export async function checkProject(options: RunOptions, render = false): Promise<CheckedProject> {
  const paths = resolvePaths(options);
  const config = loadSiteConfig(paths);
  const now = options.now ?? buildTime();
  const sources = await scanContent(paths);
  const settings = { basePath: config.basePath };
  const jobs = sources.map((source) => ({ source, render, settings, cacheRoot: paths.cache }));
  const compiled = await compileAll(jobs);
  const analysis = analyse(sources, compiled, config, paths, { drafts: options.drafts ?? false, now });
  return { ...analysis, paths, config, now, jobs: new Map(jobs.map((j) => [j.source.path, j])) };
}

/** Throw a {@link ContentFailure} when the diagnostics hold an error. */
export function failOnErrors(diagnostics: Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new ContentFailure(diagnostics);
}
