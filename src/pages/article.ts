import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { articlePath, withBase, type ProjectPaths } from '../config/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { card, pageKey, pageMeta, tagLinks, type SiteContext } from './context.ts';
import type { TemplateEngine } from './engine.ts';
import type { Output } from './output.ts';

/** Gives the rendered HTML body of an article (from the render cache). */
export type BodySource = (article: Article) => Promise<string>;

function assetPath(article: Article, relative: string): string {
  return articlePath(article.shenaseh) + relative.split('/').map(encodeURIComponent).join('/');
}

function leadImage(article: Article, model: SiteModel, paths: ProjectPaths) {
  if (!article.image) return undefined;
  const relative = article.image.replace(/^\.\//, '');
  let size: { width?: number; height?: number } = {};
  try {
    size = imageSize(readFileSync(path.join(paths.root, path.dirname(article.path), relative)));
  } catch {
    // An image format image-size does not know is shown without reserved space.
  }
  return {
    src: withBase(model.config.basePath, assetPath(article, relative)),
    width: size.width,
    height: size.height,
    caption: article.caption ?? '',
  };
}

/** The page of one article, and the files it uses, published beside it. */
export function articleOutputs(
  article: Article,
  model: SiteModel,
  engine: TemplateEngine,
  site: SiteContext,
  paths: ProjectPaths,
  body: BodySource,
  bodyKey: string,
): Output[] {
  const neighbours = model.neighbours(article);
  const sitePath = articlePath(article.shenaseh);
  const base = card(article, model);
  const context = {
    site,
    page: pageMeta(model.config, sitePath, article.title, article.summary, 'article'),
    article: {
      ...base,
      updated: article.updated,
      lead: article.lead,
      image: leadImage(article, model, paths),
      // Shown under the lead when there is no image to carry it (an imported dump's caption).
      caption: article.caption ?? '',
      author: article.author ?? '',
      source: article.source ?? '',
      tags: tagLinks(article, model),
    },
    previous: neighbours.previous && card(neighbours.previous, model),
    next: neighbours.next && card(neighbours.next, model),
    related: neighbours.related.map((a) => card(a, model)),
  };
  const outputs: Output[] = [
    {
      path: sitePath,
      key: pageKey(engine.hash, context, bodyKey),
      content: async () => {
        const html = await body(article);
        return engine.render('article', { ...context, article: { ...context.article, body: html } });
      },
    },
  ];
  for (const relative of article.assets) {
    const abs = path.join(paths.root, path.dirname(article.path), relative);
    const stat = statSync(abs, { throwIfNoEntry: false });
    outputs.push({
      path: assetPath(article, relative),
      key: `${stat?.size}:${stat?.mtimeMs}`,
      content: () => readFileSync(abs),
    });
  }
  return outputs;
}
