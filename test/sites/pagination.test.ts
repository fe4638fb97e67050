import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, buildSite, siteYml, type BuiltSite } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The article links of a list page, in order (the lead story, then the cards). */
function articlesOn(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/<h2 class="(?:lead-story|card)-title"><a href="([^"]+)"/g)].map((m) => m[1]!);
}

function olderOf(html: string): string | undefined {
  return /<a class="older" rel="next" href="([^"]+)"/.exec(html)?.[1];
}

function fileOf(url: string): string {
  return `${decodeURIComponent(url).replace(/^\//, '')}index.html`;
}

/** Every list front page of a built site: home, services, tags, months. */
function frontPages(site: BuiltSite): string[] {
  const fronts = ['/'];
  for (const kind of ['service', 'tag']) {
    for (const name of readdirSync(path.join(site.dist, kind))) fronts.push(`/${kind}/${encodeURIComponent(name)}/`);
  }
  for (const year of readdirSync(path.join(site.dist, 'archive')).filter((y) => /^\d+$/.test(y))) {
    for (const month of readdirSync(path.join(site.dist, 'archive', year)).filter((m) => /^\d+$/.test(m))) fronts.push(`/archive/${year}/${month}/`);
  }
  return fronts;
}

/** Page back from a front page through every "older" link, as a reader would. */
function pageBack(site: BuiltSite, front: string): string[][] {
  const pages: string[][] = [];
  for (let url: string | undefined = front; url; ) {
    const html = site.read(fileOf(url));
    pages.push(articlesOn(html));
    url = olderOf(html);
    if (pages.length > 1000) throw new Error(`${front}: "older" links go round in a circle`);
  }
  return pages;
}

describe('paging back through every list of the sample archive', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-paging-'));
    site = await build(root, { out: path.join(scratch, 'dist'), cache: path.join(scratch, 'cache') });
  });

  it('shows every article of a list exactly once, and every full page holds a full chunk', () => {
    const fronts = frontPages(site);
    expect(fronts.length).toBeGreaterThan(40);
    let paged = 0;
    for (const front of fronts) {
      const pages = pageBack(site, front);
      const seen = pages.flat();
      expect(new Set(seen).size, front).toBe(seen.length);
      const count = /<p class="count">([۰-۹]+) خبر/.exec(site.read(fileOf(front)))?.[1];
      if (count) expect(seen.length, front).toBe(Number(count.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))));
      for (const page of pages.slice(1)) expect(page.length, front).toBe(front.startsWith('/archive/') ? 100 : 10);
      if (pages.length > 1) paged += 1;
    }
    // The sample's home page has older pages.
    expect(paged).toBeGreaterThanOrEqual(1);
  });
});

describe('stable full pages', () => {
  it('keeps every full page byte for byte when newer articles arrive, and never repeats on the first older page', async () => {
    const article = (n: number) => `-- content/news/${n}.md --
---
title: خبر ${n}
shenaseh: ${n}
date: 1400-01-${String(1 + Math.floor(n / 2)).padStart(2, '0')} ${n % 2 === 0 ? '08' : '20'}:00
service: سیاسی
---
متن ${n}
`;
    const files = (count: number) => `-- content/site.yml --\n${siteYml('pageSize: 3\n')}\n${Array.from({ length: count }, (_, i) => article(i + 1)).join('')}`;
    const before = await buildSite(files(30));
    const after = await buildSite(files(37));
    // Pages far enough from the newest do not change at all: not even their links.
    for (const n of [1, 2, 3, 4, 5]) expect(after.read(`service/politics/page/${n}/index.html`)).toBe(before.read(`service/politics/page/${n}/index.html`));
    const front = articlesOn(after.read('service/politics/index.html'));
    expect(front.length).toBe(4);
    const older = olderOf(after.read('service/politics/index.html'))!;
    expect(older).toBe('/service/politics/page/11/');
    expect(articlesOn(after.read(fileOf(older))).filter((a) => front.includes(a))).toEqual([]);
  });
});
