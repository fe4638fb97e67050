import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.ts';
import { packageRoot } from '../../src/config/index.ts';
import { bundleSearchScript } from '../../src/outputs/search-assets.ts';
import { normalizeSearch } from '../../src/persian/index.ts';
import { build, buildSite, liveManifest, siteYml, writeSite } from '../helpers/site.ts';
import { ISSUE_PAIRS } from '../helpers/search-pairs.ts';

function article(shenaseh: number, date: string, body: string): string {
  return `-- content/news/${shenaseh}.md --\n---\ntitle: خبر ${shenaseh}\nshenaseh: ${shenaseh}\ndate: ${date}\nservice: سیاسی\n---\n${body}\n`;
}

const SITE = `-- content/site.yml --\n${siteYml()}${article(1, '1393-09-06', 'گزارش **خشونت ها** و كتاب.')}${article(2, '1394-01-01', 'متن دیگر.')}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** A Pagefind fragment: the record of one page as the index holds it. */
function fragment(file: string): { url: string; content: string; meta: object; filters: object } {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').replace(/^pagefind_dcd/, '')) as ReturnType<typeof fragment>;
}

const idOf = (file: string) => path.basename(file, '.pf_fragment');

/** What a reader can find: every page of every shard that `recent.json` does not supersede, and the recent index's, by URL. */
function searchable(dist: string): Record<string, Array<{ content: string; meta: object; filters: object }>> {
  const index = path.join(dist, 'pagefind');
  const recent = JSON.parse(readFileSync(path.join(index, 'recent.json'), 'utf8')) as { index: string | null; superseded: string[] };
  const found: ReturnType<typeof searchable> = {};
  for (const file of filesUnder(index).filter((f) => f.includes('/fragment/'))) {
    if (!file.startsWith('recent/') && recent.superseded.includes(idOf(file))) continue;
    if (file.startsWith('recent/') && !recent.index) continue;
    const { url, content, meta, filters } = fragment(path.join(index, file));
    (found[url] ??= []).push({ content, meta, filters });
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function stopPagefind(): Promise<void> {
  const pagefind = await import('pagefind');
  await pagefind.close();
}

describe('the search outputs', () => {
  // These archives are small: their shards are patched only because this says so.
  beforeEach(() => {
    process.env.BAYEGAN_SEARCH_PATCH_MIN = '0';
  });
  afterEach(() => {
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    delete process.env.PAGEFIND_BINARY_PATH;
    delete process.env.BAYEGAN_SEARCH_PATCH_MIN;
  });

  it('publish /search/, its script and a Pagefind index of the normalised text, through the writer', async () => {
    const site = await buildSite(SITE);
    const page = site.read('search/index.html');
    expect(page).toContain('data-indexes="/pagefind/139309/"');
    expect(page).toMatch(/<script type="module" src="\/assets\/search\.[0-9a-f]{10}\.js"><\/script>/);
    expect(page).toContain('<option value="1394">۱۳۹۴</option>');
    const index = filesUnder(path.join(site.dist, 'pagefind'));
    expect(index).toContain('139309/pagefind.js');
    expect(index).toContain('139309/pagefind-entry.json');
    const fragments = index.filter((f) => f.includes('/fragment/'));
    expect(fragments).toHaveLength(2);
    // The indexed text: the suffix joined with a ZWNJ, Persian kaf; shown as the site shows it.
    const texts = fragments.map((f) => gunzipSync(readFileSync(path.join(site.dist, 'pagefind', f))).toString('utf8'));
    expect(texts.some((t) => t.includes('گزارش خشونت‌ها و کتاب.'))).toBe(true);
    // Pagefind's own UI is not published; nothing but the index and its runtime.
    expect(index.filter((f) => /ui|highlight|playground/.test(f))).toEqual([]);
    const manifest = liveManifest(site.root);
    for (const file of index) expect(manifest.has(`pagefind/${file}`), file).toBe(true);
  });

  it('puts every URL of the search page under the base path', async () => {
    const site = await buildSite(SITE.replace('https://test.example/', 'https://example.org/archive/'));
    const page = site.read('search/index.html');
    expect(page).toContain('data-base="/archive/"');
    expect(page).toContain('data-indexes="/archive/pagefind/139309/"');
    expect(page).toMatch(/src="\/archive\/assets\/search\.[0-9a-f]{10}\.js"/);
    expect(site.read('news/1/index.html')).toContain('action="/archive/search/"');
    expect(site.read('404.html')).toContain('action="/archive/search/"');
  });

  it('does not start Pagefind when no article changed, and indexes again after an edit', async () => {
    const root = writeSite(SITE);
    const first = await build(root);
    const index = path.join(first.dist, 'pagefind');
    const before = new Map(filesUnder(index).map((f) => [f, statSync(path.join(index, f)).mtimeMs]));
    await stopPagefind();
    // A Pagefind that cannot start: a build that needed it would fail.
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = process.env.PAGEFIND_BINARY_PATH = '/nonexistent/pagefind';
    const second = await build(root);
    expect(second.result.written).toBe(0);
    expect(new Map(filesUnder(index).map((f) => [f, statSync(path.join(index, f)).mtimeMs]))).toEqual(before);
    writeFileSync(path.join(root, 'content/news/2.md'), readFileSync(path.join(root, 'content/news/2.md'), 'utf8').replace('متن دیگر', 'متن تازه'));
    await expect(build(root)).rejects.toThrow(/Pagefind could not start .*npm ci/);
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    delete process.env.PAGEFIND_BINARY_PATH;
    await stopPagefind();
    await build(root);
    // The shard stays as it was; the edited record is indexed apart and supersedes its old page.
    const after = filesUnder(index);
    for (const f of before.keys()) if (f.startsWith('139309/')) expect(statSync(path.join(index, f)).mtimeMs, f).toBe(before.get(f));
    const recent = after.filter((f) => f.startsWith('recent/fragment/'));
    expect(recent).toHaveLength(1);
    expect(fragment(path.join(index, recent[0]!))).toMatchObject({ url: '/news/2/', content: expect.stringContaining('متن تازه') });
    const old = [...before.keys()].find((f) => f.includes('/fragment/') && fragment(path.join(index, f)).url === '/news/2/')!;
    expect(JSON.parse(readFileSync(path.join(index, 'recent.json'), 'utf8'))).toEqual({ index: '/pagefind/recent/', superseded: [idOf(old)] });
  });

  it('publishes an unchanged index again, as it was made, when the output folder lost it (.cache/ restored without dist/)', async () => {
    const root = writeSite(SITE);
    const first = await build(root);
    const index = path.join(first.dist, 'pagefind');
    const files = new Map(filesUnder(index).map((f) => [f, readFileSync(path.join(index, f), 'base64')]));
    const memo = readFileSync(path.join(root, '.cache/search-index.tsv'), 'utf8');
    rmSync(first.dist, { recursive: true });
    // Its entry missing, the shard is indexed again beside the pages (how much sooner is the benchmark's to say).
    await build(root);
    expect(new Map(filesUnder(index).map((f) => [f, readFileSync(path.join(index, f), 'base64')]))).toEqual(files);
    expect(readFileSync(path.join(root, '.cache/search-index.tsv'), 'utf8')).toBe(memo);
  });

  it('indexes a shard of fewer than 128 articles again rather than patching it', async () => {
    delete process.env.BAYEGAN_SEARCH_PATCH_MIN;
    const root = writeSite(SITE);
    const file = path.join(root, 'content/news/2.md');
    await build(root);
    writeFileSync(file, readFileSync(file, 'utf8').replace('متن دیگر', 'متن تازه'));
    const edited = await build(root);
    expect(edited.exists('pagefind/recent/pagefind-entry.json')).toBe(false);
    expect(JSON.parse(edited.read('pagefind/recent.json'))).toEqual({ index: null, superseded: [] });
    expect(searchable(edited.dist)['/news/2/']).toEqual([expect.objectContaining({ content: expect.stringContaining('متن تازه') })]);
  });

  it('indexes a patched shard again when its files in the output folder are not as they were made', async () => {
    const root = writeSite(SITE);
    const file = path.join(root, 'content/news/2.md');
    await build(root);
    writeFileSync(file, readFileSync(file, 'utf8').replace('متن دیگر', 'متن تازه'));
    const patched = await build(root);
    expect(patched.exists('pagefind/recent/pagefind-entry.json')).toBe(true);
    // Changed in place (a removed file would come back from the standby tree, which holds the site before).
    writeFileSync(path.join(patched.dist, 'pagefind/139309/pagefind-entry.json'), '{}');
    writeFileSync(file, readFileSync(file, 'utf8').replace('متن تازه', 'متن سوم'));
    const again = await build(root);
    expect(JSON.parse(again.read('pagefind/139309/pagefind-entry.json'))).toHaveProperty('version');
    expect(again.exists('pagefind/recent/pagefind-entry.json')).toBe(false);
    expect(JSON.parse(again.read('pagefind/recent.json'))).toEqual({ index: null, superseded: [] });
    expect(searchable(again.dist)['/news/2/']).toEqual([expect.objectContaining({ content: expect.stringContaining('متن سوم') })]);
  });

  it('gives, after edits, additions, re-dating and deletions, the results a build from nothing gives', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-search-patch-'));
    generateCorpus(root, 60, 5);
    await build(root);
    const files = readdirSync(path.join(root, 'content/news'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    const change = (file: string, edit: (text: string) => string) => writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const steps: Array<() => void> = [
      () => change(files[3]!, (t) => `${t}\nبند تازه‌ای دربارهٔ زرافه‌ها.\n`),
      () => change(files[3]!, (t) => t.replace('زرافه‌ها', 'پلنگ‌ها')),
      () => change(files[10]!, (t) => t.replace(/^title: .*$/m, 'title: عنوان دیگر')),
      () => rmSync(files[20]!),
      () => change(files[30]!, (t) => t.replace(/^date: (\d+)-(\d+)-(\d+)$/m, (_, y: string) => `date: ${y}-12-20`)),
      () => writeFileSync(path.join(path.dirname(files[0]!), '999999.md'), readFileSync(files[0]!, 'utf8').replace(/^shenaseh: \d+$/m, 'shenaseh: 999999')),
      // The first edit taken back: that record is its shard's again, superseding nothing.
      () => change(files[3]!, (t) => t.replace('\nبند تازه‌ای دربارهٔ پلنگ‌ها.\n', '')),
    ];
    for (const [n, step] of steps.entries()) {
      step();
      const patched = await build(root);
      const cold = await build(root, { out: 'cold', cache: '.cache-cold' });
      expect(searchable(patched.dist), `step ${n + 1}`).toEqual(searchable(cold.dist));
      // Patched, not indexed again: the shard's pages are superseded by the recent index.
      expect(JSON.parse(readFileSync(path.join(patched.dist, 'pagefind/recent.json'), 'utf8')), `step ${n + 1}`).toMatchObject({ index: '/pagefind/recent/', superseded: expect.arrayContaining([expect.any(String)]) });
      rmSync(cold.dist, { recursive: true });
      rmSync(path.join(root, '.cache-cold'), { recursive: true });
    }
  });

  it('indexes a large shard on a thread of its own, and indexes an unchanged shard again when a file of it is missing from dist/', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-search-thread-'));
    // One shard of 100 articles: enough for its own thread.
    generateCorpus(root, 100, 3);
    const first = await build(root, { threads: 2 });
    const index = path.join(first.dist, 'pagefind');
    const files = filesUnder(index);
    expect(files.filter((f) => f.includes('/fragment/'))).toHaveLength(100);
    const lost = files.find((f) => f.includes('/fragment/'))!;
    const bytes = readFileSync(path.join(index, lost));
    rmSync(path.join(index, lost));
    const second = await build(root, { threads: 2 });
    expect(second.result.written).toBe(1);
    expect(readFileSync(path.join(index, lost)).equals(bytes)).toBe(true);
    expect(filesUnder(index)).toEqual(files);
  });

  it('is the same, byte for byte, for the same archive', async () => {
    const a = await buildSite(SITE);
    const b = await buildSite(SITE);
    const files = filesUnder(path.join(a.dist, 'pagefind'));
    expect(filesUnder(path.join(b.dist, 'pagefind'))).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b.dist, 'pagefind', f)).equals(readFileSync(path.join(a.dist, 'pagefind', f)))).toBe(true);
  });

  it('indexes again when .cache/search-index.tsv is damaged, and trusts no name it holds', async () => {
    const root = writeSite(SITE);
    await build(root);
    const memo = path.join(root, '.cache/search-index.tsv');
    writeFileSync(memo, readFileSync(memo, 'utf8').replace(/fragment\//, '../../../x/'));
    const again = await build(root);
    expect(again.exists('pagefind/139309/pagefind-entry.json')).toBe(true);
    expect(readFileSync(memo, 'utf8')).not.toContain('..');
  });

  it('leaves search out for a theme of its own without a search page', async () => {
    const root = writeSite(SITE);
    cpSync(path.join(packageRoot, 'templates'), path.join(root, 'templates'), { recursive: true });
    rmSync(path.join(root, 'templates/search.liquid'));
    const site = await build(root);
    expect(site.exists('search/index.html')).toBe(false);
    expect(site.exists('pagefind')).toBe(false);
  });

  it('reports an alias on /search/ or under /pagefind/', async () => {
    const text = SITE.replace('service: سیاسی\n---\nگزارش', 'service: سیاسی\naliases: [/search/, /pagefind/x.html]\n---\nگزارش');
    await expect(buildSite(text)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ ruleId: 'alias-collision' }), expect.objectContaining({ ruleId: 'alias-collision' })],
    });
  });
});

describe('the bundled search script', () => {
  it('folds every pair of the issue as the build does', async () => {
    const bytes = bundleSearchScript(path.join(packageRoot, 'templates'));
    const bundle = (await import(`data:text/javascript;base64,${Buffer.from(bytes).toString('base64')}`)) as { normalizeSearch(s: string): string };
    for (const [a, b] of ISSUE_PAIRS) {
      expect(bundle.normalizeSearch(a)).toBe(bundle.normalizeSearch(b));
      expect(bundle.normalizeSearch(a)).toBe(normalizeSearch(a));
    }
  });
});

