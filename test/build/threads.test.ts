import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
});
