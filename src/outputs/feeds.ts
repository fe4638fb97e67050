import { Feed } from 'feed';
import { absoluteUrl, articlePath, servicePath, type SiteConfig } from '../config/index.ts';
import { pageKey, type Output } from '../pages/index.ts';
import { toEpochMs } from '../persian/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 30;

function feedItems(articles: readonly Article[], model: SiteModel) {
  const { config } = model;
  return articles
    .slice(-FEED_SIZE)
    .reverse()
    .map((article) => ({
      title: article.title,
      id: absoluteUrl(config.baseUrl, articlePath(article.shenaseh)),
      link: absoluteUrl(config.baseUrl, articlePath(article.shenaseh)),
      description: article.summary,
      date: new Date(toEpochMs(article.updated ?? article.date, config.timeZone)),
      published: new Date(toEpochMs(article.date, config.timeZone)),
      category: [{ name: model.serviceOf(article.service).name }, ...article.tags.map((t) => ({ name: model.tagOf(t.key).name }))],
      ...(article.author && { author: [{ name: article.author }] }),
    }));
}

function feedOutputs(model: SiteModel, articles: readonly Article[], sitePath: string, title: string, description: string): Output[] {
  const { config } = model;
  const items = feedItems(articles, model);
  const rss = `${sitePath}feed.xml`;
  const atom = `${sitePath}atom.xml`;
  const make = () => {
    const feed = new Feed({
      id: absoluteUrl(config.baseUrl, sitePath),
      title,
      description,
      link: absoluteUrl(config.baseUrl, sitePath),
      language: 'fa',
      generator: 'bayegan',
      copyright: config.title,
      // The newest item's time, not the build's: the same input gives the same bytes.
      updated: items.reduce<Date | undefined>((newest, i) => (!newest || i.date > newest ? i.date : newest), undefined) ?? new Date(0),
      feedLinks: { rss: absoluteUrl(config.baseUrl, rss), atom: absoluteUrl(config.baseUrl, atom) },
    });
    for (const item of items) feed.addItem(item);
    return feed;
  };
  const key = pageKey('feed-1', { sitePath, title, description, items, baseUrl: config.baseUrl });
  const outputs: Output[] = [{ path: rss, key, content: () => make().rss2() }];
  // Atom only for the whole site; per-service feeds are RSS, as design.md lists them.
  if (sitePath === '/') outputs.push({ path: atom, key, content: () => make().atom1() });
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
