/**
 * Stable pagination (design.md): chunks are numbered from the oldest item, so a full chunk's URL
 * and content never change when newer items arrive. The front page shows the newest partial chunk
 * together with the newest full chunk (N to 2N−1 items), so its "older" link leads to the chunk
 * just before them and a reader paging back never sees an item twice.
 */

/** One page of an index. */
export interface Page<T> {
  /** Chunk number in the URL (`/page/N/`), or undefined for the index's front page. */
  number?: number;
  /** Newest first. */
  items: T[];
  /** The next page towards newer items: a chunk number, or `'front'`. */
  newer?: number | 'front';
  /** The next page towards older items. */
  older?: number;
  /** Number of full chunks, i.e. the highest `/page/N/`. */
  chunks: number;
}

/** Split items (oldest first) into the front page and one page per full chunk. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const total = items.length;
  const chunks = Math.floor(total / size);
  // The front page starts at the newest full chunk; with none, it holds everything.
  const frontStart = Math.max(0, (chunks - 1) * size);
  const front: Page<T> = { items: items.slice(frontStart).reverse(), chunks };
  if (chunks > 1) front.older = chunks - 1;
  const pages: Page<T>[] = [front];
  for (let number = 1; number <= chunks; number++) {
    const page: Page<T> = {
      number,
      items: items.slice((number - 1) * size, number * size).reverse(),
      // The newest full chunk is also on the front page: the chunk before it leads there.
      newer: number < chunks - 1 ? number + 1 : 'front',
      chunks,
    };
    if (number > 1) page.older = number - 1;
    pages.push(page);
  }
  return pages;
}

/** A link in the numbered page list; `number` undefined is the front page, `gap` an ellipsis. */
export interface PageLink {
  number?: number;
  current: boolean;
  gap?: boolean;
}

/**
 * The numbered links of a page: the front page, the two nearest chunks on each side of the
 * current one and the oldest chunk, with gaps between. The newest full chunk is not linked (the
 * front page shows it) unless it is the current page. A full chunk's links do not name the
 * newest chunk, so they stay the same as the archive grows (only the chunks nearest the newest
 * gain a link when a chunk fills).
 */
export function pageLinks(current: number | undefined, chunks: number): PageLink[] {
  const top = current === chunks ? chunks : chunks - 1;
  if (top < 1) return current === undefined ? [] : [{ current: false }, { number: current, current: true }];
  const wanted = new Set<number>([1]);
  const centre = current ?? top;
  for (let n = centre - 2; n <= centre + 2; n++) if (n >= 1 && n <= top) wanted.add(n);
  // An ellipsis standing for page 2 alone would take as much room as the page's own link.
  if (wanted.has(3) && !wanted.has(2)) wanted.add(2);
  const numbers = [...wanted].sort((a, b) => b - a);
  const links: PageLink[] = [{ current: current === undefined }];
  // A gap after the front page when newer chunks than those shown exist.
  let previous: number | undefined = current === undefined ? undefined : chunks;
  for (const n of numbers) {
    if (previous !== undefined && previous - n > 1) links.push({ current: false, gap: true });
    links.push({ number: n, current: n === current });
    previous = n;
  }
  return links;
}
