import type { ProjectPaths } from '../config/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { articleOutputs, type BodySource } from './article.ts';
import { themeAssets } from './assets.ts';
import { archiveOutputs, notFoundOutput, tagsOutput } from './catalogue.ts';
import { siteContext } from './context.ts';
import { createTemplateEngine } from './engine.ts';
import { indexSpecs, listOutputs } from './lists.ts';
import type { Output } from './output.ts';

/** What page generation needs from the build. */
export interface PageInputs {
  model: SiteModel;
  paths: ProjectPaths;
  /** The rendered body of an article. */
  body: BodySource;
  /** The render cache key of an article's body (changes when its HTML may change). */
  bodyKey: (article: Article) => string;
}

/** Every HTML page of the site and the theme's assets, one at a time (bodies are never all in memory). */
export function* generatePages({ model, paths, body, bodyKey }: PageInputs): Generator<Output> {
  const engine = createTemplateEngine(paths.templates, model.config);
  const assets = themeAssets(paths.templates, model.config);
  const site = siteContext(model.config, assets);
  yield* assets.outputs;
  for (const article of model.articles) {
    yield* articleOutputs(article, model, engine, site, paths, body, bodyKey(article));
  }
  for (const spec of indexSpecs(model)) yield* listOutputs(spec, model, engine, site);
  yield tagsOutput(model, engine, site);
  yield* archiveOutputs(model, engine, site);
  yield notFoundOutput(model, engine, site);
}
