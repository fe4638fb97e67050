import { classifyPath, outputFile, pageOfFile, type SiteConfig } from '../config/index.ts';
import { isPublished, type CheckedSource } from './article.ts';
import { collectTags } from './tags.ts';

/** Site paths that bayegan writes besides the per-article and per-index pages. */
export const FIXED_PATHS = ['/tags/', '/archive/', '/feed.xml', '/atom.xml', '/sitemap.xml', '/news-sitemap.xml', '/_redirects', '/404.html', '/search/', '/robots.txt', '/favicon.ico', '/_headers'];
/** Folders bayegan fills with files whose names it chooses (fingerprinted assets, sitemap chunks). */
const RESERVED_PREFIXES = ['/assets/', '/sitemaps/', '/pagefind/'];
const ARTICLE_FOLDER = /^\/news\/(\d+)\/(.+)$/;
const SERVICE_FEED = /^\/service\/([^/]+)\/feed\.xml$/;

/** The file a site path is written to (`/news/1/` → `news/1/index.html`); the path itself when it is not valid percent-encoding. */
export function outputFileOf(sitePath: string): string {
  try {
    return outputFile(sitePath);
  } catch {
    return sitePath.replace(/^\/+/, '');
  }
}

function decode(sitePath: string): string {
  try {
    return decodeURIComponent(sitePath);
  } catch {
    return sitePath;
  }
}

/** A URL's path part (no query or fragment), percent-decoded when it can be. */
export function decodedPath(url: string): string {
  return decode(url.split(/[?#]/)[0]!);
}

/** The site path an internal link points at (percent-decoded), or undefined for an external or in-page link. */
export function internalTarget(url: string, from: string, site: SiteConfig): string | undefined {
  if (url === '' || url.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  try {
    const base = new URL(site.baseUrl);
    const resolved = new URL(url, new URL(from.replace(/^\//, ''), base));
    if (resolved.origin !== base.origin || !resolved.pathname.startsWith(site.basePath)) return undefined;
    return decode('/' + resolved.pathname.slice(site.basePath.length));
  } catch {
    return decode(url);
  }
}

/** Every folder a file lies in, nearest last: `a/b/c.html` → `a`, `a/b`. */
export function foldersOf(file: string): string[] {
  const folders: string[] = [];
  for (let at = file.indexOf('/'); at !== -1; at = file.indexOf('/', at + 1)) folders.push(file.slice(0, at));
  return folders;
}

/**
 * Whether bayegan writes this output file itself (given {@link generatedPaths}' answer for the
 * archive): the `index.html` of a page of the URL scheme, a feed, a sitemap, a theme asset.
 * Judged by file, not by spelling: `index.html`, `/tags/index.html` and `/page/2/index.html` are pages.
 */
export function generatesFile(generated: (sitePath: string) => boolean, file: string): boolean {
  const page = pageOfFile(file);
  if (page.endsWith('/')) return classifyPath(page).kind !== 'other' || generated(page);
  // `/news/5` names the folder of a page, never a file of its own.
  return classifyPath(page).kind === 'other' && generated(page);
}

/**
 * Which site paths the site generates, judged by the URL scheme and the archive. Files with an
 * error count with what could be read of them (every id they may be meant to have, their tags,
 * their date), so that a link to a broken article is not reported a second time.
 */
export function generatedPaths(
  sources: readonly CheckedSource[],
  site: SiteConfig,
  drafts: boolean,
  failed: (source: CheckedSource) => boolean,
): (sitePath: string) => boolean {
  // One pass, no array per source: this runs over the whole archive on every build.
  const counted: CheckedSource[] = [];
  const ids = new Set<number>();
  const months = new Set<number>();
  const years = new Set<number>();
  const assets = new Map<number, readonly string[]>();
  for (const s of sources) {
    const broken = failed(s);
    if (!isPublished(s, drafts) && (!broken || s.draft)) continue;
    counted.push(s);
    if (s.article) {
      ids.add(s.article.shenaseh);
      assets.set(s.article.shenaseh, s.article.assets);
    }
    if (s.shenaseh) ids.add(s.shenaseh.id);
    if (broken) for (const id of s.probableIds) ids.add(id);
    if (s.date) {
      months.add(s.date.jy * 100 + s.date.jm);
      years.add(s.date.jy);
    }
  }
  const services = new Set(site.services.map((s) => s.slug));
  const tags = new Set([...collectTags(counted.map((s) => ({ tags: s.article?.tags ?? s.tags }))).values()].map((t) => t.slug));
  return (sitePath) => {
    const target = classifyPath(sitePath);
    switch (target.kind) {
      case 'article':
        return ids.has(target.shenaseh);
      case 'service':
        return services.has(target.slug);
      case 'tag':
        return tags.has(target.slug);
      case 'archive':
        if (target.jy === undefined) return true;
        if (target.jm === undefined) return years.has(target.jy);
        return months.has(target.jy * 100 + target.jm);
      case 'home':
        return true;
      default: {
        // In an article's folder: its images, and their resized copies named after them (`map.png.360w.webp`).
        const folder = ARTICLE_FOLDER.exec(sitePath);
        if (folder && assets.get(Number(folder[1]))?.some((a) => folder[2] === a || folder[2]!.startsWith(`${a}.`))) return true;
        return FIXED_PATHS.includes(sitePath) || RESERVED_PREFIXES.some((p) => sitePath.startsWith(p)) || services.has(SERVICE_FEED.exec(sitePath)?.[1] ?? '');
      }
    }
  };
}
