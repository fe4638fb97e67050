import { toIsoDateTime } from '../persian/index.ts';
import type { FeedSpec } from './feeds.ts';
import { element, parent, XML_DECLARATION } from './xml.ts';

/**
 * Atom (RFC 4287): text constructs of `type="text"` (plain text, escaped as XML once), an author
 * on the feed and on every entry, and RFC 3339 dates with the site's offset.
 */
export function atomFeed(spec: FeedSpec): string {
  const date = (d: FeedSpec['updated']) => toIsoDateTime(d, spec.timeZone);
  const author = (name: string) => parent('author', [element('name', name)]);
  const entries = spec.entries.map((entry) =>
    parent('entry', [
      element('id', entry.url),
      element('title', entry.title, { type: 'text' }),
      element('link', undefined, { rel: 'alternate', type: 'text/html', href: entry.url }),
      element('published', date(entry.published)),
      element('updated', date(entry.updated)),
      author(entry.author),
      ...entry.categories.map((name) => element('category', undefined, { term: name })),
      ...(entry.summary ? [element('summary', entry.summary, { type: 'text' })] : []),
    ]),
  );
  const feed = parent(
    'feed',
    [
      element('id', spec.url),
      element('title', spec.title, { type: 'text' }),
      ...(spec.description ? [element('subtitle', spec.description, { type: 'text' })] : []),
      element('updated', date(spec.updated)),
      element('link', undefined, { rel: 'self', type: 'application/atom+xml', href: spec.atomUrl }),
      element('link', undefined, { rel: 'alternate', type: 'text/html', href: spec.url }),
      author(spec.siteTitle),
      element('generator', 'bayegan'),
      ...entries,
    ],
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'fa' },
  );
  return `${XML_DECLARATION}${feed}\n`;
}
