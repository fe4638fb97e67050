import { escapeHtmlText } from '../pages/index.ts';
import { toRfc822DateTime } from '../persian/index.ts';
import type { FeedSpec } from './feeds.ts';
import { element, parent, XML_DECLARATION } from './xml.ts';

/**
 * RSS 2.0. An item's `description` is read by feed readers as HTML (the RSS Advisory Board's
 * profile: entity-encoded HTML), so a plain-text summary is escaped as HTML text, then as XML:
 * a summary that reads `<b>` shows `<b>` in every reader and never becomes markup. Other
 * elements are plain text, escaped as XML once. Dates are RFC 822 with the site's numeric offset.
 */
export function rssFeed(spec: FeedSpec): string {
  const date = (d: FeedSpec['updated']) => toRfc822DateTime(d, spec.timeZone);
  const items = spec.entries.map((entry) =>
    parent('item', [
      element('title', entry.title),
      element('link', entry.url),
      element('guid', entry.url, { isPermaLink: 'true' }),
      ...(entry.summary ? [element('description', escapeHtmlText(entry.summary))] : []),
      element('dc:creator', entry.author),
      element('pubDate', date(entry.published)),
      ...entry.categories.map((name) => element('category', name)),
    ]),
  );
  const channel = parent('channel', [
    element('title', spec.title),
    element('link', spec.url),
    element('description', spec.description || spec.title),
    element('language', 'fa'),
    element('generator', 'bayegan'),
    ...(spec.entries.length > 0 ? [element('lastBuildDate', date(spec.updated))] : []),
    element('atom:link', undefined, { href: spec.rssUrl, rel: 'self', type: 'application/rss+xml' }),
    ...items,
  ]);
  const rss = parent('rss', [channel], {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  });
  return `${XML_DECLARATION}${rss}\n`;
}
