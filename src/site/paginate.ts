/**
 * Stable pagination (design.md): chunks are numbered from the oldest item, so a full chunk's URL
 * and content never change when newer items arrive; the front page shows the newest items.
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
  const olderThanFront = total > size ? Math.floor((total - size - 1) / size) + 1 : undefined;
  const front: Page<T> = { items: items.slice(Math.max(0, total - size)).reverse(), chunks };
  if (olderThanFront !== undefined) front.older = olderThanFront;
  const pages: Page<T>[] = [front];
  for (let number = 1; number <= chunks; number++) {
    const page: Page<T> = {
      number,
      items: items.slice((number - 1) * size, number * size).reverse(),
      newer: number < chunks ? number + 1 : 'front',
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
 * current one and the oldest chunk, with gaps between; the front page also links the newest
 * chunks. A full chunk's links do not name the newest chunk, so they stay the same as the archive
 * grows (only the two chunks nearest the newest gain a link when a chunk fills).
 */
export function pageLinks(current: number | undefined, chunks: number): PageLink[] {
  if (chunks === 0) return [];
  const wanted = new Set<number>([1]);
  const centre = current ?? chunks;
  for (let n = centre - 2; n <= centre + 2; n++) if (n >= 1 && n <= chunks) wanted.add(n);
  const numbers = [...wanted].sort((a, b) => b - a);
  const links: PageLink[] = [{ current: current === undefined }];
  // A gap after the front page when newer chunks than those shown exist.
  let previous: number | undefined = current === undefined ? undefined : chunks + 1;
  for (const n of numbers) {
    if (previous !== undefined && previous - n > 1) links.push({ current: false, gap: true });
    links.push({ number: n, current: n === current });
    previous = n;
  }
  return links;
}
