import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks } from '../helpers/links.ts';
import { build, type BuiltSite } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');

function articleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the bundled sample archive', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-sample-'));
    site = await build(root, { out: path.join(scratch, 'dist'), cache: path.join(scratch, 'cache') });
  });

  it('builds with only its deliberate tag spelling variants as warnings, and gives every published article its page', () => {
    const warnings = site.result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    expect(warnings).toEqual([
      'content/news/1396/02/22015.md:6:8 tag-spelling',
      'content/news/1398/07/21021.md:6:8 tag-spelling',
      'content/news/1403/11/22068.md:6:19 tag-spelling',
    ]);
    const files = articleFiles(path.join(root, 'content'));
    expect(files.length).toBeGreaterThanOrEqual(60);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const id = /^shenaseh: (\d+)$/m.exec(text)![1];
      expect(site.exists(`news/${id}/index.html`), file).toBe(!/^draft: true$/m.test(text));
    }
  });

  it('has no broken internal link or image', () => {
    expect(brokenLinks(site.dist, 'https://bayegan.example/')).toEqual([]);
  });

  it('shows 1393-09-06 as ۶ آذر ۱۳۹۳ with its ISO date', () => {
    expect(site.read('news/21007/index.html')).toContain('<time datetime="2014-11-27">۶ آذر ۱۳۹۳</time>');
  });

  it('puts the three spellings of بین‌الملل on one service page', () => {
    const page = site.read('service/international/index.html');
    // 21013 and 21028 write `بین الملل`, 21020 writes `بين‌الملل` (Arabic yeh).
    const all = [page, ...[1, 2, 3].filter((n) => site.exists(`service/international/page/${n}/index.html`)).map((n) => site.read(`service/international/page/${n}/index.html`))].join('');
    for (const id of [21007, 21013, 21020, 21028]) expect(all).toContain(`/news/${id}/`);
  });

  it('writes redirects for aliases and copies lead images beside their article', () => {
    expect(site.read('old/news/21010.html')).toContain('url=/news/21010/');
    expect(site.read('_redirects')).toContain('/old/news/21010.html /news/21010/ 301');
    expect(site.exists('news/21016/21016-map.png')).toBe(true);
    expect(site.read('news/21016/index.html')).toMatch(/<img src="\/news\/21016\/21016-map.png" width="640" height="360"/);
  });

  it('lists every tag in Persian alphabetical order with counts', () => {
    const page = site.read('tags/index.html');
    const names = [...page.matchAll(/<li><a href="[^"]+">([^<]+)<\/a> <span class="count">/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(20);
    expect(names).toEqual([...names].sort(new Intl.Collator('fa').compare));
    expect(names).toContain('انرژی');
    expect(names).not.toContain('انرژي');
  });
});
