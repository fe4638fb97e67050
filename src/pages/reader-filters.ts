import type { Liquid } from 'liquidjs';
import { absoluteUrl, type SiteConfig } from '../config/index.ts';
import { jsonForScript } from './escape.ts';
import { excerpt } from './excerpt.ts';

type Link = { name: string; url: string };

// One escape for every JSON-LD block: no value can close its <script> or carry a character a page may not.
const scriptJson = jsonForScript;

/** schema.org `Organization` of the site, with its logo when the site context has one. */
export function publisherOf(site: SiteConfig, context?: { logo?: { url: string; width: number; height: number } }) {
  const logo = context?.logo;
  return {
    '@type': 'Organization',
    name: site.title,
    url: site.baseUrl,
    ...(logo && { logo: { '@type': 'ImageObject', url: logo.url, width: logo.width, height: logo.height } }),
  };
}

/**
 * Filters of the reader's side:
 * - `excerpt: N` — plain text cut at a word boundary to at most N characters, with «…»;
 * - `breadcrumb_json` — schema.org `BreadcrumbList` of a list of `{name, url}` (site URLs);
 * - `collection_json: page, site` — schema.org `CollectionPage` of a list page and its items.
 */
export function registerReaderFilters(engine: Liquid, site: SiteConfig): void {
  const absolute = (url: string) => absoluteUrl(site.baseUrl, url.slice(site.basePath.length - 1));
  engine.registerFilter('excerpt', (value: unknown, max: unknown) => excerpt(String(value ?? ''), Number(max) || 200));
  engine.registerFilter('breadcrumb_json', (trail: Link[]) =>
    scriptJson({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: trail.map((link, index) => ({ '@type': 'ListItem', position: index + 1, name: link.name, item: absolute(link.url) })),
    }),
  );
  engine.registerFilter('collection_json', (list: { items?: Link[]; lead?: Link }, page: { title: string; canonical: string; description?: string }, context?: { logo?: { url: string; width: number; height: number } }) => {
    const items = [...(list.lead ? [list.lead] : []), ...(list.items ?? [])] as Array<Link & { title?: string }>;
    return scriptJson({
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: page.title,
      url: page.canonical,
      inLanguage: 'fa',
      ...(page.description && { description: page.description }),
      publisher: publisherOf(site, context),
      mainEntity: {
        '@type': 'ItemList',
        itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, url: absolute(item.url), name: item.title ?? item.name })),
      },
    });
  });
}
