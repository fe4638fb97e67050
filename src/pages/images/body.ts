import type { Picture } from './variants.ts';

/** `sizes` of an image in the article column (42rem wide, the page's padding on a phone). */
export const ARTICLE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

// An <img> as rehype-stringify writes it: double-quoted values, in which `>` may appear.
const IMG = /<img((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function fileOf(src: string): string | undefined {
  const text = src.replace(/&#x26;|&amp;/g, '&');
  if (/^[a-z][a-z\d+.-]*:|^\/|^#/i.test(text)) return undefined;
  try {
    return decodeURIComponent(text.split(/[?#]/)[0]!).replace(/^\.\//, '');
  } catch {
    return undefined;
  }
}

/**
 * Give an article body's own images (files beside the article) their size, a WebP `srcset` and a
 * fallback: the body is rendered once and cached, the images' facts are known only when pages
 * are made. Other images are left as they are.
 */
export function pictureBody(html: string, pictures: Readonly<Record<string, Picture>>): string {
  if (!html.includes('<img')) return html;
  return html.replace(IMG, (whole, attributes: string) => {
    const kept: string[] = [];
    let picture: Picture | undefined;
    for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
      if (name === 'src') {
        const file = value === undefined ? undefined : fileOf(value);
        picture = file === undefined ? undefined : pictures[file];
        if (!picture) return whole;
      } else if (name !== 'width' && name !== 'height' && name !== 'srcset' && name !== 'sizes') {
        kept.push(value === undefined ? ` ${name}` : ` ${name}="${value}"`);
      }
    }
    if (!picture) return whole;
    const img = `<img src="${escapeAttribute(picture.src)}" width="${picture.width}" height="${picture.height}"${kept.join('')}>`;
    if (picture.srcset === '') return img;
    return `<picture><source type="image/webp" srcset="${escapeAttribute(picture.srcset)}" sizes="${ARTICLE_SIZES}">${img}</picture>`;
  });
}
