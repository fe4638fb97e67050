import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/build/index.ts';
import { ChangeQueue, watchFiles } from '../../src/dev/watch.ts';
import { writeSite } from '../helpers/site.ts';

describe('the change queue', () => {
  it('coalesces a burst of saves into one rebuild, and a failing rebuild stops none after it', async () => {
    const rebuilds: FileChange[][] = [];
    const failures: unknown[] = [];
    let fail = true;
    const queue = new ChangeQueue(
      async (changes) => {
        rebuilds.push(changes);
        if (fail) {
          fail = false;
          throw new Error('broken');
        }
      },
      (error) => failures.push(error),
    );
    queue.start();
    // A `git checkout`: thousands of paths at once, some twice.
    for (let i = 0; i < 5000; i++) queue.push({ kind: 'change', path: `/p/${i % 4000}.md` });
    await queue.idle();
    expect(rebuilds).toHaveLength(1);
    expect(rebuilds[0]).toHaveLength(4000);
    expect(failures).toMatchObject([{ message: 'broken' }]);
    queue.push({ kind: 'add', path: '/p/new.md' });
    queue.push({ kind: 'change', path: '/p/new.md' });
    await queue.idle();
    expect(rebuilds[1]).toEqual([{ kind: 'add', path: '/p/new.md' }]);
    await queue.close();
  });

  it('holds changes until started, and takes what arrives during a rebuild in the next one', async () => {
    const rebuilds: string[][] = [];
    let release: () => void = () => {};
    const queue = new ChangeQueue(async (changes) => {
      rebuilds.push(changes.map((c) => c.path));
      if (rebuilds.length === 1) await new Promise<void>((r) => (release = r));
    }, () => {});
    queue.push({ kind: 'change', path: 'a' });
    await new Promise((r) => setTimeout(r, 60));
    expect(rebuilds).toEqual([]);
    queue.start();
    await new Promise((r) => setTimeout(r, 60));
    queue.push({ kind: 'change', path: 'b' });
    queue.push({ kind: 'change', path: 'c' });
    release();
    await queue.idle();
    expect(rebuilds).toEqual([['a'], ['b', 'c']]);
    await queue.close();
  });
});

describe('watching with chokidar', () => {
  it('reports a save, a new file and a removal in a folder, never in .git', async () => {
    const root = writeSite('-- content/news/1.md --\nx\n-- content/.git/HEAD --\nref\n');
    const seen: FileChange[] = [];
    const queue = new ChangeQueue(async (changes) => void seen.push(...changes), () => {});
    queue.start();
    const watcher = await watchFiles([path.join(root, 'content')], queue, () => {});
    writeFileSync(path.join(root, 'content/news/1.md'), 'y\n');
    mkdirSync(path.join(root, 'content/news/1400'));
    writeFileSync(path.join(root, 'content/news/1400/2.md'), 'z\n');
    writeFileSync(path.join(root, 'content/.git/HEAD'), 'other\n');
    for (let i = 0; i < 100 && seen.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await queue.idle();
    await watcher.close();
    await queue.close();
    const kinds = new Map(seen.map((c) => [path.relative(root, c.path), c.kind]));
    expect(kinds.get('content/news/1.md')).toBe('change');
    expect(kinds.get('content/news/1400/2.md')).toBe('add');
    expect([...kinds.keys()].some((p) => p.includes('.git'))).toBe(false);
  });
});
