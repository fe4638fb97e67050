import type { ImageFacts } from './facts.ts';

/**
 * How images are resized. Every value is part of each resized file's cache key and of the
 * output keys, so changing one makes the files again.
 */
export const IMAGE_SETTINGS = {
  /** Widths offered in `srcset` (never wider than the source). */
  widths: [360, 540, 720, 1080, 1440],
  /** WebP quality of the `srcset` copies and JPEG quality of fallbacks. */
  quality: 72,
  /** libwebp's effort (0–6): 3 makes files as small as 4 in about half the time. */
  webpEffort: 3,
  /** The fallback `<img src>` and `og:image`: the source itself when it is a PNG, JPEG or GIF this narrow, else a copy. */
  fallbackWidth: 1200,
  /** Card thumbnails: a centred crop, in CSS pixels (a 2× copy serves sharp screens). */
  thumb: { width: 120, height: 90 },
  /** Bump when the resizing code makes different bytes. */
  version: 1,
} as const;

/** One resized copy of an image: its file name suffix and how it is made. */
export interface Variant {
  /** Appended to the image's site path: `21016-map.png` → `21016-map.png.540w.webp`. */
  suffix: string;
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'png';
  /** `inside`: the whole picture scaled; `cover`: cropped to the size. */
  fit: 'inside' | 'cover';
}

/** A picture as templates show it: a WebP `srcset` and a fallback `src`, with the size to reserve. */
export interface Picture {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

const ORIGINAL_FORMATS = new Set(['png', 'jpg', 'gif']);

function scaled(facts: ImageFacts, width: number): number {
  return Math.max(1, Math.round((facts.height * width) / facts.width));
}

/** The `srcset` widths of an image: the standard widths below its own, and its own (at most the widest). */
export function srcsetWidths(facts: ImageFacts): number[] {
  const widest = IMAGE_SETTINGS.widths.at(-1)!;
  const below = IMAGE_SETTINGS.widths.filter((w) => w < Math.min(facts.width, widest));
  return [...below, Math.min(facts.width, widest)];
}

/** The fallback copy, or undefined when the source itself serves (a narrow PNG, JPEG or GIF). */
export function fallbackVariant(facts: ImageFacts): Variant | undefined {
  if (ORIGINAL_FORMATS.has(facts.type) && facts.width <= IMAGE_SETTINGS.fallbackWidth) return undefined;
  const width = Math.min(facts.width, IMAGE_SETTINGS.fallbackWidth);
  // JPEG has no transparency; formats that may have it stay lossless.
  const format = facts.type === 'jpg' ? 'jpeg' : 'png';
  return { suffix: `.${width}w.${format === 'jpeg' ? 'jpg' : 'png'}`, width, height: scaled(facts, width), format, fit: 'inside' };
}

/** The resized copies shown in articles and leading lists: WebP at each `srcset` width, and the fallback. */
export function contentVariants(facts: ImageFacts): Variant[] {
  if (!facts.resizable) return [];
  const webp = srcsetWidths(facts).map((width): Variant => ({ suffix: `.${width}w.webp`, width, height: scaled(facts, width), format: 'webp', fit: 'inside' }));
  const fallback = fallbackVariant(facts);
  return fallback ? [...webp, fallback] : webp;
}

/** The card thumbnails: a fixed crop at 1× and 2× in WebP, and a JPEG fallback. Their names do not depend on the image. */
export function thumbVariants(): Variant[] {
  const { width, height } = IMAGE_SETTINGS.thumb;
  return [
    { suffix: `.thumb${width}.webp`, width, height, format: 'webp', fit: 'cover' },
    { suffix: `.thumb${width * 2}.webp`, width: width * 2, height: height * 2, format: 'webp', fit: 'cover' },
    { suffix: `.thumb${width * 2}.jpg`, width: width * 2, height: height * 2, format: 'jpeg', fit: 'cover' },
  ];
}

/** The picture of an image published at `url` (its site URL with the base path). */
export function contentPicture(url: string, facts: ImageFacts): Picture {
  if (!facts.resizable) return { src: url, srcset: '', width: facts.width, height: facts.height };
  const fallback = fallbackVariant(facts);
  return {
    src: fallback ? url + fallback.suffix : url,
    srcset: srcsetWidths(facts)
      .map((w) => `${url}.${w}w.webp ${w}w`)
      .join(', '),
    width: facts.width,
    height: facts.height,
  };
}

/** The thumbnail of an image published at `url`. */
export function thumbPicture(url: string): Picture {
  const [one, two, fallback] = thumbVariants();
  return {
    src: url + fallback!.suffix,
    srcset: `${url}${one!.suffix} 1x, ${url}${two!.suffix} 2x`,
    width: one!.width,
    height: one!.height,
  };
}

/** The image that represents a page when shared (`og:image`): the fallback, a PNG or JPEG that every client shows. */
export function shareImage(url: string, facts: ImageFacts): { url: string; width: number; height: number } {
  const fallback = facts.resizable ? fallbackVariant(facts) : undefined;
  return fallback ? { url: url + fallback.suffix, width: fallback.width, height: fallback.height } : { url, width: facts.width, height: facts.height };
}
