import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/index.ts';
import { hashBytes } from '../load/index.ts';
import { collectFacts, parseMarkdown, splitSource, type FrontMatter, type MarkdownFacts } from '../parse/index.ts';
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

/** The cache key of an article's body: its path and bytes, the pipeline's version and the settings that shape its HTML. */
export function articleKey(path: string, hash: string, settings: RenderSettings): string {
  return createHash('sha256').update(JSON.stringify([RENDER_VERSION, settings, path, hash])).digest('hex');
}

/** Parse (and render) one article from its bytes; pure. */
export async function compileBytes(path: string, bytes: Uint8Array, render: boolean, settings: RenderSettings) {
  const split = splitSource(path, bytes);
  if (!split.frontMatter) return { diagnostics: split.diagnostics };
  const tree = parseMarkdown(split.body);
  const facts = collectFacts(tree, split.bodyLine);
  const html = render ? await renderBody(tree, facts.hasHtml, settings) : undefined;
  return { diagnostics: split.diagnostics, frontMatter: split.frontMatter, facts, html };
}

/** Run one compile job: read and hash the file; parse and render it unless the cache already has it. */
export async function runCompileJob(job: CompileJob): Promise<CompileResult> {
  // Synchronous: in a worker thread nothing else waits, and sync calls cost far less.
  const bytes = readFileSync(job.abs);
  const stamp = statSync(job.abs);
  const hash = hashBytes(bytes);
  const key = articleKey(job.path, hash, job.settings);
  const base = { path: job.path, size: stamp.size, mtimeMs: stamp.mtimeMs, hash, key };
  if (job.known && job.known.hash === hash && (job.known.rendered || !job.render)) return { ...base, reused: true };
  const { html, ...meta } = await compileBytes(job.path, bytes, job.render, job.settings);
  if (html !== undefined) new HtmlStore(job.htmlRoot).write(key, html);
  return { ...base, reused: false, rendered: html !== undefined, ...meta };
}

/** The rendered body of an article from the HTML store, rendered again from its source if the store lost it. */
export async function loadBody(
  ref: { key: string; path: string; abs: string },
  settings: RenderSettings,
  htmlRoot: string,
): Promise<{ html: string; rebuilt: boolean }> {
  const store = new HtmlStore(htmlRoot);
  const stored = store.read(ref.key);
  if (stored.status === 'hit') return { html: stored.html, rebuilt: false };
  const { html = '' } = await compileBytes(ref.path, readFileSync(ref.abs), true, settings);
  store.write(ref.key, html);
  return { html, rebuilt: true };
}
