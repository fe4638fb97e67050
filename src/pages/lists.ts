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
import type { ImageLibrary } from './images/index.ts';
import type { Output } from './output.ts';

/** A link to a neighbouring index (a month archive's previous and next month, its year). */
export interface IndexLink {
  label: string;
  url: string;
}

/** One paginated index: its articles (oldest first) and where its pages live. */
export interface ListSpec {
  articles: readonly Article[];
  pageSize: number;
  /** Site path of the front page (`page` undefined) or of chunk `page`. */
  pathOf: (page?: number) => string;
  heading: string;
  /** The heading of full pages, when it differs from the front page's. */
  pagesHeading?: string;
  description: string;
  type: string;
  /** Site path of the index's feed, if it has one. */
  feed?: string;
  /** Site path of the service the index belongs to, if any (the header marks it). */
  section?: string;
  /** The front page leads with its newest article, large, with its image and lead. */
  leadStory?: boolean;
  /** A month archive's neighbours: the months before and after it, and its year (site paths). */
  around?: { previous?: IndexLink; next?: IndexLink; year: IndexLink };
}

function pageTitle(heading: string, number: number | undefined, site: SiteConfig, type: string): string {
  const base = type === 'home' ? site.title : heading;
  return number === undefined ? base : `${base} — صفحهٔ ${toPersianDigits(String(number))}`;
}

/** The pages of one index, each canonical to itself. */
export function listOutputs(spec: ListSpec, model: SiteModel, site: SharedSite, images: ImageLibrary): Output[] {
  const url = (page?: number | 'front') => withBase(model.config.basePath, spec.pathOf(page === 'front' ? undefined : page));
  const link = (target?: IndexLink) => target && { label: target.label, url: withBase(model.config.basePath, target.url) };
  return paginate(spec.articles, spec.pageSize).map((page) => {
    const sitePath = spec.pathOf(page.number);
    // Only the front page names the index's size: a full page shows nothing that a newer
    // article changes, so it is never rendered again (design.md, stable pagination).
    const count = page.number === undefined ? spec.articles.length : undefined;
    const links = pageLinks(page.number, page.chunks);
    const lead = spec.leadStory && page.number === undefined ? page.items[0] : undefined;
    const rest = lead ? page.items.slice(1) : page.items;
    // Cards come from their articles' files and the settings: content hashes stand for them,
    // and the image keys for their thumbnails and the lead story's picture.
    const key = outputKey(
      site.key,
      'list',
      sitePath,
      spec.type,
      spec.heading,
      spec.pagesHeading,
      spec.description,
      spec.feed,
      spec.section,
      count,
      links.map((link) => (link.gap ? '…' : (link.number ?? 'front'))).join(','),
      page.newer,
      page.older,
      page.items.map((a) => a.hash).join(','),
      page.items.map((a) => (a.image ? images.keyOf(a) : '')).join('\u0003'),
      lead?.shenaseh,
      JSON.stringify(spec.around),
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
        heading: page.number === undefined ? spec.heading : (spec.pagesHeading ?? spec.heading),
        description: spec.description,
        number: page.number,
        count,
        lead: lead && { ...card(lead, model, images), picture: images.lead(lead) },
        items: rest.map((a) => card(a, model, images)),
        // A full page names the days it covers: its content, so they never change.
        span: page.number === undefined ? undefined : { from: page.items.at(-1)?.date, to: page.items[0]?.date },
        around: spec.around && { previous: link(spec.around.previous), next: link(spec.around.next), year: link(spec.around.year) },
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
      pagesHeading: 'خبرها',
      description: config.description,
      type: 'home',
      feed: '/feed.xml',
      leadStory: true,
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
      leadStory: true,
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
  // Newest month first, as model.years holds them.
  const months = model.years.flatMap((year) => year.months);
  const monthLink = (month: (typeof months)[number] | undefined): IndexLink | undefined =>
    month && { label: `${monthName(month.jm, config.months)} ${toPersianDigits(String(month.jy))}`, url: archivePath(month.jy, month.jm) };
  months.forEach((month, at) => {
    const name = monthLink(month)!.label;
    const around: NonNullable<ListSpec['around']> = { year: { label: `سال ${toPersianDigits(String(month.jy))}`, url: archivePath(month.jy) } };
    const previous = monthLink(months[at + 1]);
    const next = monthLink(months[at - 1]);
    if (previous) around.previous = previous;
    if (next) around.next = next;
    specs.push({
      articles: month.articles,
      pageSize: config.archivePageSize,
      pathOf: (page) => archivePath(month.jy, month.jm, page),
      heading: `بایگانی ${name}`,
      description: `همهٔ خبرهای ${name}`,
      type: 'archive-month',
      around,
    });
  });
  return specs;
}
