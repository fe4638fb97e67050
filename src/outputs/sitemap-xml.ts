import { element, parent, XML_DECLARATION } from './xml.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** One URL of a sitemap; `lastmod` is RFC 3339 with the site's offset, as every machine-readable date. */
export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

/** One article of a Google News sitemap. */
export interface NewsUrl {
  loc: string;
  publication: string;
  /** RFC 3339 with the site's offset. */
  date: string;
  title: string;
}

/** A `<urlset>` of the sitemap protocol; URLs and text escaped for XML. */
export function urlset(urls: readonly SitemapUrl[]): string {
  const entries = urls.map((u) => parent('url', [element('loc', u.loc), ...(u.lastmod ? [element('lastmod', u.lastmod)] : [])]));
  return `${XML_DECLARATION}${parent('urlset', entries, { xmlns: SITEMAP_NS })}\n`;
}

/** A `<sitemapindex>` of sitemap files. */
export function sitemapIndex(locs: readonly string[]): string {
  const entries = locs.map((loc) => parent('sitemap', [element('loc', loc)]));
  return `${XML_DECLARATION}${parent('sitemapindex', entries, { xmlns: SITEMAP_NS })}\n`;
}

/** A news sitemap: `<urlset>` with `news:news` per article (publication in Persian, `fa`). */
export function newsUrlset(urls: readonly NewsUrl[]): string {
  const entries = urls.map((u) =>
    parent('url', [
      element('loc', u.loc),
      parent('news:news', [
        parent('news:publication', [element('news:name', u.publication), element('news:language', 'fa')]),
        element('news:publication_date', u.date),
        element('news:title', u.title),
      ]),
    ]),
  );
  return `${XML_DECLARATION}${parent('urlset', entries, { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS })}\n`;
}
