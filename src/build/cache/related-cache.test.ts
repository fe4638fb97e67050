import { hash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relatedArticles } from '../../site/index.ts';
import type { Article } from '../../validate/index.ts';
import { cachedRelated } from './related-cache.ts';

const article = (tags: string[]) => ({ tags: tags.map((key) => ({ key, name: key })) }) as unknown as Article;
const articles = [article(['a', 'common']), article(['common']), article(['common']), article(['a', 'common']), article(['x'])];

// The cache file with `lists` in place of what it holds, its checksum made to match.
function forge(cache: string, lists: unknown): void {
  const file = path.join(cache, 'related.json');
  const [format, key] = readFileSync(file, 'utf8').split('\n');
  const json = JSON.stringify(lists);
  writeFileSync(file, `${format}\n${key}\n${hash('sha1', json, 'hex')}\n${json}\n`);
}

describe('related articles kept in the cache', () => {
  it('are found once, then read back for the same articles and tags, and found again when a tag changes', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'bayegan-related-'));
    const related = cachedRelated(cache);
    expect(related(articles, 2)).toEqual(relatedArticles(articles, 2));
    // What the file holds is what the next build takes (shown by a change no scoring would make).
    forge(cache, [[4], [], [], [], []]);
    expect(related(articles, 2)[0]).toEqual([4]);
    // Another count, or another tag, is another question.
    expect(related(articles, 1)).toEqual(relatedArticles(articles, 1));
    const retagged = [...articles.slice(0, 4), article(['a'])];
    expect(related(retagged, 2)).toEqual(relatedArticles(retagged, 2));
  });

  it('are found again when the file is damaged or names what no article list can hold', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'bayegan-related-'));
    const related = cachedRelated(cache);
    const expected = relatedArticles(articles, 2);
    related(articles, 2);
    for (const lists of [[[0], [], [], [], []], [[9], [], [], [], []], [[1, 1], [], [], [], []], [[1, 2, 3], [], [], [], []], [[1.5], [], [], [], []], [[]], 'x']) {
      forge(cache, lists);
      expect(related(articles, 2), JSON.stringify(lists)).toEqual(expected);
    }
    writeFileSync(path.join(cache, 'related.json'), 'garbage');
    expect(related(articles, 2)).toEqual(expected);
  });
});
