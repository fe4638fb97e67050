import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { articlePath, classifyPath, type SiteConfig } from '../config/index.ts';
import { report } from '../diagnostics/index.ts';
import type { Reference } from '../parse/index.ts';
import type { Article, CheckedArticle } from './article.ts';
import { collectTags } from './tags.ts';

/** Site paths that bayegan writes besides the per-article and per-index pages. */
export const FIXED_PATHS = ['/tags/', '/archive/', '/feed.xml', '/atom.xml', '/sitemap.xml', '/news-sitemap.xml', '/_redirects', '/404.html'];
const RESERVED_PREFIXES = ['/assets/'];

/** Options for {@link checkArchive}. */
export interface ArchiveCheckOptions {
  /** Drafts are part of the site (dev builds). Default: false. */
  drafts?: boolean;
  /** Absolute project root, to find images next to articles. */
  root: string;
}

type FileOf = (path: string) => VFile;

function decode(sitePath: string): string {
  try {
    return decodeURIComponent(sitePath);
  } catch {
    return sitePath;
  }
}

/** Every site path an internal link may point at, judged by the URL scheme and the archive. */
function pathChecker(published: Article[], site: SiteConfig, aliases: Set<string>) {
  const ids = new Set(published.map((a) => a.shenaseh));
  const services = new Set(site.services.map((s) => s.slug));
  const tags = new Set([...collectTags(published).values()].map((t) => t.slug));
  const months = new Set(published.map((a) => `${a.date.jy}/${a.date.jm}`));
  const years = new Set(published.map((a) => a.date.jy));
  return (sitePath: string): boolean => {
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
        return months.has(`${target.jy}/${target.jm}`);
      case 'home':
        return true;
      default:
        return FIXED_PATHS.includes(sitePath) || aliases.has(sitePath) || RESERVED_PREFIXES.some((p) => sitePath.startsWith(p));
    }
  };
}

/** The site path an internal link points at, or undefined for an external or in-page link. */
export function internalTarget(url: string, from: string, site: SiteConfig): string | undefined {
  if (url === '' || url.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const base = new URL(site.baseUrl);
  const resolved = new URL(url, new URL(from.replace(/^\//, ''), base));
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(site.basePath)) return undefined;
  return decode('/' + resolved.pathname.slice(site.basePath.length));
}

function checkImages(file: VFile, article: Article, images: Reference[], root: string): void {
  const folder = path.dirname(path.join(root, article.path));
  for (const image of images) {
    if (image.url === '' || /^[a-z][a-z\d+.-]*:/i.test(image.url) || image.url.startsWith('/') || image.url.startsWith('#')) continue;
    const relative = decode(image.url.split(/[?#]/)[0]!);
    const target = path.resolve(folder, relative);
    if (!target.startsWith(folder + path.sep)) {
      report(file, `Unexpected image path \`${image.url}\`, expected a file in the article’s folder or below it`, {
        ruleId: 'image-path',
        place: image,
        note: 'Keep an article’s images next to it (for example `21015-map.png`) so they are published with it.',
      });
    } else if (!existsSync(target)) {
      report(file, `Unexpected missing image \`${image.url}\`, expected a file at \`${path.relative(root, target).split(path.sep).join('/')}\``, {
        ruleId: 'missing-image',
        place: image,
        note: 'Check the file name (case matters on the server), or add the image next to the article.',
      });
    }
  }
}

/** Rules across articles: one shenaseh per article, unique aliases, links and images that resolve. */
export function checkArchive(items: CheckedArticle[], site: SiteConfig, fileOf: FileOf, options: ArchiveCheckOptions): void {
  const byId = new Map<number, CheckedArticle>();
  for (const item of items) {
    const first = byId.get(item.article.shenaseh);
    if (!first) {
      byId.set(item.article.shenaseh, item);
      continue;
    }
    const place = first.checks.places.shenaseh ?? { line: 1, column: 1 };
    report(fileOf(item.article.path), `Unexpected shenaseh \`${item.article.shenaseh}\` used again, expected each article to have its own`, {
      ruleId: 'duplicate-shenaseh',
      place: item.checks.places.shenaseh,
      related: { file: first.article.path, ...place, message: `\`${item.article.shenaseh}\` is first used here` },
      note: `Both files would be published at ${articlePath(item.article.shenaseh)}; give one of them a new shenaseh.`,
    });
  }
  const published = items.map((i) => i.article).filter((a) => options.drafts || !a.draft);
  const aliasOwner = new Map<string, { item: CheckedArticle; index: number }>();
  const exists = pathChecker(published, site, new Set());
  for (const item of items) {
    item.article.aliases.forEach((alias, index) => {
      const place = item.checks.places.aliases[index];
      const first = aliasOwner.get(alias);
      if (first) {
        report(fileOf(item.article.path), `Unexpected alias \`${alias}\` used again, expected each alias once`, {
          ruleId: 'alias-collision',
          place,
          related: { file: first.item.article.path, ...(first.item.checks.places.aliases[first.index] ?? { line: 1, column: 1 }), message: 'first used here' },
          note: 'One old URL can redirect to one article only; remove the alias from one of the files.',
        });
      } else if (classifyPath(alias).kind !== 'other' || exists(alias)) {
        report(fileOf(item.article.path), `Unexpected alias \`${alias}\`, expected a path that bayegan does not generate`, {
          ruleId: 'alias-collision',
          place,
          note: 'This path is a page of the site (or reserved for one); a redirect there would replace it. Remove the alias.',
        });
      } else aliasOwner.set(alias, { item, index });
    });
  }
  const linkExists = pathChecker(published, site, new Set(aliasOwner.keys()));
  for (const item of items) {
    const { article, checks } = item;
    const file = fileOf(article.path);
    const from = articlePath(article.shenaseh);
    for (const link of checks.links) {
      const target = internalTarget(link.url, from, site);
      if (target === undefined || linkExists(target.split(/[?#]/)[0]!)) continue;
      report(file, `Unexpected link to \`${link.url}\`, expected a page of this site`, {
        ruleId: 'broken-link',
        place: link,
        note: 'Link to an article as `/news/<shenaseh>/`; check the number, and that the article is not a draft.',
      });
    }
    const images = [...checks.images];
    if (article.image) images.push({ url: article.image, ...(checks.places.image ?? { line: 1, column: 1 }) });
    checkImages(file, article, images, options.root);
  }
}
