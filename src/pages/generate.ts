import type { ProjectPaths } from '../config/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { articleOutputs } from './article.ts';
import { themeAssets, type ThemeAssets } from './assets.ts';
import { archiveOutputs, notFoundOutput, tagsOutput } from './catalogue.ts';
import { sharedSite } from './context.ts';
import { ImageLibrary } from './images/index.ts';
import type { Theme } from './engine.ts';
import { indexSpecs, listOutputs } from './lists.ts';
import { paginate } from '../site/index.ts';
import type { BodyRef, Output } from './output.ts';

/** What page generation needs from the build. */
export interface PageInputs {
  model: SiteModel;
  paths: ProjectPaths;
  /** Where an article's rendered body is. */
  body: (article: Article) => BodyRef;
  theme: Theme;
  /** The theme's files as the site serves them, when the build made them already (they are read and hashed). */
  assets?: ThemeAssets;
}

/** Every HTML page of the site and the theme's assets, one at a time, as data to render. */
export function* generatePages({ model, paths, body, theme, assets = themeAssets(paths.templates, model.config, paths) }: PageInputs): Generator<Output> {
  const site = sharedSite(theme, model.config, assets);
  const images = new ImageLibrary(paths, model.config);
  yield* assets.outputs;
  for (const article of model.articles) yield* articleOutputs(article, model, site, paths, body(article), images);
  for (const spec of indexSpecs(model)) yield* listOutputs(spec, model, site, images);
  yield tagsOutput(model, site);
  yield* archiveOutputs(model, site);
  yield notFoundOutput(model, site);
}

/** How many pages (template outputs) {@link generatePages} yields, from the model alone: the end of a progress bar. */
export function countPages(model: SiteModel): number {
  let pages = model.articles.length + 1 + 1 + model.years.length + 1;
  for (const spec of indexSpecs(model)) pages += paginate(spec.articles, spec.pageSize).length;
  return pages;
}
