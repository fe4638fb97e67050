import { hash } from 'node:crypto';
import path from 'node:path';
import { relatedArticles, type RelatedFinder } from '../../site/index.ts';
import type { Article } from '../../validate/index.ts';
import { readKeyed, writeKeyed } from './keyed-file.ts';

const FORMAT = 'bayegan-related-1';

function fileOf(cacheRoot: string): string {
  return path.join(cacheRoot, 'related.json');
}

// Everything related articles are found from: how many, and each article's tags, in order.
function inputKey(articles: readonly Article[], count: number): string {
  const parts: string[] = [String(count)];
  for (const article of articles) parts.push(article.tags.map((t) => t.key).join('\u0001'));
  return hash('sha1', parts.join('\u0002'), 'hex');
}

// A line of the cache is an input like any other: `count` or fewer distinct indexes of other articles each.
function isRelated(value: unknown, total: number, count: number): value is number[][] {
  if (!Array.isArray(value) || value.length !== total) return false;
  return value.every((list: unknown, self) => {
    if (!Array.isArray(list) || list.length > count) return false;
    return list.every((other: unknown, at) => Number.isInteger(other) && (other as number) >= 0 && (other as number) < total && other !== self && list.indexOf(other) === at);
  });
}

/**
 * {@link relatedArticles}, kept in `.cache/related.json` under a digest of what it is found from
 * (the articles' order and tags): an edit that changes no tag and no date finds it there instead
 * of scoring the whole archive again (0.1 s at 20,000 articles). A damaged or odd file is a miss.
 */
export function cachedRelated(cacheRoot: string): RelatedFinder {
  return (articles, count) => {
    const key = inputKey(articles, count);
    const stored = readKeyed(fileOf(cacheRoot), FORMAT, key);
    if (stored.status === 'hit' && isRelated(stored.value, articles.length, count)) return stored.value;
    const found = relatedArticles(articles, count);
    writeKeyed(fileOf(cacheRoot), FORMAT, key, found);
    return found;
  };
}
