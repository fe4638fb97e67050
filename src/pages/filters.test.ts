import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../config/index.ts';
import { escapeOutput, registerFilters } from './filters.ts';

const site = { title: 'آزمایش', baseUrl: 'https://test.example/', basePath: '/', timeZone: 'Asia/Tehran', months: 'iran' } as unknown as SiteConfig;

function engine(): Liquid {
  const liquid = new Liquid({ outputEscape: escapeOutput, strictFilters: true });
  registerFilters(liquid, site);
  return liquid;
}

describe('template output', () => {
  it('escapes every value for HTML text and quoted attributes', () => {
    const html = engine().parseAndRenderSync('<p title="{{ x }}">{{ x }}</p>', { x: `"><script>alert('x')</script>&` });
    expect(html).toBe('<p title="&#34;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&#34;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>');
  });

  it('removes control characters and closes a value’s bidi override before the text after it', () => {
    const html = engine().parseAndRenderSync('{{ t }} | {{ s }}', { t: 'a\u0001b\u202eevil', s: 'سایت' });
    expect(html).toBe('ab\u202eevil\u202c | سایت');
  });

  it('never leaves half a surrogate pair where truncate cut one', () => {
    const html = engine().parseAndRenderSync('{{ t | truncate: 4 }}', { t: '😀😀😀' });
    expect(html).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/u);
  });

  it('writes JSON-LD that cannot close its <script> element and keeps the text', () => {
    const article = {
      title: '</script><script>alert(1)</script>',
      summary: 'a & b <!--',
      shenaseh: 1,
      url: '/news/1/',
      date: { jy: 1400, jm: 1, jd: 3, hour: 10, minute: 30 },
      service: { name: 'سیاسی' },
      tags: [{ name: '<b>x</b>\u2028' }],
      author: 'x\u0001y',
    };
    const json = engine().parseAndRenderSync('{{ a | news_article_json | raw }}', { a: article });
    expect(json).not.toMatch(/[<>\u2028]/);
    const data = JSON.parse(json) as Record<string, any>;
    expect(data.headline).toBe(article.title);
    expect(data.description).toBe('a & b <!--');
    expect(data.keywords).toEqual(['<b>x</b>\u2028']);
    expect(data.author.name).toBe('xy');
    expect(data.datePublished).toBe('2021-03-23T10:30:00+04:30');
  });
});
