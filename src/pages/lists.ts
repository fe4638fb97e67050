import {
  archivePath,
  homePath,
  servicePath,
  tagPath,
  withBase,
  type SiteConfig,
} from '../config/index.ts';
import { monthName, toPersianDigits } from '../persian/index.ts';
import { pageLinks, paginate, type SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { card, outputKey, pageMeta, type SharedSite } from './context.ts';
import type { Output } from './output.ts';

/** One paginated index: its articles (oldest first) and where its pages live. */
export interface ListSpec {
  articles: readonly Article[];
  pageSize: number;
  /** Site path of the front page (`page` undefined) or of chunk `page`. */
  pathOf: (page?: number) => string;
  heading: string;
  description: string;
  type: string;
  /** Site path of the index's feed, if it has one. */
  feed?: string;
  /** Site path of the service the index belongs to, if any (the header marks it). */
  section?: string;
}

function pageTitle(heading: string, number: number | undefined, site: SiteConfig, type: string): string {
  const base = type === 'home' ? site.title : heading;
  return number === undefined ? base : `${base} — صفحهٔ ${toPersianDigits(String(number))}`;
}

/** The pages of one index, each canonical to itself. */
export function listOutputs(spec: ListSpec, model: SiteModel, site: SharedSite): Output[] {
  const url = (page?: number | 'front') => withBase(model.config.basePath, spec.pathOf(page === 'front' ? undefined : page));
  return paginate(spec.articles, spec.pageSize).map((page) => {
    const sitePath = spec.pathOf(page.number);
    // Only the front page names the index's size: a full page shows nothing that a newer
    // article changes, so it is never rendered again (design.md, stable pagination).
    const count = page.number === undefined ? spec.articles.length : undefined;
    const links = pageLinks(page.number, page.chunks);
    // Cards come from their articles' files and the settings: content hashes stand for them.
    const key = outputKey(
      site.key,
      'list',
      sitePath,
      spec.type,
      spec.heading,
      spec.description,
      spec.feed,
      spec.section,
      count,
      links.map((link) => (link.gap ? '…' : (link.number ?? 'front'))).join(','),
      page.newer,
      page.older,
      page.items.map((a) => a.hash).join(','),
    );
    const context = () => ({
      site: site.context,
      page: pageMeta(
        model.config,
        sitePath,
        pageTitle(spec.heading, page.number, model.config, spec.type),
        spec.description,
        spec.type,
        spec.section && withBase(model.config.basePath, spec.section),
      ),
      list: {
        heading: spec.heading,
        description: spec.description,
        number: page.number,
        count,
        items: page.items.map((a) => card(a, model)),
        newer: page.newer === undefined ? undefined : url(page.newer),
        older: page.older === undefined ? undefined : url(page.older),
        links: links.map((link) => ({
          label: link.gap ? '…' : link.number === undefined ? 'تازه‌ترین' : toPersianDigits(String(link.number)),
          url: link.gap ? undefined : url(link.number),
          current: link.current,
          gap: link.gap ?? false,
        })),
        feed: spec.feed && withBase(model.config.basePath, spec.feed),
      },
    });
    return { path: sitePath, key, template: 'list', context };
  });
}

/** Every paginated index: home, each service, each tag, each Jalali month. */
export function indexSpecs(model: SiteModel): ListSpec[] {
  const { config } = model;
  const specs: ListSpec[] = [
    {
      articles: model.articles,
      pageSize: config.pageSize,
      pathOf: homePath,
      heading: 'تازه‌ترین خبرها',
      description: config.description,
      type: 'home',
      feed: '/feed.xml',
    },
  ];
  for (const { service, articles } of model.services) {
    specs.push({
      articles,
      pageSize: config.pageSize,
      pathOf: (page) => servicePath(service.slug, page),
      heading: service.name,
      description: service.description || `خبرهای سرویس ${service.name}`,
      type: 'service',
      feed: `${servicePath(service.slug)}feed.xml`,
      section: servicePath(service.slug),
    });
  }
  for (const { tag, articles } of model.tags) {
    specs.push({
      articles,
      pageSize: config.pageSize,
      pathOf: (page) => tagPath(tag.slug, page),
      heading: tag.name,
      description: `خبرهای برچسب «${tag.name}»`,
      type: 'tag',
    });
  }
  for (const year of model.years) {
    for (const month of year.months) {
      const name = `${monthName(month.jm, config.months)} ${toPersianDigits(String(month.jy))}`;
      specs.push({
        articles: month.articles,
        pageSize: config.archivePageSize,
        pathOf: (page) => archivePath(month.jy, month.jm, page),
        heading: `بایگانی ${name}`,
        description: `همهٔ خبرهای ${name}`,
        type: 'archive-month',
      });
    }
  }
  return specs;
}
