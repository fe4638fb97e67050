import { existsSync } from 'node:fs';
import type { SiteConfig } from '../../config/index.ts';
import { hasErrors, type Diagnostic } from '../../diagnostics/index.ts';
import type { SourceFile } from '../../load/index.ts';
import type { RenderSettings } from '../../render/index.ts';
import type { Article, CheckedSource } from '../../validate/index.ts';
import { checkKey, checkOne } from '../analyse.ts';
import { runCompileJobs, type CompiledSource, type CompileJob, type CompileResult } from '../compile.ts';
import { createRunner, defaultThreads, type Runner } from '../pool.ts';

/** One source as the session holds it: where it is, and what parsing and its own check gave. */
export interface SourceEntry {
  source: SourceFile;
  /** Its `checked` is always the current check, for the current settings. */
  compiled: CompiledSource;
}

/** A source's own problems: reading, parsing and its front matter. */
export function ownDiagnostics(entry: SourceEntry): Diagnostic[] {
  return [...entry.compiled.diagnostics, ...(entry.compiled.checked?.diagnostics ?? [])];
}

// The parts of an article that place it in the site: its URL, lists, tags, archive month, aliases
// and files. An edit that keeps them (text, title, lead) changes the pages that show the article,
// never which pages there are, nor any rule across files.
function placing(a: Article | undefined) {
  return a && [a.shenaseh, a.date, a.updated, a.service, a.tags, a.assets, a.aliases, a.draft, a.image];
}

/**
 * Everything of a source that the rules across files and the site's shape read, without places
 * in the file: two sources with one shape take the same part in the archive.
 */
export function shapeOf(entry: SourceEntry): string {
  const source: CheckedSource | undefined = entry.compiled.checked?.source;
  const urls = (list: Array<{ url: string }> | undefined) => list?.map((r) => r.url);
  return JSON.stringify([
    hasErrors(ownDiagnostics(entry)),
    source && [source.shenaseh?.id, source.probableIds, source.draft, source.date, source.dates?.date?.value, source.dates?.updated?.value],
    source && [source.tags.map((t) => [t.key, t.name]), source.aliases.map((a) => a.alias), source.image?.url, urls(source.links), urls(source.images)],
    placing(source?.article),
  ]);
}

/** Give `target` exactly the fields of `source`, keeping the object: the site model holds articles by identity. */
export function replaceFields<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(target)) if (!Object.hasOwn(source, key)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
}

// Below this many files a pool costs more to start than it saves.
const POOL_THRESHOLD = 32;
const BATCH = 16;

/** Parses and renders changed sources for the session: a few in this thread, a burst (a `git checkout`) on a pool. */
export class SourceCompiler {
  private pool: Runner | undefined;

  constructor(
    private readonly htmlRoot: string,
    private readonly threads: number = defaultThreads(),
  ) {}

  /**
   * Compile the sources and check each on its own; `known` gives what the session had, so that
   * a file saved with the same bytes is answered `unchanged`.
   */
  async compile(
    sources: SourceFile[],
    known: (path: string) => CompiledSource | undefined,
    settings: RenderSettings,
    config: SiteConfig,
  ): Promise<Array<CompiledSource | 'unchanged' | 'gone'>> {
    const jobs: CompileJob[] = sources.map((source) => {
      const before = known(source.path);
      return { path: source.path, abs: source.abs, render: true, settings, htmlRoot: this.htmlRoot, ...(before && { known: { hash: before.hash, rendered: true } }) };
    });
    const results = await this.run(jobs);
    const key = checkKey(config);
    return results.map((result) => {
      if (result === 'gone') return 'gone';
      if (result.reused) return 'unchanged';
      const { path: file, hash, diagnostics, frontMatter, facts } = result;
      const compiled: CompiledSource = { path: file, hash, key: result.key, diagnostics, cache: 'miss', ...(frontMatter && { frontMatter }), ...(facts && { facts }) };
      compiled.checked = checkOne(compiled, config, key);
      return compiled;
    });
  }

  // A file deleted between the event and the read is simply gone: the next event says so too.
  private async run(jobs: CompileJob[]): Promise<Array<CompileResult | 'gone'>> {
    const gone = (result: CompileResult, at: number): CompileResult | 'gone' => (result.size === -1 && !existsSync(jobs[at]!.abs) ? 'gone' : result);
    if (jobs.length < POOL_THRESHOLD || this.threads === 0) return runCompileJobs(jobs).map(gone);
    this.pool ??= createRunner(this.threads);
    const batches: CompileJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
    const done = await Promise.all(batches.map((batch) => this.pool!.run<CompileResult[]>({ kind: 'compile', jobs: batch }).catch(() => runCompileJobs(batch))));
    return done.flat().map(gone);
  }

  /** Stop the pool, if one was started. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
