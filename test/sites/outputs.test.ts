import { describe, expect, it } from 'vitest';
import { toEpochMs } from '../../src/persian/index.ts';
import { buildSite, siteYml } from '../helpers/site.ts';

const article = (id: number, date: string, service = 'سیاسی', extra = '') => `-- content/news/${id}.md --
---
title: خبر ${id}
shenaseh: ${id}
date: ${date}
service: ${service}
${extra}---
متن خبر ${id}.
`;

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
    // 10:30 in Tehran on 3 Farvardin 1400 (+04:30 then) is 06:00 UTC on 23 March 2021.
    expect(rss).toContain('<pubDate>Tue, 23 Mar 2021 06:00:00 GMT</pubDate>');
    expect(built.read('atom.xml')).toContain('<updated>2021-03-23T06:00:00.000Z</updated>');
    const service = built.read('service/international/feed.xml');
    expect(service).toContain('خبر 2');
    expect(service).not.toContain('خبر 3');
  });

  it('lists every article in a sitemap index, and only the last two days in the news sitemap', async () => {
    const built = await buildSite(site, { now });
    expect(built.read('sitemap.xml')).toContain('<loc>https://test.example/sitemaps/1.xml</loc>');
    const articles = built.read('sitemaps/1.xml');
    for (const id of [1, 2, 3, 4]) expect(articles).toContain(`<loc>https://test.example/news/${id}/</loc>`);
    const news = built.read('news-sitemap.xml');
    expect(news).toContain('https://test.example/news/3/');
    expect(news).toContain('https://test.example/news/2/');
    expect(news).not.toContain('https://test.example/news/1/');
    expect(news).toContain('<news:publication_date>2021-03-23T10:30:00+04:30</news:publication_date>');
  });

  it('redirects an alias with a page and a _redirects rule', async () => {
    const built = await buildSite(site, { now });
    expect(built.read('old/4.html')).toContain('<meta http-equiv="refresh" content="0; url=/news/4/">');
    expect(built.read('_redirects')).toBe('/old/4.html /news/4/ 301\n');
  });
});
