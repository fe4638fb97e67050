import { absoluteUrl, articlePath, servicePath } from '../config/index.ts';
import { pageKey, type Output } from '../pages/index.ts';
import { compareJalali, jalaliFromEpochMs, toEpochMs, type JalaliDate } from '../persian/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { atomFeed } from './atom.ts';
import { rssFeed } from './rss.ts';

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 30;

/** One article as a feed shows it: plain text throughout, each feed format escapes it for itself. */
export interface FeedEntry {
  title: string;
  url: string;
  /** Plain text: the lead, or the first paragraph's text. */
  summary: string;
  published: JalaliDate;
  updated: JalaliDate;
  /** The service's name, then the tags' names. */
  categories: string[];
  /** The article's author, else the site's name (Atom requires one per entry). */
  author: string;
}

/** What both feed formats are written from. */
export interface FeedSpec {
  title: string;
  description: string;
  /** Absolute URLs of the page the feed follows and of the feed files. */
  url: string;
  rssUrl: string;
  atomUrl: string;
  /** The newest date of any entry (when nothing is in the feed, the epoch): not the build's time, so the same input gives the same bytes. */
  updated: JalaliDate;
  timeZone: string;
  siteTitle: string;
  entries: FeedEntry[];
}

function entryOf(article: Article, model: SiteModel): FeedEntry {
  const { config } = model;
  return {
    title: article.title,
    url: absoluteUrl(config.baseUrl, articlePath(article.shenaseh)),
    summary: article.summary,
    published: article.date,
    updated: article.updated ?? article.date,
    categories: [model.serviceOf(article.service).name, ...article.tags.map((t) => model.tagOf(t.key).name)],
    author: article.author ?? config.title,
  };
}

function newest(entries: readonly FeedEntry[], timeZone: string): JalaliDate {
  let best: { date: JalaliDate; ms: number } | undefined;
  for (const { updated } of entries) {
    const ms = toEpochMs(updated, timeZone);
    if (!best || ms > best.ms || (ms === best.ms && compareJalali(updated, best.date) > 0)) best = { date: updated, ms };
  }
  return best?.date ?? jalaliFromEpochMs(0, timeZone);
}

function feedOutputs(model: SiteModel, articles: readonly Article[], sitePath: string, title: string, description: string): Output[] {
  const { config } = model;
  const entries = articles.slice(-FEED_SIZE).reverse().map((a) => entryOf(a, model));
  const spec: FeedSpec = {
    title,
    description,
    url: absoluteUrl(config.baseUrl, sitePath),
    rssUrl: absoluteUrl(config.baseUrl, `${sitePath}feed.xml`),
    atomUrl: absoluteUrl(config.baseUrl, `${sitePath}atom.xml`),
    updated: newest(entries, config.timeZone),
    timeZone: config.timeZone,
    siteTitle: config.title,
    entries,
  };
  // The spec is every input of both files' bytes.
  const outputs: Output[] = [{ path: `${sitePath}feed.xml`, key: pageKey('rss-2', spec), content: () => rssFeed(spec) }];
  // Atom only for the whole site; per-service feeds are RSS, as design.md lists them.
  if (sitePath === '/') outputs.push({ path: `${sitePath}atom.xml`, key: pageKey('atom-2', spec), content: () => atomFeed(spec) });
  return outputs;
}

/** `/feed.xml` (RSS 2.0), `/atom.xml`, and `/service/<slug>/feed.xml` for each service. */
export function feedOutputsOf(model: SiteModel): Output[] {
  const { config } = model;
  const outputs = feedOutputs(model, model.articles, '/', config.title, config.description);
  for (const { service, articles } of model.services) {
    outputs.push(...feedOutputs(model, articles, servicePath(service.slug), `${service.name} — ${config.title}`, service.description));
  }
  return outputs;
}
