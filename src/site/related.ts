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
  articles.forEach((article, index) => {
    for (const tag of article.tags) {
      let list = byTag.get(tag.key);
      if (!list) byTag.set(tag.key, (list = []));
      list.push(index);
    }
  });
  const positions = new Map<string, Map<number, number>>();
  return articles.map((article, self) => {
    if (count === 0) return [];
    const scores = new Map<number, number>();
    for (const tag of article.tags) {
      const list = byTag.get(tag.key)!;
      const weight = 1 / Math.log2(1 + list.length);
      let from = 0;
      let to = list.length;
      if (list.length > WINDOW * 2) {
        let where = positions.get(tag.key);
        if (!where) positions.set(tag.key, (where = new Map(list.map((index, at) => [index, at]))));
        const at = where.get(self)!;
        from = Math.max(0, at - WINDOW);
        to = Math.min(list.length, at + WINDOW + 1);
      }
      for (let i = from; i < to; i++) {
        const other = list[i]!;
        if (other !== self) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || Math.abs(a[0] - self) - Math.abs(b[0] - self) || b[0] - a[0])
      .slice(0, count)
      .map(([index]) => index);
  });
}
