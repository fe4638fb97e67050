import type { Service, SiteConfig } from '../config/index.ts';
import { compareJalali } from '../persian/index.ts';
import { collectTags, type Article, type TagInfo } from '../validate/index.ts';
import { relatedArticles, type RelatedFinder } from './related.ts';

/** The articles of one Jalali month. */
export interface MonthIndex {
  jy: number;
  jm: number;
  articles: Article[];
}

/** The articles of one Jalali year, by month. */
export interface YearIndex {
  jy: number;
  months: MonthIndex[];
  count: number;
}

/** An article's place among the others: same-service neighbours and related articles. */
export interface Neighbours {
  previous?: Article;
  next?: Article;
  related: Article[];
}

/** Everything the pages need, from metadata only (no article body is held). */
export interface SiteModel {
  config: SiteConfig;
  /** Published articles, oldest first (by date, then shenaseh). */
  articles: Article[];
  services: Array<{ service: Service; articles: Article[] }>;
  tags: Array<{ tag: TagInfo; articles: Article[] }>;
  /** Newest year first. */
  years: YearIndex[];
  neighbours(article: Article): Neighbours;
  tagOf(key: string): TagInfo;
  serviceOf(slug: string): Service;
}

/** Order of every list: oldest first by date and time, then by shenaseh. */
export function compareArticles(a: Article, b: Article): number {
  return compareJalali(a.date, b.date) || a.shenaseh - b.shenaseh;
}

function groupBy<K>(articles: readonly Article[], keyOf: (a: Article) => K[]): Map<K, Article[]> {
  const groups = new Map<K, Article[]>();
  for (const article of articles) {
    for (const key of keyOf(article)) {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(article);
    }
  }
  return groups;
}

/** Build the indexes of the site: services, tags, Jalali archives, neighbours and related articles. */
export function buildSiteModel(all: readonly Article[], config: SiteConfig, options: { drafts?: boolean; related?: RelatedFinder } = {}): SiteModel {
  const articles = all.filter((a) => options.drafts || !a.draft).sort(compareArticles);
  const position = new Map(articles.map((a, i) => [a, i]));
  const byService = groupBy(articles, (a) => [a.service]);
  const services = config.services.map((service) => ({ service, articles: byService.get(service.slug) ?? [] }));
  const tagInfo = collectTags(articles);
  const collator = new Intl.Collator('fa');
  const byTag = groupBy(articles, (a) => a.tags.map((t) => t.key));
  const tags = [...tagInfo.values()]
    .sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1))
    .map((tag) => ({ tag, articles: byTag.get(tag.key)! }));
  const byMonth = groupBy(articles, (a) => [a.date.jy * 100 + a.date.jm]);
  const years = new Map<number, YearIndex>();
  for (const key of [...byMonth.keys()].sort((a, b) => b - a)) {
    const jy = Math.floor(key / 100);
    let year = years.get(jy);
    if (!year) years.set(jy, (year = { jy, months: [], count: 0 }));
    const month = { jy, jm: key % 100, articles: byMonth.get(key)! };
    year.months.push(month);
    year.count += month.articles.length;
  }
  const serviceSlot = new Map<Article, number>();
  for (const { articles: list } of services) list.forEach((a, i) => serviceSlot.set(a, i));
  const serviceLists = new Map(services.map((s) => [s.service.slug, s.articles]));
  // Two more than shown, so that leaving out the previous and next links still fills the list.
  const related = (options.related ?? relatedArticles)(articles, config.relatedCount === 0 ? 0 : config.relatedCount + 2);
  const serviceBySlug = new Map(config.services.map((s) => [s.slug, s]));
  return {
    config,
    articles,
    services,
    tags,
    years: [...years.values()],
    neighbours(article) {
      const list = serviceLists.get(article.service)!;
      const slot = serviceSlot.get(article)!;
      const previous = slot > 0 ? list[slot - 1] : undefined;
      const next = slot < list.length - 1 ? list[slot + 1] : undefined;
      // The page links the previous and next articles just above its related ones: never twice.
      const others = related[position.get(article)!]!.map((i) => articles[i]!).filter((a) => a !== previous && a !== next);
      const result: Neighbours = { related: others.slice(0, config.relatedCount) };
      if (previous) result.previous = previous;
      if (next) result.next = next;
      return result;
    },
    tagOf: (key) => tagInfo.get(key)!,
    serviceOf: (slug) => serviceBySlug.get(slug)!,
  };
}
