import { describe, expect, it } from 'vitest';
import { pageLinks, paginate } from './paginate.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it('shows the newest items first on the front page and numbers full chunks from the oldest', () => {
    const pages = paginate(range(25), 10);
    expect(pages.map((p) => p.number)).toEqual([undefined, 1, 2]);
    expect(pages[0]!.items).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(pages[0]!.older).toBe(2);
    expect(pages[1]!.items).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(pages[2]).toMatchObject({ number: 2, newer: 'front', older: 1 });
  });

  it('keeps a full page identical when newer items arrive', () => {
    const before = paginate(range(20), 10);
    const after = paginate(range(27), 10);
    expect(after.find((p) => p.number === 1)!.items).toEqual(before.find((p) => p.number === 1)!.items);
    expect(after.find((p) => p.number === 2)!.items).toEqual(before.find((p) => p.number === 2)!.items);
    expect(after[0]!.items[0]).toBe(27);
  });

  it('has only a front page when everything fits on it', () => {
    expect(paginate(range(3), 10)).toEqual([{ items: [3, 2, 1], chunks: 0 }]);
    expect(paginate([], 10)).toEqual([{ items: [], chunks: 0 }]);
  });

  it('links the front page, the oldest chunk and the neighbourhood of the current page', () => {
    const labels = (links: ReturnType<typeof pageLinks>) => links.map((l) => (l.gap ? '…' : (l.number ?? 'front')));
    expect(labels(pageLinks(undefined, 50))).toEqual(['front', 50, 49, 48, '…', 1]);
    expect(labels(pageLinks(20, 50))).toEqual(['front', '…', 22, 21, 20, 19, 18, '…', 1]);
    expect(labels(pageLinks(49, 50))).toEqual(['front', 50, 49, 48, 47, '…', 1]);
    expect(labels(pageLinks(2, 3))).toEqual(['front', 3, 2, 1]);
  });

  it('gives a full chunk the same links however many newer chunks follow it', () => {
    for (const chunks of [23, 24, 100, 1000]) expect(pageLinks(20, chunks)).toEqual(pageLinks(20, 23));
    expect(pageLinks(20, 50).find((l) => l.current)?.number).toBe(20);
  });
});
