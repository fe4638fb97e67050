import { archivePath, tagPath, tagsPath, withBase } from '../config/index.ts';
import { monthName, toPersianDigits } from '../persian/index.ts';
import type { SiteModel, YearIndex } from '../site/index.ts';
import { pageKey, pageMeta, type SharedSite } from './context.ts';
import type { Output } from './output.ts';

// The few catalogue pages build their context at once and key it by its whole content.
function page(site: SharedSite, template: string, sitePath: string, context: Record<string, unknown>): Output {
  return { path: sitePath, key: pageKey(site.key, context, template), template, context: () => context };
}

/** `/tags/`: every tag in Persian alphabetical order, with its number of articles. */
export function tagsOutput(model: SiteModel, site: SharedSite): Output {
  const context = {
    site: site.context,
    page: pageMeta(model.config, tagsPath, 'همهٔ برچسب‌ها', `فهرست برچسب‌های ${model.config.title}`, 'tags'),
    tags: model.tags.map(({ tag, articles }) => ({
      name: tag.name,
      url: withBase(model.config.basePath, tagPath(tag.slug)),
      count: articles.length,
    })),
  };
  return page(site, 'tags', tagsPath, context);
}

function yearContext(year: YearIndex, model: SiteModel) {
  const { basePath, months } = model.config;
  return {
    jy: year.jy,
    label: toPersianDigits(String(year.jy)),
    url: withBase(basePath, archivePath(year.jy)),
    count: year.count,
    // Oldest month first inside a year, as a calendar reads.
    months: [...year.months].reverse().map((m) => ({
      jm: m.jm,
      name: monthName(m.jm, months),
      url: withBase(basePath, archivePath(m.jy, m.jm)),
      count: m.articles.length,
    })),
  };
}

/** `/archive/` (every year and month) and `/archive/<jy>/` (the months of one year). */
export function archiveOutputs(model: SiteModel, site: SharedSite): Output[] {
  const years = model.years.map((y) => yearContext(y, model));
  const outputs = [
    page(site, 'archive', archivePath(), {
      site: site.context,
      page: pageMeta(model.config, archivePath(), 'بایگانی', `بایگانی ماه‌به‌ماه ${model.config.title}`, 'archive'),
      heading: 'بایگانی',
      years,
    }),
  ];
  for (const year of years) {
    const title = `بایگانی سال ${year.label}`;
    outputs.push(
      page(site, 'archive', archivePath(year.jy), {
        site: site.context,
        page: pageMeta(model.config, archivePath(year.jy), title, `خبرهای سال ${year.label}، ماه‌به‌ماه`, 'archive-year'),
        heading: title,
        years: [year],
      }),
    );
  }
  return outputs;
}

/** `/404.html`, which most static hosts show for a missing page. */
export function notFoundOutput(model: SiteModel, site: SharedSite): Output {
  const context = { site: site.context, page: pageMeta(model.config, '/404.html', 'صفحه پیدا نشد', '', 'not-found') };
  return page(site, '404', '/404.html', context);
}
