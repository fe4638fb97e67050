import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/build/index.ts';
import { toEpochMs } from '../../src/persian/index.ts';
import { build, liveManifest, siteYml, writeSite } from '../helpers/site.ts';

const articles = Array.from(
  { length: 6 },
  (_, i) => `-- content/news/${i + 1}.md --
---
title: خبر ${i + 1}
shenaseh: ${i + 1}
date: 1400-01-0${i + 1}
service: ${i % 2 ? 'سیاسی' : 'بین‌الملل'}
tags: [برچسب${i % 3}]
---
بند نخست خبر ${i + 1}.

بند دوم.
`,
).join('');

function site() {
  return writeSite(`-- content/site.yml --\n${siteYml()}\n${articles}`);
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const abs = path.join(root, file);
  writeFileSync(abs, change(readFileSync(abs, 'utf8')));
}

// A project with its own copy of the default templates, so a test can edit one.
function withTemplates(root: string): string {
  const from = path.resolve(import.meta.dirname, '../../templates');
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(from, path.join(entry.parentPath, entry.name));
    writeSite(`-- templates/${relative} --\n${readFileSync(path.join(from, relative), 'utf8')}`, root);
  }
  return root;
}

describe('the render cache', () => {
  it('re-renders exactly the article whose body or front matter changed', async () => {
    const root = site();
    expect((await build(root)).result.rendered).toBe(6);
    expect((await build(root)).result.rendered).toBe(0);
    edit(root, 'content/news/3.md', (t) => t.replace('بند دوم.', 'بند دوم، ویرایش‌شده.'));
    const body = await build(root);
    expect(body.result.rendered).toBe(1);
    expect(body.read('news/3/index.html')).toContain('بند دوم، ویرایش‌شده.');
    edit(root, 'content/news/4.md', (t) => t.replace('title: خبر 4', 'title: خبر چهارم'));
    const frontMatter = await build(root);
    expect(frontMatter.result.rendered).toBe(1);
    // The new title is on its page and on the pages that list it.
    expect(frontMatter.read('news/4/index.html')).toContain('خبر چهارم');
    expect(frontMatter.read('index.html')).toContain('خبر چهارم');
    expect(frontMatter.read('news/2/index.html')).toContain('خبر چهارم');
  });

  it('does not regenerate the sitemap for an edit that changes no URL and no date', async () => {
    const root = site();
    // The key the last build gave each output, from the record of the live site in .cache/.
    const keyOf = (file: string) => liveManifest(root).get(file)?.split('\t')[0];
    await build(root);
    const before = keyOf('sitemaps/1.xml');
    expect(before).toBeDefined();
    edit(root, 'content/news/3.md', (t) => t.replace('بند دوم.', 'بند دوم، ویرایش‌شده.'));
    await build(root);
    expect(keyOf('sitemaps/1.xml')).toBe(before);
    edit(root, 'content/news/3.md', (t) => t.replace('date: 1400-01-03', 'date: 1400-01-03\nupdated: 1400-02-01'));
    const updated = await build(root);
    expect(keyOf('sitemaps/1.xml')).not.toBe(before);
    // 1400-02-01 00:00 in Tehran (+04:30 in 2021), with the site's offset, not UTC.
    expect(updated.read('sitemaps/1.xml')).toContain('<lastmod>2021-04-21T00:00:00+04:30</lastmod>');
  });

  it('rewrites the front pages of the indexes a new article joins, not the full pages behind them', async () => {
    // 12 articles of one service and one tag, 2 per page: chunks 1–6 behind each front page.
    const many = Array.from({ length: 13 }, (_, i) => `-- content/news/${i + 1}.md --\n---\ntitle: خبر ${i + 1}\nshenaseh: ${i + 1}\ndate: 1400-01-${String(i + 1).padStart(2, '0')}\nservice: سیاسی\ntags: [انتخابات]\n---\nبند خبر ${i + 1}.\n`);
    const root = writeSite(`-- content/site.yml --\n${siteYml('pageSize: 2\n')}\n${many.slice(0, 12).join('')}`);
    await build(root);
    const full = ['page/1/index.html', 'page/3/index.html', 'service/politics/page/2/index.html', 'tag/انتخابات/page/1/index.html'];
    const before = full.map((file) => [readFileSync(path.join(root, 'dist', file), 'utf8'), statSync(path.join(root, 'dist', file)).mtimeMs]);
    writeSite(many[12]!, root);
    const added = await build(root);
    expect(full.map((file) => [readFileSync(path.join(root, 'dist', file), 'utf8'), statSync(path.join(root, 'dist', file)).mtimeMs])).toEqual(before);
    expect(added.read('index.html')).toContain('خبر ۱۳');
    // The new page, the front pages of its three indexes and of its month, the neighbour whose
    // "next" it is, the news page of the tag list, sitemaps and feeds: a handful, not every page.
    expect(added.result.written).toBeLessThan(25);
  });

  it('renders pages again from cached bodies when a template changes', async () => {
    const root = withTemplates(site());
    await build(root);
    edit(root, 'templates/partials/footer.liquid', (t) => t.replace('<footer class="site-footer">', '<footer class="site-footer" data-edited>'));
    const after = await build(root);
    expect(after.result.rendered).toBe(0);
    expect(after.read('news/1/index.html')).toContain('data-edited');
    expect(after.read('index.html')).toContain('data-edited');
    // Every page made from the templates shows the edit and was written again; files that do not
    // depend on templates (the search index, images, feeds) are rightly skipped.
    const pages = readdirSync(after.dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
      .filter((html) => html.includes('class="site-footer'));
    expect(pages.length).toBeGreaterThan(10);
    for (const html of pages) expect(html).toContain('data-edited');
    expect(after.result.written).toBeGreaterThanOrEqual(pages.length);
  });

  it('re-renders nothing for a setting that does not shape the HTML of bodies, everything for one that does', async () => {
    const root = site();
    await build(root);
    edit(root, 'content/site.yml', (t) => t.replace('title: آزمایش', 'title: آزمایش دوم'));
    const title = await build(root);
    expect(title.result.rendered).toBe(0);
    expect(title.read('news/1/index.html')).toContain('آزمایش دوم');
    edit(root, 'content/site.yml', (t) => t.replace('baseUrl: https://test.example/', 'baseUrl: https://test.example/archive/'));
    const base = await build(root);
    expect(base.result.rendered).toBe(6);
    expect(base.read('news/1/index.html')).toContain('href="/archive/news/3/"');
  });

  it('ignores a damaged cache with a warning and still builds the same site', async () => {
    const root = site();
    const clean = await build(root, { out: 'clean' });
    const expected = clean.read('news/2/index.html');
    const shards = readdirSync(path.join(root, '.cache/sources'))
      .filter((name) => name.endsWith('.meta.ndjson'))
      .map((name) => path.join(root, '.cache/sources', name));
    const index = shards.sort((a, b) => readFileSync(b, 'utf8').length - readFileSync(a, 'utf8').length)[0]!;
    const text = readFileSync(index, 'utf8');
    writeFileSync(index, text.slice(0, Math.floor(text.length / 2)));
    const truncated = await build(root, { out: 'clean' });
    expect(truncated.result.warnings.join('\n')).toMatch(/damaged entr(y|ies) in the cache/);
    expect(truncated.read('news/2/index.html')).toBe(expected);
    for (const file of shards) writeFileSync(file, 'garbage\n\u0000\u0001 not a cache');
    const garbage = await build(root, { out: 'clean' });
    expect(garbage.result.warnings.join('\n')).toMatch(/damaged/);
    expect(garbage.result.rendered).toBe(6);
    expect(garbage.read('news/2/index.html')).toBe(expected);
    // A damaged body: detected by its checksum, rendered again, page unchanged.
    const htmlRoot = path.join(root, '.cache/html');
    const bodies = readdirSync(htmlRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const body of bodies) writeFileSync(path.join(body.parentPath, body.name), 'x'.repeat(100));
    // Neither the site nor the copy of it the cache keeps: every page is rendered again, from the bodies.
    rmSync(path.join(root, 'clean'), { recursive: true });
    rmSync(path.join(root, '.cache/out'), { recursive: true });
    const bodiesGone = await build(root, { out: 'clean' });
    expect(bodiesGone.result.warnings.join('\n')).toMatch(/missing or damaged in the cache/);
    expect(bodiesGone.read('news/2/index.html')).toBe(expected);
  });
});

describe("the cache of each file's own check", () => {
  it('answers unchanged files from the cache, and checks every file again when the settings change', async () => {
    const root = site();
    await build(root);
    const warm = await checkProject({ root });
    expect(warm.checkedNow.size).toBe(0);
    expect(warm.diagnostics).toEqual([]);
    // The settings lose a service: files not parsed again must still be checked against them.
    edit(root, 'content/site.yml', (t) => t.replace('  - slug: politics\n    name: سیاسی\n', ''));
    const changed = await checkProject({ root });
    expect(changed.parsed).toBe(0);
    expect(changed.checkedNow.size).toBe(6);
    expect(changed.diagnostics.filter((d) => d.ruleId === 'unknown-service').map((d) => d.file)).toEqual([
      'content/news/2.md',
      'content/news/4.md',
      'content/news/6.md',
    ]);
  });

  it('reports a date in the future on every run, cached or not, by the day of the run', async () => {
    const root = site();
    const day = (jd: number) => toEpochMs({ jy: 1400, jm: 1, jd, hour: 12, minute: 0 }, 'Asia/Tehran');
    expect((await checkProject({ root, now: day(10) })).diagnostics).toEqual([]);
    const early = await checkProject({ root, now: day(4) });
    expect(early.checkedNow.size).toBe(0);
    expect(early.diagnostics.filter((d) => d.ruleId === 'date-future').map((d) => d.file)).toEqual(['content/news/5.md', 'content/news/6.md']);
  });

  it('parses a file again when its parse payload is lost from the cache', async () => {
    const root = site();
    const clean = await build(root, { out: 'clean' });
    const body = (html: string) => html.slice(html.indexOf('<div class="article-body">'), html.indexOf('<footer class="article-foot">'));
    const expected = body(clean.read('news/3/index.html'));
    for (const name of readdirSync(path.join(root, '.cache/sources'))) {
      if (name.endsWith('.parse.ndjson')) rmSync(path.join(root, '.cache/sources', name));
    }
    edit(root, 'content/site.yml', (t) => t.replace('title: آزمایش', 'title: آزمایش دوم'));
    const rebuilt = await build(root, { out: 'clean' });
    expect(rebuilt.result.rendered).toBe(6);
    expect(body(rebuilt.read('news/3/index.html'))).toBe(expected);
    expect(rebuilt.read('news/3/index.html')).toContain('آزمایش دوم');
  });
});
