import { describe, expect, it } from 'vitest';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { bodyText, searchRecord, searchShards } from './search-records.ts';

describe('bodyText', () => {
  it('keeps words whole across inline elements and splits blocks', () => {
    expect(bodyText('<p>کتاب<strong>ها</strong>ی تازه</p><p>دوم</p>')).toBe('\nکتابهای تازه\n\nدوم\n');
    expect(bodyText('<ul><li>یک</li><li>دو</li></ul>').split(/\s+/).filter(Boolean)).toEqual(['یک', 'دو']);
  });

  it('decodes character references and leaves unknown names alone', () => {
    expect(bodyText('<p>a &#x26; b &lt;c&gt; &#1588; &amp;nbsp; &bogus; &#0;</p>')).toBe('\na & b <c> ش &nbsp; &bogus; \ufffd\n');
  });
});

function article(shenaseh: number, jy: number): Article {
  return {
    path: `content/news/${shenaseh}.md`, hash: String(shenaseh), shenaseh, title: 'عنوان كتاب ها', date: { jy, jm: 9, jd: 6 },
    service: 'politics', tags: [{ key: 'a', name: 'انرژي' }], lead: 'لید', summary: '', assets: [], aliases: [], draft: false, hasHtml: false,
  };
}

/** An archive of `counts[jy]` articles in Farvardin of each year, and one in Mehr of 1391. */
function model(counts: Record<number, number>): SiteModel {
  let id = 0;
  const month = (jy: number, jm: number, count: number) => ({ jy, jm, articles: Array.from({ length: count }, () => article(++id, jy)) });
  const years = Object.entries(counts)
    .map(([jy, count]) => ({ jy: Number(jy), count, months: [month(Number(jy), 1, count)] }))
    .reverse();
  return {
    years,
    config: { months: 'iran' },
    serviceOf: () => ({ slug: 'politics', name: 'سیاسی' }),
    tagOf: () => ({ key: 'a', name: 'انرژی', slug: 'انرژی' }),
  } as unknown as SiteModel;
}

describe('searchShards', () => {
  it('groups whole months, oldest first, until a shard has enough articles', () => {
    const m = model({ 1390: 3, 1391: 1, 1392: 5, 1393: 1, 1394: 1 });
    m.years.find((y) => y.jy === 1391)!.months.unshift({ jy: 1391, jm: 7, articles: [article(99, 1391)] });
    const shards = searchShards(m, 4);
    expect(shards.map((s) => [s.name, s.articles.length])).toEqual([['139001', 4], ['139107', 1 + 5], ['139301', 2]]);
  });

  it('keeps at most 32 shards by doubling their size', () => {
    expect(searchShards(model(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [1360 + i, 5]))), 1)).toHaveLength(20);
  });

  it('has no shard for an empty archive', () => {
    expect(searchShards(model({}), 4)).toEqual([]);
  });
});

describe('searchRecord', () => {
  it('indexes the lead and body in their search form, shows the date as the site does', () => {
    const m = model({ 1393: 1 });
    const record = searchRecord(m.years[0]!.months[0]!.articles[0]!, m, '<p>متن ۱۳۹۳</p>');
    expect(record).toEqual({
      url: '/news/1/',
      content: 'لید متن 1393',
      language: 'fa',
      meta: { title: 'عنوان کتاب‌ها', tags: 'انرژی' },
      filters: { service: ['politics'], year: ['1393'], date: ['۶ آذر ۱۳۹۳'] },
    });
  });

  it('shows the date with the month names the site chose', () => {
    const m = model({ 1393: 1 });
    (m.config as { months: string }).months = 'afghanistan';
    expect(searchRecord(m.years[0]!.months[0]!.articles[0]!, m, '').filters.date).toEqual(['۶ قوس ۱۳۹۳']);
  });
});
