import { describe, expect, it } from 'vitest';
import type { Article } from '../validate/index.ts';
import { relatedArticles } from './related.ts';

const article = (tags: string[]) => ({ tags: tags.map((key) => ({ key, name: key })) }) as unknown as Article;

describe('relatedArticles', () => {
  it('prefers rarer shared tags, then nearness in time, and never lists the article itself', () => {
    const articles = [article(['a', 'common']), article(['common']), article(['common']), article(['a', 'common']), article(['x'])];
    const related = relatedArticles(articles, 2);
    expect(related[0]).toEqual([3, 1]);
    expect(related[3]).toEqual([0, 2]);
    expect(related[4]).toEqual([]);
    expect(related.every((list, self) => !list.includes(self))).toBe(true);
  });

  it('lists at most `count` and nothing when count is 0', () => {
    const articles = Array.from({ length: 10 }, () => article(['t']));
    expect(relatedArticles(articles, 3).every((list) => list.length === 3)).toBe(true);
    expect(relatedArticles(articles, 0).every((list) => list.length === 0)).toBe(true);
  });

  it('counts only the nearest articles of a very common tag', () => {
    const articles = Array.from({ length: 1000 }, () => article(['t']));
    expect(relatedArticles(articles, 2)[500]).toEqual([501, 499]);
    expect(relatedArticles(articles, 50)[500]).not.toContain(480);
  });
});
