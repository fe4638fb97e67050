import { createHash, hash } from 'node:crypto';
import { absoluteUrl, articlePath, servicePath, tagPath, withBase, type SiteConfig } from '../config/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import type { ThemeAssets } from './assets.ts';
import type { ImageLibrary, Picture } from './images/index.ts';

/** What every template sees as `site`. */
export interface SiteContext {
  title: string;
  description: string;
  url: string;
  home: string;
  months: string;
  css: string;
  font: string;
  feed: string;
  atom: string;
  tags: string;
  archive: string;
  services: Array<{ name: string; url: string }>;
  /** URL of the article pages' script, or empty. */
  script: string;
  /** The default `og:image` and the publisher's logo (absolute URLs, with their size). */
  image: ThemeAssets['brand']['share'];
  logo: ThemeAssets['brand']['logo'];
}

/** Build the `site` object of every template. */
export function siteContext(config: SiteConfig, assets: ThemeAssets): SiteContext {
  const url = (sitePath: string) => withBase(config.basePath, sitePath);
  return {
    title: config.title,
    description: config.description,
    url: config.baseUrl,
    home: url('/'),
    months: config.months,
    css: assets.css,
    font: assets.font,
    feed: url('/feed.xml'),
    atom: url('/atom.xml'),
    tags: url('/tags/'),
    archive: url('/archive/'),
    services: config.services.map((s) => ({ name: s.name, url: url(servicePath(s.slug)) })),
    script: assets.script,
    image: assets.brand.share,
    logo: assets.brand.logo,
  };
}

/** An article as lists show it. */
export interface Card {
  shenaseh: number;
  title: string;
  url: string;
  date: Article['date'];
  summary: string;
  service: { name: string; url: string };
  /** Thumbnail of the lead image, when the card shows one. */
  image?: Picture;
}

/** The list entry of an article; with `images`, its thumbnail. */
export function card(article: Article, model: SiteModel, images?: ImageLibrary): Card {
  const { basePath } = model.config;
  const service = model.serviceOf(article.service);
  return {
    shenaseh: article.shenaseh,
    title: article.title,
    url: withBase(basePath, articlePath(article.shenaseh)),
    date: article.date,
    summary: article.summary,
    service: { name: service.name, url: withBase(basePath, servicePath(service.slug)) },
    ...(images && article.image && { image: images.thumb(article) }),
  };
}

/** The tag links of an article. */
export function tagLinks(article: Article, model: SiteModel): Array<{ name: string; url: string }> {
  return article.tags.map((t) => {
    const tag = model.tagOf(t.key);
    return { name: tag.name, url: withBase(model.config.basePath, tagPath(tag.slug)) };
  });
}

/** What `page` holds in every template: its title, URL and canonical URL. */
export interface PageMeta {
  title: string;
  description: string;
  url: string;
  canonical: string;
  type: string;
  /** URL of the service page this page belongs to (a service's lists, its articles), or empty. */
  section: string;
}

/** The `page` object of a site path. */
export function pageMeta(
  config: SiteConfig,
  sitePath: string,
  title: string,
  description: string,
  type: string,
  section = '',
): PageMeta {
  return {
    title,
    description,
    url: withBase(config.basePath, sitePath),
    canonical: absoluteUrl(config.baseUrl, sitePath),
    type,
    section,
  };
}

/** The output key of a page: its template set, settings and everything in its context. */
export function pageKey(templatesHash: string, context: unknown, extra = ''): string {
  return createHash('sha256').update(templatesHash).update('\u0000').update(JSON.stringify(context)).update(extra).digest('hex');
}

/**
 * An output key from the identities of its inputs rather than their values: cheap enough for
 * every page of a million-article build. Callers must name every input of the page.
 */
export function outputKey(...parts: Array<string | number | undefined>): string {
  return hash('sha1', parts.join('\u0000'), 'hex');
}

/** The `site` object of every page, and the key part that stands for it and the theme. */
export interface SharedSite {
  context: SiteContext;
  /** Theme files, site settings and asset URLs, as one key part. */
  key: string;
}

/** Build the shared site part of every page. */
export function sharedSite(theme: { hash: string }, config: SiteConfig, assets: ThemeAssets): SharedSite {
  const context = siteContext(config, assets);
  return { context, key: outputKey(theme.hash, config.hash, JSON.stringify(context)) };
}
