import type { ProjectPaths } from '../config/index.ts';
import { feedOutputsOf, redirectOutputs, sitemapOutputs } from '../outputs/index.ts';
import { generatePages, indexSpecs, isTemplateOutput, type BodyRef, type Output, type Theme } from '../pages/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';

/** How many files of each kind a site has (the build's summary). */
export interface OutputCounts {
  /** HTML pages rendered from templates: articles, lists, tags, archives, 404. */
  pages: number;
  /** Files copied as they are: the theme's stylesheet and font, articles' images. */
  assets: number;
  /** RSS and Atom files. */
  feeds: number;
  /** Sitemap files, the index and the news sitemap included. */
  sitemaps: number;
  /** Alias pages and `_redirects`. */
  redirects: number;
}

/** Every file of a site, in the order a build writes them, and how many there will be. */
export interface SiteOutputs {
  /** Each output once; iterate once. */
  outputs: Iterable<Output>;
  /** What `outputs` yields, known before iterating (the progress bar's end). */
  total: number;
  /** Counted while `outputs` is iterated: complete once it is. */
  counts: OutputCounts;
}

/** What making the outputs needs from the build. */
export interface OutputInputs {
  model: SiteModel;
  paths: ProjectPaths;
  theme: Theme;
  /** Where an article's rendered body is. */
  body: (article: Article) => BodyRef;
  /** The build's "now" (the news sitemap). */
  now: number;
}

// The number of files `generatePages` yields, from the model alone: the pages' keys are what
// costs, so the outputs are not made twice to count them. A test holds it to the real count.
function pageFiles(model: SiteModel): number {
  let files = 2 + 1 + 1 + model.years.length + 1;
  for (const article of model.articles) files += 1 + article.assets.length;
  for (const spec of indexSpecs(model)) files += 1 + Math.floor(spec.articles.length / spec.pageSize);
  return files;
}

/** Pages (from `pages/`), then feeds, sitemaps and redirects (from `outputs/`): the whole site. */
export function siteOutputs(inputs: OutputInputs): SiteOutputs {
  const { model } = inputs;
  const counts: OutputCounts = { pages: 0, assets: 0, feeds: 0, sitemaps: 0, redirects: 0 };
  // Small, and made whole anyway: made now so that their number is known.
  const feeds = feedOutputsOf(model);
  const sitemaps = sitemapOutputs(model, inputs.now);
  const redirects = redirectOutputs(model);
  const outputs = function* (): Generator<Output> {
    for (const output of generatePages(inputs)) {
      if (isTemplateOutput(output)) counts.pages += 1;
      else counts.assets += 1;
      yield output;
    }
    for (const [list, kind] of [[feeds, 'feeds'], [sitemaps, 'sitemaps'], [redirects, 'redirects']] as const) {
      for (const output of list) {
        counts[kind] += 1;
        yield output;
      }
    }
  };
  return { outputs: outputs(), total: pageFiles(model) + feeds.length + sitemaps.length + redirects.length, counts };
}
