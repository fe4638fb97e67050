import { statSync } from 'node:fs';
import path from 'node:path';
import { archivePath, articlePath, withBase, type ProjectPaths } from '../config/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { card, outputKey, pageMeta, tagLinks, type SharedSite } from './context.ts';
import { assetPath, imageSource, type ImageLibrary } from './images/index.ts';
import type { BodyRef, Output } from './output.ts';

/** The page of one article, and the files it uses, published beside it. */
export function articleOutputs(
  article: Article,
  model: SiteModel,
  site: SharedSite,
  paths: ProjectPaths,
  body: BodyRef,
  images: ImageLibrary,
): Output[] {
  const neighbours = model.neighbours(article);
  const sitePath = articlePath(article.shenaseh);
  // A card shows only what comes from its article's file and the site settings, so the article's
  // content hash stands for it; tag names depend on the whole archive, so they are named here.
  const key = outputKey(
    site.key,
    'article',
    article.hash,
    body.key,
    article.tags.map((t) => `${model.tagOf(t.key).name}\u0001${model.tagOf(t.key).slug}`).join('\u0002'),
    neighbours.previous?.hash,
    neighbours.next?.hash,
    neighbours.related.map((a) => a.hash).join(','),
    images.keyOf(article),
    [neighbours.previous, neighbours.next, ...neighbours.related].map((a) => a && images.keyOf(a)).join('\u0002'),
  );
  const context = () => {
    const base = card(article, model, images);
    const image = images.lead(article);
    return {
      site: site.context,
      page: { ...pageMeta(model.config, sitePath, article.title, article.summary, 'article', base.service.url), image: image?.share },
      trail: [
        { name: model.config.title, url: site.context.home },
        base.service,
        { name: article.title, url: base.url },
      ],
      article: {
        ...base,
        updated: article.updated,
        lead: article.lead,
        image,
        month: withBase(model.config.basePath, archivePath(article.date.jy, article.date.jm)),
        // Shown under the lead when there is no image to carry it (an imported dump's caption).
        caption: article.caption ?? '',
        author: article.author ?? '',
        source: article.source ?? '',
        tags: tagLinks(article, model),
      },
      previous: neighbours.previous && card(neighbours.previous, model),
      next: neighbours.next && card(neighbours.next, model),
      related: neighbours.related.map((a) => card(a, model, images)),
      pictures: images.bodyPictures(article),
    };
  };
  const outputs: Output[] = [{ path: sitePath, key, template: 'article', context, body }];
  for (const relative of article.assets) {
    const abs = path.join(paths.root, path.dirname(article.path), relative);
    const stat = statSync(abs, { throwIfNoEntry: false });
    outputs.push({
      path: assetPath(article, relative),
      key: `${stat?.size}:${stat?.mtimeMs}`,
      content: () => imageSource(path.join(paths.root, path.dirname(article.path), relative), paths.root, { article: article.path, url: relative }),
    });
  }
  outputs.push(...images.outputs(article));
  return outputs;
}
