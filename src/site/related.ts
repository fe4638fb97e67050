import type { Article } from '../validate/index.ts';

// Beyond this many articles a tag is a weak signal; only its articles nearest in time count.
const WINDOW = 12;

/** How related articles are found: {@link relatedArticles}, or the same answer kept from an earlier build. */
export type RelatedFinder = (articles: readonly Article[], count: number) => number[][];

/**
 * Up to `count` related articles for each article: those sharing the most specific tags
 * (a tag's weight falls with how common it is), nearer in time first on a tie, then the newer.
 * `articles` is sorted oldest first; returns indexes into it. Runs on every build over the
 * whole archive, so it avoids allocating per candidate.
 */
export function relatedArticles(articles: readonly Article[], count: number): number[][] {
  const lists = new Map<string, number[]>();
  // For each article, per tag: the tag's list and the article's position in it.
  const uses: Array<Array<[number[], number]>> = new Array(articles.length);
  for (let index = 0; index < articles.length; index++) {
    const own: Array<[number[], number]> = [];
    for (const tag of articles[index]!.tags) {
      let list = lists.get(tag.key);
      if (!list) lists.set(tag.key, (list = []));
      own.push([list, list.length]);
      list.push(index);
    }
    uses[index] = own;
  }
  const scores = new Float64Array(articles.length);
  const touched: number[] = [];
  const result: number[][] = new Array(articles.length);
  for (let self = 0; self < articles.length; self++) {
    if (count === 0) {
      result[self] = [];
      continue;
    }
    for (const [list, at] of uses[self]!) {
      const weight = 1 / Math.log2(1 + list.length);
      const wide = list.length > WINDOW * 2;
      const from = wide ? Math.max(0, at - WINDOW) : 0;
      const to = wide ? Math.min(list.length, at + WINDOW + 1) : list.length;
      for (let i = from; i < to; i++) {
        const other = list[i]!;
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight;
      }
    }
    const best: number[] = [];
    for (const candidate of touched) {
      let at = best.length;
      // Insertion into a short sorted list: higher score, then nearer to `self`, then newer.
      while (at > 0 && better(candidate, best[at - 1]!, self, scores)) at -= 1;
      if (at < count) {
        best.splice(at, 0, candidate);
        if (best.length > count) best.pop();
      }
    }
    for (const index of touched) scores[index] = 0;
    touched.length = 0;
    result[self] = best;
  }
  return result;
}

function better(a: number, b: number, self: number, scores: Float64Array): boolean {
  const difference = scores[a]! - scores[b]!;
  if (difference !== 0) return difference > 0;
  const distance = Math.abs(a - self) - Math.abs(b - self);
  return distance !== 0 ? distance < 0 : a > b;
}
