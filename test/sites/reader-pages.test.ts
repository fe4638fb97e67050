import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, siteYml, writeSite, type BuiltSite } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');

function jsonLd(html: string): Array<Record<string, any>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

function meta(html: string, property: string): string[] {
  return [...html.matchAll(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`, 'g'))].map((m) => m[1]!);
}

describe('the sample archive for readers, search engines and share previews', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-reader-'));
    site = await build(root, { out: path.join(scratch, 'dist'), cache: path.join(scratch, 'cache') });
  });

  it('gives every article an og:image with its size and text, a description, its section, tags and times', () => {
    const withImage = site.read('news/21016/index.html');
    expect(meta(withImage, 'og:image')).toEqual(['https://bayegan.example/news/21016/21016-map.png']);
    expect(meta(withImage, 'og:image:width')).toEqual(['640']);
    expect(meta(withImage, 'og:image:height')).toEqual(['360']);
    expect(meta(withImage, 'og:image:alt')[0]).toContain('کریدور ترانزیتی شرق');
    expect(meta(withImage, 'article:section')).toEqual(['بین‌الملل']);
    expect(meta(withImage, 'article:tag')).toEqual(['افغانستان', 'حمل‌ونقل', 'دیپلماسی']);
    expect(meta(withImage, 'article:modified_time')).toEqual(meta(withImage, 'article:published_time'));
    expect(meta(withImage, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(withImage, 'og:description')[0]).toMatch(/^نمایندگان ایران، افغانستان/);
    const without = site.read('news/22024/index.html');
    const [fallback] = meta(without, 'og:image');
    expect(fallback).toMatch(/^https:\/\/bayegan\.example\/assets\/share\.[0-9a-f]{10}\.png$/);
    expect(meta(without, 'og:image:width')).toEqual(['1200']);
    expect(meta(without, 'og:image:alt')).toEqual(['بایگان']);
  });

  it('draws the default share image and logo from the site title', async () => {
    const share = readdirSync(path.join(site.dist, 'assets')).find((f) => f.startsWith('share.') && f.endsWith('.png'))!;
    expect(await sharp(readFileSync(path.join(site.dist, 'assets', share))).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    const logo = jsonLd(site.read('news/22024/index.html'))[0]!.publisher.logo;
    expect(logo).toMatchObject({ '@type': 'ImageObject', width: 512, height: 512 });
    expect(site.exists(new URL(logo.url).pathname.slice(1))).toBe(true);
  });

  it('describes an article with NewsArticle and a BreadcrumbList home → service → article', () => {
    const [article, breadcrumb] = jsonLd(site.read('news/21016/index.html'));
    expect(article).toMatchObject({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'بایگان' } });
    expect(breadcrumb).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'بایگان', item: 'https://bayegan.example/' },
        { '@type': 'ListItem', position: 2, name: 'بین‌الملل', item: 'https://bayegan.example/service/international/' },
        { '@type': 'ListItem', position: 3, name: 'تفاهم‌نامهٔ سه‌جانبه برای مطالعهٔ کریدور ترانزیتی شرق امضا شد', item: 'https://bayegan.example/news/21016/' },
      ],
    });
  });

  it('describes lists as a CollectionPage of their articles', () => {
    const [collection] = jsonLd(site.read('service/international/index.html'));
    expect(collection).toMatchObject({ '@type': 'CollectionPage', url: 'https://bayegan.example/service/international/', inLanguage: 'fa' });
    expect(collection!.mainEntity.itemListElement.length).toBeGreaterThan(5);
    expect(collection!.mainEntity.itemListElement[0]).toMatchObject({ position: 1, url: expect.stringMatching(/^https:\/\/bayegan\.example\/news\/\d+\/$/) });
  });

  it('keeps 404.html out of search engines: noindex, no canonical, no og:url', () => {
    const page = site.read('404.html');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('rel="canonical"');
    expect(meta(page, 'og:url')).toEqual([]);
  });

  it('links a month to the months around it and its year, and an article’s date to its month', () => {
    const month = site.read('archive/1397/05/index.html');
    expect(month).toMatch(/<a class="newer" rel="next" href="\/archive\/\d+\/\d\d\/">[^<]+<\/a>/);
    expect(month).toMatch(/<a class="older" rel="prev" href="\/archive\/\d+\/\d\d\/">[^<]+<\/a>/);
    expect(month).toContain('<a class="year" href="/archive/1397/">سال ۱۳۹۷</a>');
    expect(site.read('news/22024/index.html')).toContain('<a class="date" href="/archive/1397/05/"><time datetime="2018-08-10">');
  });

  it('never lists the previous or next article among the related ones', () => {
    let pages = 0;
    for (const id of readdirSync(path.join(site.dist, 'news'))) {
      const page = site.read(`news/${id}/index.html`);
      const neighbours = [...page.matchAll(/<a class="(?:previous|next)" rel="(?:prev|next)" href="([^"]+)"/g)].map((m) => m[1]);
      const related = page.includes('class="related"') ? [...page.slice(page.indexOf('class="related"')).matchAll(/class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]) : [];
      expect(related.filter((url) => neighbours.includes(url)), id).toEqual([]);
      pages += 1;
    }
    expect(pages).toBeGreaterThan(60);
  });

  it('cuts summaries at a word boundary with «…», never with ASCII dots', () => {
    const home = site.read('index.html');
    const summaries = [...home.matchAll(/<p class="summary">([^<]*)<\/p>/g)].map((m) => m[1]!);
    expect(summaries.length).toBeGreaterThan(5);
    for (const summary of summaries) {
      expect(summary).not.toContain('...');
      if (summary.endsWith('…')) expect(summary).toMatch(/[^\s،]…$/);
    }
    expect(summaries.some((s) => s.endsWith('…'))).toBe(true);
  });
});

describe('a site that sets its own share image', () => {
  it('uses the file for og:image on pages without their own', async () => {
    const project = writeSite(`-- content/site.yml --
${siteYml('image: brand/share.png\n')}
-- content/news/1.md --
---
title: خبر
shenaseh: 1
date: 1400-01-01
service: سیاسی
---
متن.
`);
    mkdirSync(path.join(project, 'content/brand'));
    const png = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#004466' } }).png().toBuffer();
    writeFileSync(path.join(project, 'content/brand/share.png'), png);
    const built = await build(project);
    const page = built.read('news/1/index.html');
    const [url] = meta(page, 'og:image');
    expect(url).toMatch(/^https:\/\/test\.example\/assets\/share\.[0-9a-f]{10}\.png$/);
    expect(meta(page, 'og:image:width')).toEqual(['1000']);
    expect(Buffer.from(readFileSync(path.join(built.dist, new URL(url!).pathname))).equals(png)).toBe(true);
  });
});
