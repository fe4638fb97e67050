import type { ProjectPaths } from '../config/index.ts';
import type { StaticFile } from '../load/index.ts';
import { feedOutputsOf, redirectOutputs, sitemapOutputs, staticOutputs, withCacheHeaders, type SearchIndex } from '../outputs/index.ts';
import { countPages, generatePages, isTemplateOutput, type BodyRef, type Output, type Theme, type ThemeAssets } from '../pages/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';

/** How many files of each kind a site has (the build's summary). */
export interface OutputCounts {
  /** HTML pages rendered from templates: articles, lists, tags, archives, 404, search. */
  pages: number;
  /** Files made or copied beside them: the theme's assets, articles' images and their resized copies. */
  assets: number;
  /** RSS and Atom files. */
  feeds: number;
  /** Sitemap files, the index and the news sitemap included. */
  sitemaps: number;
  /** Alias pages and `_redirects`. */
  redirects: number;
  /** The search index and its script. */
  search: number;
  /** Files of `static/`, `robots.txt`, `favicon.ico` and `_headers`. */
  other: number;
}

/** Every file of a site, in the order a build writes them, and how many pages there will be. */
export interface SiteOutputs {
  /** Each output once, in batches (tens of thousands pass through here: one step each would cost more than making most of them); iterate once. */
  outputs: AsyncIterable<readonly Output[]>;
  /** How many of `outputs` are pages (template outputs), known before iterating: the progress bar's end. */
  pages: number;
  /** Counted while `outputs` is iterated: complete once it is. */
  counts: OutputCounts;
}

/** What making the outputs needs from the build. */
export interface OutputInputs {
  model: SiteModel;
  paths: ProjectPaths;
  theme: Theme;
  /** The theme's files as the site serves them, when made already. */
  assets?: ThemeAssets;
  /** Where an article's rendered body is. */
  body: (article: Article) => BodyRef;
  /** The build's "now" (the news sitemap). */
  now: number;
  /** The files of `static/` (none: no static files, robots.txt, favicon or `_headers`). */
  statics?: readonly StaticFile[];
  /** The search page and its script (none in dev). */
  search?: Output[];
  /** The search index, made while the pages are: its files are written between pages as they are made, the rest after the pages. */
  searchIndex?: SearchIndex;
  /** Called once every page's batch has been taken, before the outputs that follow them (the search index may wait for it). */
  afterPages?: () => Promise<void>;
}

// Outputs in a batch, and between two looks for search index files made meanwhile.
const SEARCH_EVERY = 64;

/** Pages (from `pages/`), then feeds, sitemaps, redirects, search and static files (from `outputs/`): the whole site. */
export function siteOutputs(inputs: OutputInputs): SiteOutputs {
  const { model } = inputs;
  const counts: OutputCounts = { pages: 0, assets: 0, feeds: 0, sitemaps: 0, redirects: 0, search: 0, other: 0 };
  const search = inputs.search ?? [];
  const searchPages = search.filter(isTemplateOutput).length;
  const index = inputs.searchIndex;
  const lists = [
    [feedOutputsOf(model), 'feeds'],
    [sitemapOutputs(model, inputs.now), 'sitemaps'],
    [redirectOutputs(model), 'redirects'],
    [search, 'search'],
    // Asked for after the pages, not before: a failed index must reject where it is awaited.
    [async () => (index ? (await index.done, index.take()) : []), 'search'],
    [inputs.statics ? staticOutputs(inputs.statics, model.config, inputs.paths.templates) : [], 'other'],
  ] as const;
  const outputs = async function* (): AsyncGenerator<readonly Output[]> {
    let batch: Output[] = [];
    for (const output of generatePages(inputs)) {
      if (isTemplateOutput(output)) counts.pages += 1;
      else counts.assets += 1;
      batch.push(output);
      if (batch.length < SEARCH_EVERY) continue;
      // Index files made meanwhile go now, so a shard's bytes are not held until the last page.
      if (index) {
        for (const file of index.take()) {
          counts.search += 1;
          batch.push(file);
        }
      }
      yield batch;
      batch = [];
    }
    if (batch.length > 0) yield batch;
    await inputs.afterPages?.();
    for (const [list, kind] of lists) {
      const items = typeof list === 'function' ? await list() : await list;
      for (const output of items) {
        if (isTemplateOutput(output)) counts.pages += 1;
        else counts[kind] += 1;
      }
      yield items;
    }
  };
  const all = inputs.statics ? counted(withCacheHeaders(outputs(), model.config, inputs.statics), counts) : outputs();
  return { outputs: all, pages: countPages(model) + searchPages, counts };
}

// `_headers`, the one output made after all others (it names their folders), counted with the rest.
async function* counted(batches: AsyncIterable<readonly Output[]>, counts: OutputCounts): AsyncGenerator<readonly Output[]> {
  for await (const batch of batches) {
    for (const output of batch) if (output.path === '/_headers') counts.other += 1;
    yield batch;
  }
}
