import { describe, expect, it } from 'vitest';
import { brokenLinks, listHtml } from '../helpers/links.ts';
import { buildSite, siteYml } from '../helpers/site.ts';

const articles = `
-- content/news/1393/09/100.md --
---
title: خبر یکم
shenaseh: 100
date: 1393-09-06
service: بین الملل
tags: [انرژی, تهران]
lead: خلاصهٔ خبر یکم.
---
متن خبر یکم با [پیوند به خبر دوم](/news/101/) و یک پانوشت[^1].

## زیرعنوان

| سال | مقدار |
|---|---|
| 1393 | 12.5 |

[^1]: توضیح پانوشت.
-- content/news/1393/09/101.md --
---
title: خبر دوم
shenaseh: 101
date: ۱۳۹۳/۰۹/۰۷ ۱۴:۳۰
service: بین‌الملل
tags: [انرژي]
---
بند نخست خبر دوم که خلاصه می‌شود.

بند دوم.
-- content/news/1393/10/102.md --
---
title: خبر سوم
shenaseh: 102
date: ۶ دی ۱۳۹۳
service: بين‌الملل
---
متن خبر سوم.
-- content/news/1394/01/103.md --
---
title: خبر سیاسی
shenaseh: 103
date: 1394-01-15
service: سیاسی
tags: [مجلس]
---
متن خبر سیاسی <script>alert(1)</script> و <a href="javascript:alert(1)" onclick="x()">پیوند</a>.
`;

describe('a small site', () => {
  it('builds right-to-left pages with Jalali dates in Iranian month names', async () => {
    const site = await buildSite(`-- content/site.yml --\n${siteYml('months: iran')}${articles}`);
    const page = site.read('news/100/index.html');
    expect(page).toMatch(/<html lang="fa" dir="rtl">/);
    expect(site.read('index.html')).toMatch(/<html lang="fa" dir="rtl">/);
    expect(page).toContain('<time datetime="2014-11-27">۶ آذر ۱۳۹۳</time>');
    expect(site.read('news/101/index.html')).toContain('<time datetime="2014-11-28T14:30:00+03:30">۷ آذر ۱۳۹۳، ساعت ۱۴:۳۰</time>');
    expect(site.read('news/102/index.html')).toContain('۶ دی ۱۳۹۳');
  });

  it('shows Afghan month names when site.yml asks for them', async () => {
    const site = await buildSite(`-- content/site.yml --\n${siteYml('months: afghanistan')}${articles}`);
    expect(site.read('news/100/index.html')).toContain('<time datetime="2014-11-27">۶ قوس ۱۳۹۳</time>');
    expect(site.read('news/102/index.html')).toContain('۶ جدی ۱۳۹۳');
  });

  it('gives three spellings of one service one page, and two spellings of a tag one page', async () => {
    const site = await buildSite(`-- content/site.yml --\n${siteYml()}${articles}`);
    const service = site.read('service/international/index.html');
    for (const id of [100, 101, 102]) expect(service).toContain(`href="/news/${id}/"`);
    expect(listHtml(site.dist).filter((f) => f.startsWith('service/'))).toEqual([
      'service/international/index.html',
      'service/politics/index.html',
    ]);
    const tag = site.read('tag/انرژی/index.html');
    expect(tag).toContain('href="/news/100/"');
    expect(tag).toContain('href="/news/101/"');
    expect(site.exists('tag/انرژي/index.html')).toBe(false);
  });

  it('links only to files it generated', async () => {
    const site = await buildSite(`-- content/site.yml --\n${siteYml()}${articles}`);
    expect(brokenLinks(site.dist, 'https://test.example/')).toEqual([]);
    expect(site.exists('archive/1393/09/index.html')).toBe(true);
    expect(site.exists('archive/1394/index.html')).toBe(true);
    expect(site.exists('tags/index.html')).toBe(true);
  });

  it('renders Markdown: footnotes with Persian labels, tables, slugged headings, Persian digits in text', async () => {
    const site = await buildSite(`-- content/site.yml --\n${siteYml()}${articles}`);
    const page = site.read('news/100/index.html');
    expect(page).toContain('href="#fn-1"');
    expect(page).toContain('id="fn-1"');
    expect(page).toContain('پانوشت‌ها');
    expect(page).toContain('<h2 id="زیرعنوان">زیرعنوان</h2>');
    expect(page).toContain('<td>۱۳۹۳</td>');
    expect(page).toContain('<td>۱۲٫۵</td>');
    expect(page).toContain('href="/news/101/"');
  });

  it('drops scripts, event handlers and javascript: URLs from raw HTML', async () => {
    const site = await buildSite(`-- content/site.yml --\n${siteYml()}${articles}`);
    const page = site.read('news/103/index.html');
    const body = page.slice(page.indexOf('<div class="article-body">'), page.indexOf('<footer class="article-foot">'));
    expect(body).not.toContain('<script');
    expect(body).not.toContain('onclick');
    expect(body).not.toContain('javascript:');
    expect(body).toContain('پیوند');
  });

  it('uses the first paragraph as the summary when there is no lead', async () => {
    const site = await buildSite(`-- content/site.yml --\n${siteYml()}${articles}`);
    expect(site.read('index.html')).toContain('بند نخست خبر دوم که خلاصه می‌شود.');
    expect(site.read('index.html')).toContain('خلاصهٔ خبر یکم.');
  });
});
