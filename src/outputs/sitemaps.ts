import { absoluteUrl, articlePath, archivePath, homePath, servicePath, tagPath, tagsPath } from '../config/index.ts';
import { outputKey, pageKey, type Output } from '../pages/index.ts';
import { compareJalali, formatJalaliCanonical, jalaliFromEpochMs, toEpochMs, toIsoDateTime } from '../persian/index.ts';
import type { SiteModel } from '../site/index.ts';
import { newsUrlset, sitemapIndex, urlset, type SitemapUrl } from './sitemap-xml.ts';

/** URLs per sitemap file: the protocol's limit. */
export const SITEMAP_LIMIT = 50_000;
/** Google News sitemaps list articles of the last two days only, at most 1,000. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * `/sitemap.xml`, an index of `/sitemaps/N.xml` files of at most 50,000 URLs each (articles
 * oldest first, so a full file never changes), and `/news-sitemap.xml` for articles published
 * in the two days before the build.
 */
export function sitemapOutputs(model: SiteModel, now: number): Output[] {
  const { config } = model;
  const lists: SitemapUrl[] = [
    { loc: absoluteUrl(config.baseUrl, homePath()) },
    { loc: absoluteUrl(config.baseUrl, tagsPath) },
    { loc: absoluteUrl(config.baseUrl, archivePath()) },
    ...model.services.map(({ service }) => ({ loc: absoluteUrl(config.baseUrl, servicePath(service.slug)) })),
    ...model.tags.map(({ tag }) => ({ loc: absoluteUrl(config.baseUrl, tagPath(tag.slug)) })),
    ...model.years.flatMap((y) => y.months.map((m) => ({ loc: absoluteUrl(config.baseUrl, archivePath(m.jy, m.jm)) }))),
  ];
  const outputs: Output[] = [{ path: '/sitemaps/0.xml', key: pageKey('sitemap-2', lists), content: () => urlset(lists) }];
  for (let start = 0; start < model.articles.length; start += SITEMAP_LIMIT) {
    const chunk = model.articles.slice(start, start + SITEMAP_LIMIT);
    // An entry is its article's URL and date (the settings name the zone and base URL): an edit
    // that changes neither, the usual one, leaves the file as it was without making it again.
    outputs.push({
      path: `/sitemaps/${outputs.length}.xml`,
      key: outputKey('sitemap-3', config.hash, ...chunk.map((a) => `${a.shenaseh}@${formatJalaliCanonical(a.updated ?? a.date)}`)),
      content: () =>
        urlset(chunk.map((a) => ({ loc: absoluteUrl(config.baseUrl, articlePath(a.shenaseh)), lastmod: toIsoDateTime(a.updated ?? a.date, config.timeZone) }))),
    });
  }
  const index = outputs.map((o) => absoluteUrl(config.baseUrl, o.path));
  outputs.push({ path: '/sitemap.xml', key: pageKey('sitemap-index-2', index), content: () => sitemapIndex(index) });
  // Articles are oldest first: only the tail from three days back can be recent, and only those
  // are placed in time exactly (a time zone lookup per article costs more than the whole list).
  const cutoff = jalaliFromEpochMs(now - NEWS_WINDOW_MS - 24 * 60 * 60 * 1000, config.timeZone);
  let first = model.articles.length;
  while (first > 0 && compareJalali(model.articles[first - 1]!.date, { jy: cutoff.jy, jm: cutoff.jm, jd: cutoff.jd }) >= 0) first -= 1;
  const recent = model.articles
    .slice(first)
    .filter((a) => {
      const published = toEpochMs(a.date, config.timeZone);
      return published <= now && now - published <= NEWS_WINDOW_MS;
    })
    .slice(-1000)
    .map((a) => ({
      loc: absoluteUrl(config.baseUrl, articlePath(a.shenaseh)),
      publication: config.title,
      date: toIsoDateTime(a.date, config.timeZone),
      title: a.title,
    }));
  outputs.push({ path: '/news-sitemap.xml', key: pageKey('news-sitemap-2', recent), content: () => newsUrlset(recent) });
  return outputs;
}
