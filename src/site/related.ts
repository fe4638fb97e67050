import type { Article } from '../validate/index.ts';

// Beyond this many articles a tag is a weak signal; only its articles nearest in time count.
const WINDOW = 60;

/**
 * Up to `count` related articles for each article: those sharing the most specific tags
 * (a tag's weight falls with how common it is), nearer in time first on a tie. `articles` is
 * sorted oldest first; returns indexes into it.
 */
export function relatedArticles(articles: readonly Article[], count: number): number[][] {
  const byTag = new Map<string, number[]>();
  const slots: Array<Array<{ list: number[]; at: number }>> = articles.map(() => []);
  articles.forEach((article, index) => {
    for (const tag of article.tags) {
      let list = byTag.get(tag.key);
      if (!list) byTag.set(tag.key, (list = []));
      slots[index]!.push({ list, at: list.length });
      list.push(index);
    }
  });
  // Scores live in one array for the whole run; `touched` says which entries to reset.
  const scores = new Float64Array(articles.length);
  const touched: number[] = [];
  return articles.map((_, self) => {
    if (count === 0) return [];
    for (const { list, at } of slots[self]!) {
      const weight = 1 / Math.log2(1 + list.length);
      const from = list.length > WINDOW * 2 ? Math.max(0, at - WINDOW) : 0;
      const to = list.length > WINDOW * 2 ? Math.min(list.length, at + WINDOW + 1) : list.length;
      for (let i = from; i < to; i++) {
        const other = list[i]!;
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight;
      }
    }
    // Keep the best `count` by score, then nearness in time, then the newer one.
    const better = (a: number, b: number) =>
      scores[a]! - scores[b]! || Math.abs(b - self) - Math.abs(a - self) || a - b;
    const best: number[] = [];
    for (const candidate of touched) {
      if (best.length < count) best.push(candidate);
      else if (better(candidate, best[best.length - 1]!) > 0) best[best.length - 1] = candidate;
      else continue;
      for (let i = best.length - 1; i > 0 && better(best[i]!, best[i - 1]!) > 0; i--) [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
    }
    for (const index of touched) scores[index] = 0;
    touched.length = 0;
    return best;
  });
}
