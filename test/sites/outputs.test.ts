import { describe, expect, it } from 'vitest';
import { toEpochMs } from '../../src/persian/index.ts';
import { articleFile, buildSite, siteYml } from '../helpers/site.ts';

const article = (id: number, date: string, service = 'سیاسی', extra = '') => articleFile(id, { date, service, extra, body: `متن خبر ${id}.` });

// The build's "now": noon of 3 Farvardin 1400 in Tehran.
const now = toEpochMs({ jy: 1400, jm: 1, jd: 3, hour: 12, minute: 0 }, 'Asia/Tehran');
const site = `-- content/site.yml --
${siteYml()}
${article(1, '1399-12-25')}${article(2, '1400-01-02 08:00', 'بین‌الملل')}${article(3, '1400-01-03 10:30')}${article(4, '1390-05-05', 'سیاسی', 'aliases: [/old/4.html]\n')}`;

describe('feeds, sitemaps and redirects', () => {
  it('writes RSS and Atom feeds, newest first, with ISO dates and per-service feeds', async () => {
    const built = await buildSite(site, { now });
    const rss = built.read('feed.xml');
    expect(rss.indexOf('خبر 3')).toBeLessThan(rss.indexOf('خبر 2'));
    expect(rss).toContain('<link>https://test.example/news/3/</link>');
    // 10:30 in Tehran on 3 Farvardin 1400 (+04:30 then), 23 March 2021: the site's wall clock and offset, never UTC.
    expect(rss).toContain('<pubDate>Tue, 23 Mar 2021 10:30:00 +0430</pubDate>');
    expect(rss).toContain('<lastBuildDate>Tue, 23 Mar 2021 10:30:00 +0430</lastBuildDate>');
    const atom = built.read('atom.xml');
    expect(atom).toContain('<updated>2021-03-23T10:30:00+04:30</updated>');
    // A date-only article is midnight of its own day in Tehran, not the evening before in UTC.
    expect(atom).toContain('<published>2021-03-15T00:00:00+03:30</published>');
    const service = built.read('service/international/feed.xml');
    expect(service).toContain('خبر 2');
    expect(service).not.toContain('خبر 3');
  });

  it('lists every article in a sitemap index, and only the last two days in the news sitemap', async () => {
    const built = await buildSite(site, { now });
    expect(built.read('sitemap.xml')).toContain('<loc>https://test.example/sitemaps/1.xml</loc>');
    const articles = built.read('sitemaps/1.xml');
    for (const id of [1, 2, 3, 4]) expect(articles).toContain(`<loc>https://test.example/news/${id}/</loc>`);
    expect(articles).toContain('<lastmod>2021-03-15T00:00:00+03:30</lastmod>');
    expect(articles).toContain('<lastmod>2011-07-27T00:00:00+04:30</lastmod>');
    expect(articles).not.toMatch(/Z<\/lastmod>/);
    const news = built.read('news-sitemap.xml');
    expect(news).toContain('https://test.example/news/3/');
    expect(news).toContain('https://test.example/news/2/');
    expect(news).not.toContain('https://test.example/news/1/');
    expect(news).toContain('<news:publication_date>2021-03-23T10:30:00+04:30</news:publication_date>');
  });

  it('redirects an alias with a page and a forced _redirects rule', async () => {
    const built = await buildSite(site, { now });
    expect(built.read('old/4.html')).toContain('<meta http-equiv="refresh" content="0; url=/news/4/">');
    expect(built.read('_redirects')).toBe('/old/4.html /news/4/ 301!\n');
  });

  it('percent-encodes each alias of _redirects exactly once', async () => {
    const built = await buildSite(`-- content/site.yml --\n${siteYml()}\n${article(5, '1400-01-01', 'سیاسی', 'aliases: [/old/a%20b, /old/نشانی.html]\n')}`, { now });
    expect(built.read('_redirects')).toBe('/old/%D9%86%D8%B4%D8%A7%D9%86%DB%8C.html /news/5/ 301!\n/old/a%20b /news/5/ 301!\n');
    // The page behind each alias is where a host looks for the decoded path.
    expect(built.read('old/a b/index.html')).toContain('url=/news/5/');
    expect(built.read('old/نشانی.html')).toContain('<a href="/news/5/">خبر 5</a>');
  });
});
