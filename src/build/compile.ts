import { hash as digest } from 'node:crypto';
import { closeSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/index.ts';
import { hashBytes, openRegular, readHead, unreadableProblem } from '../load/index.ts';
import {
  collectFacts,
  MAX_ARTICLE_BYTES,
  overBudgetProblem,
  overMemoryProblem,
  parseBudgetMs,
  parseMarkdown,
  runWithinBudget,
  splitSource,
  TOO_DEEP,
  type FrontMatter,
  type MarkdownFacts,
  type SplitSource,
} from '../parse/index.ts';
import { RENDER_VERSION, renderBody, type RenderSettings } from '../render/index.ts';
import { HtmlStore, type CheckedCache } from './cache/index.ts';

/** One source after parsing: its metadata, never its HTML (that waits in the HTML store). */
export interface CompiledSource {
  path: string;
  hash: string;
  /** Key of the rendered body in the HTML store. */
  key: string;
  diagnostics: Diagnostic[];
  frontMatter?: FrontMatter;
  facts?: MarkdownFacts;
  /** `hit`: answered by the cache; `miss`: the Markdown was parsed in this run. */
  cache: 'hit' | 'miss';
  /** The file's own check, from the cache (valid if its key matches the run's). */
  checked?: CheckedCache;
}

/** A source to compile on a worker thread; plain data. */
export interface CompileJob {
  path: string;
  abs: string;
  /** Render the body into the HTML store too (build), or only parse it (check). */
  render: boolean;
  settings: RenderSettings;
  htmlRoot: string;
  /** What the cache knew of this path: if the bytes still hash to it, nothing is parsed. */
  known?: { hash: string; rendered: boolean };
}

/** What a worker sends back for one job. */
export type CompileResult = {
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
  key: string;
} & (
  | { reused: true }
  | { reused: false; rendered: boolean; diagnostics: Diagnostic[]; frontMatter?: FrontMatter; facts?: MarkdownFacts }
);

/**
 * The key of a result no later run may reuse, because it depends on this run's clock or
 * permissions (a file over its parse budget, a file that could not be read): no cache record
 * ever matches it, so the file is read again next time.
 */
const UNCACHED = '';

/** The cache key of an article's body: its path and bytes, the pipeline's version and the settings that shape its HTML. */
export function articleKey(path: string, hash: string, settings: RenderSettings): string {
  // One-shot: run for every record of the index on every build.
  return digest('sha256', JSON.stringify([RENDER_VERSION, settings, path, hash]), 'hex');
}

/** How far compiling one file got: what a file stopped by its budget is reported with. */
interface Progress {
  split?: SplitSource;
}

/** What parsing (and rendering) one file gave. */
interface Compiled {
  diagnostics: Diagnostic[];
  frontMatter?: FrontMatter;
  facts?: MarkdownFacts;
  html?: string;
  /** Stopped by the parse budget: depends on the clock, so never reused. */
  overBudget?: boolean;
}

/**
 * Parse (and render) one article from its bytes; pure and synchronous, so that a budget can
 * stop it. `size` is the file's size when only its start was read (a file too large to accept).
 */
export function compileBytes(path: string, bytes: Uint8Array, render: boolean, settings: RenderSettings, progress: Progress = {}, size?: number): Compiled {
  const split = splitSource(path, bytes, size);
  progress.split = split;
  if (!split.frontMatter) return { diagnostics: split.diagnostics };
  const tree = parseMarkdown(split.body);
  const facts = collectFacts(tree, split.bodyLine);
  let html: string | undefined;
  if (render && !facts.problem) {
    try {
      html = renderBody(tree, facts.hasHtml, settings);
    } catch (error) {
      // Nesting the fixed limit did not foresee ran a renderer out of stack: reported, never thrown.
      facts.problem = error instanceof RangeError ? TOO_DEEP : `${(error as Error).name}: ${(error as Error).message}`;
    }
  }
  return { diagnostics: split.diagnostics, frontMatter: split.frontMatter, facts, html };
}

/** A job whose file was read and must be parsed. */
interface Pending {
  job: CompileJob;
  base: { path: string; size: number; mtimeMs: number; hash: string; key: string };
  bytes: Buffer;
  progress: Progress;
}

// A source's first bytes (never more than an article may have) and its size and time, read
// through a descriptor known to be a regular file (a FIFO swapped in since the scan is never waited on).
function readSource(abs: string): { bytes: Buffer; size: number; mtimeMs: number } {
  const opened = openRegular(abs);
  try {
    const { size, mtimeMs } = opened.stat;
    // A file over the limit is refused by its size: reading all of it would only cost memory.
    return { bytes: readHead(opened.fd, Math.min(size, MAX_ARTICLE_BYTES + 1)), size, mtimeMs };
  } finally {
    closeSync(opened.fd);
  }
}

// The result of a file that gave no content to cache: it is read again next run.
function failedResult(path: string, diagnostics: Diagnostic[]): CompileResult {
  return { path, size: -1, mtimeMs: -1, hash: '', key: UNCACHED, reused: false, rendered: false, diagnostics };
}

// Read and hash one job's file; answer it at once when the cache has it.
function readJob(job: CompileJob): CompileResult | Pending {
  let read;
  try {
    read = readSource(job.abs);
  } catch (error) {
    return failedResult(job.path, unreadableProblem(job.path, error));
  }
  const { bytes, size, mtimeMs } = read;
  const hash = hashBytes(bytes);
  const base = { path: job.path, size, mtimeMs, hash, key: articleKey(job.path, hash, job.settings) };
  if (job.known && job.known.hash === hash && (job.known.rendered || !job.render)) return { ...base, reused: true };
  return { job, base, bytes, progress: {} };
}

/**
 * Run compile jobs: read and hash each file; parse and render it unless the cache already has
 * it, each file within the parse budget (`BAYEGAN_PARSE_BUDGET`). A file over budget is a
 * `markdown-too-slow` error, with what was read of its front matter.
 */
export function runCompileJobs(jobs: readonly CompileJob[]): CompileResult[] {
  const ms = parseBudgetMs();
  const read = jobs.map(readJob);
  const pending = read.filter((r): r is Pending => 'job' in r);
  const compiled = runWithinBudget<Pending, Compiled>(
    pending,
    ms,
    ({ job, bytes, base, progress }) => compileBytes(job.path, bytes, job.render, job.settings, progress, base.size),
    // What was read of the front matter is kept, so that its own mistakes are reported too.
    ({ job, progress: { split } }) => ({
      ...(split?.frontMatter && { frontMatter: split.frontMatter, facts: { links: [], images: [], firstParagraph: '', hasHtml: false } }),
      diagnostics: [...(split?.diagnostics ?? []), ...overBudgetProblem(job.path, ms, split?.frontMatter && split.bodyLine)],
      overBudget: true,
    }),
  );
  const results = new Map<Pending, CompileResult>();
  pending.forEach((item, at) => {
    const { html, overBudget, ...meta } = compiled[at]!;
    if (html !== undefined) new HtmlStore(item.job.htmlRoot).write(item.base.key, html);
    results.set(item, { ...item.base, ...(overBudget && { key: UNCACHED }), reused: false, rendered: html !== undefined, ...meta });
  });
  return read.map((r) => ('job' in r ? results.get(r)! : r));
}

/** The result of a job whose file made a pool thread run out of memory (of `heapMb` MB): a `markdown-too-slow` error, never reused. */
export function overMemoryResult(job: CompileJob, heapMb: number): CompileResult {
  return failedResult(job.path, overMemoryProblem(job.path, heapMb));
}

/** The rendered body of an article from the HTML store, rendered again from its source if the store lost it. */
export function loadBody(ref: { key: string; path: string; abs: string }, settings: RenderSettings, htmlRoot: string): { html: string; rebuilt: boolean } {
  const store = new HtmlStore(htmlRoot);
  const stored = store.read(ref.key);
  if (stored.status === 'hit') return { html: stored.html, rebuilt: false };
  // This body was read within its budget when it was checked; only a lost cache entry brings it here.
  const { html = '' } = compileBytes(ref.path, readSource(ref.abs).bytes, true, settings);
  store.write(ref.key, html);
  return { html, rebuilt: true };
}
