import path from 'node:path';
import { absoluteUrl, articlePath, withBase, type ProjectPaths, type SiteConfig } from '../../config/index.ts';
import type { Article } from '../../validate/index.ts';
import type { DataOutput } from '../output.ts';
import { readImageFile } from '../../load/index.ts';
import { ImageFactsCache, type ImageFacts } from './facts.ts';
import { imageSource } from './source.ts';
import { ResizeCache, variantKey } from './resize.ts';
import { contentPicture, contentVariants, IMAGE_SETTINGS, shareImage, thumbPicture, thumbVariants, type Picture, type Variant } from './variants.ts';

// The settings shape the markup (widths, names): they are part of every key that stands for images.
const SETTINGS_KEY = JSON.stringify(IMAGE_SETTINGS);

/** Site path of a file an article uses, published beside its page. */
export function assetPath(article: Article, relative: string): string {
  return articlePath(article.shenaseh) + relative.split('/').map(encodeURIComponent).join('/');
}

function relativeOf(image: string): string {
  return image.replace(/^\.\//, '');
}

/** The lead image of an article as its page shows and shares it. */
export interface LeadImage extends Picture {
  /** The caption, shown once (as `<figcaption>`), and the `og:image:alt`. */
  caption: string;
  /** The `og:image` (a PNG or JPEG): its absolute URL, size and text. */
  share: { url: string; width: number; height: number; alt: string };
}

/**
 * The images of one build: their facts (cached between builds), their resized copies as outputs
 * and the pictures templates show. Resizing happens only when the writer asks for a copy's bytes.
 */
export class ImageLibrary {
  private readonly facts: ImageFactsCache;
  private readonly resized: ResizeCache;

  constructor(
    private readonly paths: Pick<ProjectPaths, 'root' | 'cache'>,
    private readonly site: Pick<SiteConfig, 'basePath' | 'baseUrl'>,
  ) {
    // Every read of an image goes through the checks of load/, at the moment of reading.
    const root = paths.root;
    this.facts = new ImageFactsCache(paths.cache, (abs) => {
      const read = readImageFile(abs, root, true);
      return 'problem' in read ? undefined : read.bytes;
    });
    this.resized = new ResizeCache(paths.cache, (abs) => imageSource(abs, root));
  }

  private abs(article: Article, relative: string): string {
    return path.join(this.paths.root, path.dirname(article.path), relativeOf(relative));
  }

  /** Facts of a file of an article (relative to its file), or undefined when it is not an image. */
  factsOf(article: Article, relative: string): ImageFacts | undefined {
    return this.facts.get(this.abs(article, relative));
  }

  private url(article: Article, relative: string): string {
    return withBase(this.site.basePath, assetPath(article, relativeOf(relative)));
  }

  /** A key part that stands for every image an article shows: a changed image changes it. */
  keyOf(article: Article): string {
    if (article.assets.length === 0) return '';
    const images = article.assets.map((relative) => `${relative}\u0001${this.factsOf(article, relative)?.hash ?? '-'}`);
    return images.length === 0 ? '' : `${SETTINGS_KEY}\u0002${images.join('\u0002')}`;
  }

  /** The lead image of an article, with its share copy; undefined without one. */
  lead(article: Article): LeadImage | undefined {
    if (!article.image) return undefined;
    const facts = this.factsOf(article, article.image);
    if (!facts) return undefined;
    const url = this.url(article, article.image);
    const share = shareImage(assetPath(article, relativeOf(article.image)), facts);
    const caption = article.caption ?? '';
    return {
      ...contentPicture(url, facts),
      caption,
      share: { ...share, url: absoluteUrl(this.site.baseUrl, share.url), alt: caption || article.title },
    };
  }

  /** The card thumbnail of an article: only when it has a lead image that can be resized. */
  thumb(article: Article): Picture | undefined {
    if (!article.image || !this.factsOf(article, article.image)?.resizable) return undefined;
    return thumbPicture(this.url(article, article.image));
  }

  /** The pictures of an article's body images, by the file name the body uses. */
  bodyPictures(article: Article): Record<string, Picture> {
    const pictures: Record<string, Picture> = {};
    for (const relative of article.assets) {
      const facts = this.factsOf(article, relative);
      if (facts) pictures[relativeOf(relative)] = contentPicture(this.url(article, relative), facts);
    }
    return pictures;
  }

  /** The resized copies of an article's images, as outputs for the writer. */
  outputs(article: Article): DataOutput[] {
    const outputs: DataOutput[] = [];
    const lead = article.image && relativeOf(article.image);
    for (const relative of new Set(article.assets.map(relativeOf))) {
      const facts = this.factsOf(article, relative);
      if (!facts?.resizable) continue;
      const variants: Variant[] = [...contentVariants(facts), ...(relative === lead ? thumbVariants() : [])];
      const abs = this.abs(article, relative);
      for (const variant of variants) {
        outputs.push({
          path: assetPath(article, relative) + variant.suffix,
          key: variantKey(facts.hash, variant),
          content: () => this.resized.bytes(abs, facts.hash, variant),
        });
      }
    }
    return outputs;
  }
}
