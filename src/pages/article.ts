import { statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { articlePath, withBase, type ProjectPaths } from '../config/index.ts';
import type { SiteModel } from '../site/index.ts';
import { VFile } from 'vfile';
import { ContentFailure, fromVFile } from '../diagnostics/index.ts';
import { readImageFile } from '../load/index.ts';
import { reportImageProblem, type Article } from '../validate/index.ts';
import { card, outputKey, pageMeta, tagLinks, type SharedSite } from './context.ts';
import type { BodyRef, Output } from './output.ts';

function assetPath(article: Article, relative: string): string {
  return articlePath(article.shenaseh) + relative.split('/').map(encodeURIComponent).join('/');
}

/**
 * An image's bytes, judged again as they are read for publishing: the file copied is the file
 * checked, even if it was swapped for a link, a FIFO or another file since `check` looked at it.
 * Throws a {@link ContentFailure} (nothing is written) when it is no longer a publishable image.
 */
function publishedImage(article: Article, relative: string, paths: ProjectPaths): Buffer {
  const read = readImageFile(path.join(paths.root, path.dirname(article.path), relative), paths.root, true);
  if (!('problem' in read)) return read.bytes!;
  const file = new VFile({ path: article.path });
  reportImageProblem(file, relative, read.problem, { line: 1, column: 1 });
  const [found] = fromVFile(file);
  throw new ContentFailure([{ ...found!, note: `It changed while the site was being built. ${found!.note ?? ''}`.trim() }]);
}

function leadImage(article: Article, model: SiteModel, paths: ProjectPaths) {
  if (!article.image) return undefined;
  const relative = article.image.replace(/^\.\//, '');
  let size: { width?: number; height?: number } = {};
  try {
    size = imageSize(publishedImage(article, relative, paths));
  } catch {
    // An image format image-size does not know is shown without reserved space; a file that is
    // no longer an image fails the build when it is published beside the page.
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
  site: SharedSite,
  paths: ProjectPaths,
  body: BodyRef,
): Output[] {
  const neighbours = model.neighbours(article);
  const sitePath = articlePath(article.shenaseh);
  const imageFile = article.image && path.join(paths.root, path.dirname(article.path), article.image);
  const imageStamp = imageFile && statSync(imageFile, { throwIfNoEntry: false });
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
    imageStamp ? `${imageStamp.size}:${imageStamp.mtimeMs}` : undefined,
  );
  const context = () => {
    const base = card(article, model);
    return {
      site: site.context,
      page: pageMeta(model.config, sitePath, article.title, article.summary, 'article', base.service.url),
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
  };
  const outputs: Output[] = [{ path: sitePath, key, template: 'article', context, body }];
  for (const relative of article.assets) {
    const abs = path.join(paths.root, path.dirname(article.path), relative);
    const stat = statSync(abs, { throwIfNoEntry: false });
    outputs.push({
      path: assetPath(article, relative),
      key: `${stat?.size}:${stat?.mtimeMs}`,
      content: () => publishedImage(article, relative, paths),
    });
  }
  return outputs;
}
