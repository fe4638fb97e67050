import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/index.ts';
import { readSource, type SourceFile } from '../load/index.ts';
import { collectFacts, parseMarkdown, splitSource, type FrontMatter, type MarkdownFacts } from '../parse/index.ts';
import { JsonCache, RENDER_VERSION, renderBody, type RenderSettings } from '../render/index.ts';

/** What is cached per article: everything that comes from its bytes alone. */
export interface ArticleCacheEntry {
  diagnostics: Diagnostic[];
  frontMatter?: FrontMatter;
  facts?: MarkdownFacts;
  html?: string;
}

/** One source after parsing (and, when building, rendering): its metadata, not its HTML. */
export interface CompiledSource {
  path: string;
  hash: string;
  /** Cache key of the entry holding the rendered body. */
  key: string;
  diagnostics: Diagnostic[];
  frontMatter?: FrontMatter;
  facts?: MarkdownFacts;
  /** How the cache answered; `miss` and `corrupt` mean the Markdown was parsed now. */
  cache: 'hit' | 'miss' | 'corrupt';
}

/** Everything a compile job needs; plain data, so it can run on a worker thread. */
export interface CompileJob {
  source: SourceFile;
  /** Render the body too (build), or only parse it (check). */
  render: boolean;
  settings: RenderSettings;
  cacheRoot: string;
}

/** The cache key of an article: its path and bytes, the pipeline's version and the settings that shape its HTML. */
export function articleKey(path: string, hash: string, settings: RenderSettings): string {
  return createHash('sha256').update(JSON.stringify([RENDER_VERSION, settings, path, hash])).digest('hex');
}

/** Parse (and render) one article from its bytes. Pure apart from the cache. */
export async function compileSource(path: string, bytes: Buffer, render: boolean, settings: RenderSettings): Promise<ArticleCacheEntry> {
  const split = splitSource(path, bytes);
  const entry: ArticleCacheEntry = { diagnostics: split.diagnostics };
  if (!split.frontMatter) return entry;
  const tree = parseMarkdown(split.body);
  entry.frontMatter = split.frontMatter;
  entry.facts = collectFacts(tree, split.bodyLine);
  if (render) entry.html = await renderBody(tree, entry.facts.hasHtml, settings);
  return entry;
}

/** Run one compile job: answer from the cache when its entry is whole, else parse, render and store. */
export async function runCompileJob(job: CompileJob): Promise<CompiledSource> {
  const { bytes, hash } = await readSource(job.source.abs);
  const key = articleKey(job.source.path, hash, job.settings);
  const cache = new JsonCache<ArticleCacheEntry>(job.cacheRoot, 'articles');
  const cached = cache.read(key);
  let entry: ArticleCacheEntry;
  if (cached.status === 'hit' && (!job.render || cached.value.html !== undefined || !cached.value.frontMatter)) {
    entry = cached.value;
  } else {
    entry = await compileSource(job.source.path, bytes, job.render, job.settings);
    if (job.render) cache.write(key, entry);
  }
  const { html: _html, ...meta } = entry;
  return { path: job.source.path, hash, key, ...meta, cache: cached.status };
}

/** The rendered body of an article, from the cache, or rendered again if the entry has gone. */
export async function loadBody(job: CompileJob, key: string): Promise<string> {
  const cached = new JsonCache<ArticleCacheEntry>(job.cacheRoot, 'articles').read(key);
  if (cached.status === 'hit' && cached.value.html !== undefined) return cached.value.html;
  const { bytes } = await readSource(job.source.abs);
  return (await compileSource(job.source.path, bytes, true, job.settings)).html ?? '';
}
