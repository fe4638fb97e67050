import { filters, type Liquid } from 'liquidjs';
import { withBase, type SiteConfig } from '../config/index.ts';
import {
  removeInvalidCharacters,
  formatJalaliDisplay,
  toDisplayText,
  toIsoDate,
  toIsoDateTime,
  toPersianDigits,
  cleanText,
  type JalaliDate,
} from '../persian/index.ts';
import { jsonForScript } from './escape.ts';
import { publisherOf } from './reader-filters.ts';

function isDate(value: unknown): value is JalaliDate {
  return typeof value === 'object' && value !== null && 'jy' in value && 'jm' in value && 'jd' in value;
}

/**
 * The template filters:
 * - `jalali` — `۶ آذر ۱۳۹۳` in the site's month names; `jalali: 'time'` adds `، ساعت ۱۴:۳۰` when a time was written;
 * - `datetime` — for `<time datetime>`: `2014-11-27`, or `2014-11-27T14:30:00+03:30` when a time was written;
 * - `iso` — always a full ISO-8601 date-time with the time zone's offset;
 * - `fa_digits` — Persian digits; `display` — Persian digits and letters for reader-facing text;
 * - `url` — a site path with the base path; `absolute_url` — the full URL of a URL the templates
 *   hold (`/archive/news/1/`: they carry the base path already) or of a path relative to the site;
 * - `news_article_json` — schema.org NewsArticle data of an article, safe inside `<script>`.
 */
export function registerFilters(engine: Liquid, site: SiteConfig): void {
  engine.registerFilter('jalali', (value: unknown, mode?: string) =>
    isDate(value) ? formatJalaliDisplay(value, site.months, { time: mode === 'time' }) : '',
  );
  engine.registerFilter('datetime', (value: unknown) => {
    if (!isDate(value)) return '';
    return value.hour === undefined ? toIsoDate(value) : toIsoDateTime(value, site.timeZone);
  });
  engine.registerFilter('iso', (value: unknown) => (isDate(value) ? toIsoDateTime(value, site.timeZone) : ''));
  engine.registerFilter('fa_digits', (value: unknown) => toPersianDigits(String(value ?? '')));
  engine.registerFilter('display', (value: unknown) => toDisplayText(String(value ?? '')));
  engine.registerFilter('url', (value: unknown) => withBase(site.basePath, String(value ?? '/')));
  // Liquid's own throws on half a surrogate pair (a hostile title): encode what a page may carry.
  engine.registerFilter('url_encode', (value: unknown) => encodeURIComponent(removeInvalidCharacters(String(value ?? ''))));
  engine.registerFilter('news_article_json', (article: Record<string, any>, context?: Parameters<typeof publisherOf>[1]) => {
    const absolute = (url: string) => new URL(url.replace(/^\//, ''), new URL('/', site.baseUrl)).href;
    const data = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      ...(article.summary && { description: article.summary }),
      identifier: String(article.shenaseh),
      inLanguage: 'fa',
      mainEntityOfPage: absolute(article.url),
      datePublished: toIsoDateTime(article.date, site.timeZone),
      ...(article.updated && { dateModified: toIsoDateTime(article.updated, site.timeZone) }),
      articleSection: article.service?.name,
      keywords: (article.tags ?? []).map((t: { name: string }) => t.name),
      ...(article.image && { image: absolute(article.image.src) }),
      ...(article.author && { author: { '@type': 'Person', name: article.author } }),
      publisher: publisherOf(site, context),
    };
    return jsonForScript(data);
  });
  // Resolved like a browser would on a page of the site: a URL from the context starts with the
  // base path already, and must not get it twice.
  engine.registerFilter('absolute_url', (value: unknown) => new URL(String(value ?? '/'), site.baseUrl).href);
}

/**
 * Liquid's `outputEscape`: its own `escape` (HTML text and quoted attributes alike), then the
 * cleaning of every other output format, so that a title's control character or unclosed
 * `U+202E` stops at the end of its `{{ }}` (the filter's `| truncate` may have cut a bidi pair apart).
 */
export function escapeOutput(this: unknown, value: unknown): string {
  return cleanText((filters.escape as (this: unknown, v: unknown) => string).call(this, value));
}
