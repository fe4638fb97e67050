import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.ts';
import { build } from '../helpers/site.ts';

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = readFileSync(path.join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

describe('the worker pool', () => {
  it('gives the same bytes as one thread, whatever the scheduling', { timeout: 240_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-threads-'));
    // Enough articles that both compiling and pages go to the pool.
    generateCorpus(root, 150, 7);
    const pooled = await build(root, { out: 'pooled', cache: '.cache-pooled', threads: 2 });
    const single = await build(root, { out: 'single', cache: '.cache-single', threads: 0 });
    expect(pooled.result.rendered).toBe(150);
    expect(Object.keys(tree(pooled.dist)).length).toBeGreaterThan(150);
    expect(tree(pooled.dist)).toEqual(tree(single.dist));
  });

  it('publishes a search index made of shards indexed two at a time as the same bytes as one at a time', { timeout: 240_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-threads-search-'));
    generateCorpus(root, 400, 11);
    // Shards of 80 articles, each large enough for a thread of its own.
    process.env.BAYEGAN_SEARCH_SHARD_SIZE = '80';
    try {
      await build(root, { out: 'pooled', cache: '.cache-pooled', threads: 2 });
      // Its record of the index lost, the next build indexes every shard again while it has almost no
      // page to render: the pages are done at once and the shards are indexed two at a time.
      rmSync(path.join(root, '.cache-pooled/search-index.tsv'));
      const article = readdirSync(path.join(root, 'content'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.md'))!;
      appendFileSync(path.join(root, 'content', article), '\nبند تازه‌ای در پایان خبر.\n');
      const pooled = await build(root, { out: 'pooled', cache: '.cache-pooled', threads: 2 });
      expect(pooled.result.rendered).toBe(1);
      const single = await build(root, { out: 'single', cache: '.cache-single', threads: 0 });
      const shards = readdirSync(path.join(pooled.dist, 'pagefind')).filter((name) => /^\d{6}$/.test(name));
      expect(shards.length).toBeGreaterThanOrEqual(4);
      expect(tree(pooled.dist)).toEqual(tree(single.dist));
    } finally {
      delete process.env.BAYEGAN_SEARCH_SHARD_SIZE;
    }
  });
});
