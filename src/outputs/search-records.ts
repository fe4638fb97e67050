import { articlePath } from '../config/index.ts';
import { plainLead } from '../parse/index.ts';
import { formatJalaliDisplay, removeInvalidCharacters, searchText } from '../persian/index.ts';
import type { BodyRef } from '../pages/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';

/** One article as the search index holds it (Pagefind's custom record). */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'fa';
  /** Shown with a result (title) or not (tags), and searched: each value is in its indexed form. */
  meta: { title: string; tags: string };
  /**
   * Filters by service (slug) and Jalali year, and the date as the site shows it: a filter value,
   * unlike metadata, is not searched, so a query `1393` does not match every article of that year.
   */
  filters: { service: string[]; year: string[]; date: string[] };
}

/** Consecutive Jalali months indexed together: an edit re-indexes its shard only. */
export interface SearchShard {
  /** Folder under `/pagefind/`: the shard's first month, `139301`. */
  name: string;
  articles: Article[];
}

/**
 * Fewest articles in a shard, for archives of up to 32 times as many. Indexing costs about 4 ms
 * of CPU per article, so an edit re-indexes a few seconds' worth; a query loads a small file and
 * a chunk of postings per shard, so there are at most about 32 of them. Above 64,000 articles the
 * size doubles as often as needed, so shard boundaries move only when the archive doubles.
 */
export const SHARD_SIZE = 2000;
const MAX_SHARDS = 32;

/** The shards of an archive, oldest first: whole months, each shard at least `size` articles but the newest. */
export function searchShards(model: SiteModel, size = SHARD_SIZE): SearchShard[] {
  const total = model.years.reduce((sum, y) => sum + y.count, 0);
  let target = size;
  while (total > target * MAX_SHARDS) target *= 2;
  const shards: SearchShard[] = [];
  let current: SearchShard | undefined;
  // model.years and their months are newest first; shards grow from the oldest, so new articles touch the last one.
  for (const year of [...model.years].reverse()) {
    for (const month of [...year.months].reverse()) {
      if (!current || current.articles.length >= target) shards.push((current = { name: `${month.jy}${String(month.jm).padStart(2, '0')}`, articles: [] }));
      current.articles.push(...month.articles);
    }
  }
  return shards;
}

const BLOCK = /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|th|thead|tbody|figure|figcaption|section|hr|br|dt|dd|dl)\b[^>]*>/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of a rendered (sanitised) body: block elements become line breaks, inline ones vanish
 * without splitting a word, character references are decoded. A regular expression is enough
 * for the serialiser's own output and costs microseconds, where a parser costs milliseconds.
 */
export function bodyText(html: string): string {
  return html
    .replace(BLOCK, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex?: string, dec?: string, name?: string) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    });
}

// Text Pagefind may take: no character a page may not carry (its JSON reader refuses a lone
// surrogate) and no bidi control, which would only split words in the index.
function indexable(text: string): string {
  return searchText(removeInvalidCharacters(text).replace(/[\u202a-\u202e\u2066-\u2069]/g, ''));
}

/**
 * What one article's record is made of besides its body, as plain data: a shard's records are
 * made in another thread, where the site model is not.
 */
export interface RecordInput {
  /** Where the article's rendered body is. */
  body: BodyRef;
  url: string;
  lead: string;
  title: string;
  /** Its tags' names, as the site shows them. */
  tags: string[];
  filters: SearchRecord['filters'];
}

/** The record input of one article. */
export function recordInput(article: Article, model: SiteModel, body: BodyRef): RecordInput {
  const service = model.serviceOf(article.service);
  return {
    body,
    url: articlePath(article.shenaseh),
    lead: article.lead,
    title: article.title,
    tags: article.tags.map((t) => model.tagOf(t.key).name),
    filters: { service: [service.slug], year: [String(article.date.jy)], date: [formatJalaliDisplay(article.date, model.config.months)] },
  };
}

/** The index record of one article from its input and rendered body (`html`). */
export function recordOf(input: RecordInput, html: string): SearchRecord {
  return {
    url: input.url,
    content: indexable(`${plainLead(input.lead)}\n${bodyText(html)}`),
    language: 'fa',
    meta: { title: indexable(input.title), tags: indexable(input.tags.join('، ')) },
    filters: input.filters,
  };
}

/** The index record of one article; `body` is its rendered HTML. */
export function searchRecord(article: Article, model: SiteModel, body: string): SearchRecord {
  return recordOf(recordInput(article, model, { key: '', path: article.path, abs: '' }), body);
}
