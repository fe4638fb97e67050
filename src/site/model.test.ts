import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../config/index.ts';
import type { Article } from '../validate/index.ts';
import { buildSiteModel } from './model.ts';

const config = {
  pageSize: 10,
  archivePageSize: 100,
  relatedCount: 3,
  services: [{ slug: 'a', name: 'الف', description: '', key: 'الف' }],
} as unknown as SiteConfig;

function article(shenaseh: number, tags: string[]): Article {
  return {
    path: `${shenaseh}.md`,
    hash: String(shenaseh),
    shenaseh,
    title: String(shenaseh),
    date: { jy: 1400, jm: 1, jd: shenaseh },
    service: 'a',
    tags: tags.map((key) => ({ key, name: key })),
    lead: '',
    summary: '',
    assets: [],
    aliases: [],
    draft: false,
    hasHtml: false,
  };
}

describe('buildSiteModel neighbours', () => {
  it('never lists the previous or next article among the related ones, and still fills the list', () => {
    const articles = Array.from({ length: 9 }, (_, i) => article(i + 1, ['t']));
    const model = buildSiteModel(articles, config);
    for (const self of model.articles) {
      const { previous, next, related } = model.neighbours(self);
      expect(related).not.toContain(previous);
      expect(related).not.toContain(next);
      expect(related).not.toContain(self);
      expect(related).toHaveLength(3);
    }
    const middle = model.neighbours(model.articles[4]!);
    expect(middle.previous?.shenaseh).toBe(4);
    expect(middle.next?.shenaseh).toBe(6);
    expect(middle.related.map((a) => a.shenaseh)).toEqual([7, 3, 8]);
  });
});
