import { describe, expect, it } from 'vitest';
import { pageLinks, paginate, type Page } from './paginate.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Follow the "older" links from the front page, as a reader pages back. */
function pageBack(pages: Page<number>[]): number[][] {
  const seen: number[][] = [];
  for (let page: Page<number> | undefined = pages[0]; page; page = pages.find((p) => p.number === page!.older && page!.older !== undefined)) {
    seen.push(page.items);
    if (page.older === undefined) break;
  }
  return seen;
}

describe('paginate', () => {
  it('shows the newest partial chunk with the newest full chunk on the front page, and numbers full chunks from the oldest', () => {
    const pages = paginate(range(25), 10);
    expect(pages.map((p) => p.number)).toEqual([undefined, 1, 2]);
    expect(pages[0]!.items).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    expect(pages[0]!.older).toBe(1);
    expect(pages[1]!.items).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(pages[1]).toMatchObject({ number: 1, newer: 'front' });
    expect(pages[2]).toMatchObject({ number: 2, newer: 'front', older: 1 });
  });

  it('never shows an item twice to a reader paging back from the front page, and shows every item', () => {
    for (let total = 0; total <= 75; total++) {
      for (const size of [1, 3, 10]) {
        const seen = pageBack(paginate(range(total), size)).flat();
        expect(new Set(seen).size, `${total} items, ${size} a page`).toBe(seen.length);
        expect([...seen].sort((a, b) => a - b)).toEqual(range(total));
      }
    }
  });

  it('puts N to 2N−1 items on the front page once a chunk is full', () => {
    for (let total = 10; total < 60; total++) {
      const front = paginate(range(total), 10)[0]!;
      expect(front.items.length).toBeGreaterThanOrEqual(10);
      expect(front.items.length).toBeLessThanOrEqual(19);
    }
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

  it('links the front page, the oldest chunk and the neighbourhood of the current page, but not the chunk the front page shows', () => {
    const labels = (links: ReturnType<typeof pageLinks>) => links.map((l) => (l.gap ? '…' : (l.number ?? 'front')));
    expect(labels(pageLinks(undefined, 50))).toEqual(['front', 49, 48, 47, '…', 1]);
    expect(labels(pageLinks(20, 50))).toEqual(['front', '…', 22, 21, 20, 19, 18, '…', 1]);
    expect(labels(pageLinks(48, 50))).toEqual(['front', 49, 48, 47, 46, '…', 1]);
    expect(labels(pageLinks(50, 50))).toEqual(['front', 50, 49, 48, '…', 1]);
    expect(labels(pageLinks(2, 3))).toEqual(['front', 2, 1]);
    expect(labels(pageLinks(undefined, 1))).toEqual([]);
    expect(labels(pageLinks(1, 1))).toEqual(['front', 1]);
    expect(labels(pageLinks(undefined, 6))).toEqual(['front', 5, 4, 3, 2, 1]);
    expect(labels(pageLinks(5, 20))).toEqual(['front', '…', 7, 6, 5, 4, 3, 2, 1]);
  });

  it('gives a full chunk the same links however many newer chunks follow it', () => {
    for (const chunks of [24, 25, 100, 1000]) expect(pageLinks(20, chunks)).toEqual(pageLinks(20, 24));
    expect(pageLinks(20, 50).find((l) => l.current)?.number).toBe(20);
  });
});
