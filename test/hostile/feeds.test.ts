import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { run } from '../helpers/cli.ts';
import { makeSandbox } from '../helpers/sandbox.ts';
import { allElements, findAll, parseXml, type XmlElement } from '../helpers/xml.ts';

/**
 * The feed test, on `hostile-text/`: a site whose titles, tags, leads, authors, captions
 * and first paragraphs hold `<script>`, `onerror=`, `javascript:` links, `<b>`, `]]>`, `&`,
 * quotes, control characters, noncharacters, a lone surrogate, U+2028 and bidi overrides.
 */
let dist = '';
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const files = (ext: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort();
const text = (e: XmlElement, name: string) => findAll(e, name)[0]?.text;

// Everything in an HTML fragment or page that could run: script elements (but JSON-LD), event
// handler attributes, javascript: URLs.
function unsafe(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    // Data blocks and the theme's own fingerprinted scripts are the only scripts a page may have.
    const themeScript = typeof node.properties.src === 'string' && /^\/assets\/[\w.-]+\.[0-9a-f]{10}\.js$/.test(node.properties.src) && node.children.length === 0;
    if (node.tagName === 'script' && node.properties.type !== 'application/ld+json' && !themeScript) found.push(`<script ${String(node.properties.src ?? 'inline')}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName} ${name}`);
      if (/^\s*javascript:/i.test(String(value))) found.push(`${node.tagName} ${name}=${String(value)}`);
    }
  });
  return found;
}

describe('feeds, sitemaps and pages of a site full of hostile text', () => {
  // 1403-01-01 00:00 in Tehran: articles of 1402-12-29 are in the news sitemap.
  pinSourceDateEpoch(1710880200);

  beforeAll(async () => {
    const box = makeSandbox(path.join(import.meta.dirname, 'hostile-text/site'));
    const { code, err } = await run(['build', '--root', box.root]);
    expect(code, err).toBe(0);
    dist = path.join(box.root, 'dist');
  });

  it('writes every feed and sitemap as XML a strict parser accepts, with no script, handler or javascript: URL', () => {
    const xml = files('.xml');
    expect(xml).toEqual(['atom.xml', 'feed.xml', 'news-sitemap.xml', 'service/politics/feed.xml', 'sitemap.xml', 'sitemaps/0.xml', 'sitemaps/1.xml']);
    for (const file of xml) {
      const bytes = read(file);
      const root = parseXml(bytes);
      expect(bytes, file).not.toMatch(/<script/i);
      expect(allElements(root).flatMap((e) => Object.keys(e.attributes).filter((a) => /^on/i.test(a))), file).toEqual([]);
      const urls = [...['link', 'guid', 'id', 'loc'].flatMap((n) => findAll(root, n).map((e) => e.text)), ...findAll(root, 'link').map((e) => e.attributes.href ?? '')];
      expect(urls.filter((u) => /javascript:/i.test(u)), file).toEqual([]);
    }
  });

  it('gives RSS descriptions that a reader taking them as HTML shows as plain text', () => {
    const rss = parseXml(read('feed.xml'));
    const items = findAll(rss, 'item');
    expect(items.map((i) => text(i, 'link'))).toEqual([2, 1, 4, 3].map((id) => `https://test.example/news/${id}/`));
    for (const item of items) {
      const html = fromHtml(text(item, 'description') ?? '', { fragment: true });
      expect(html.children.filter((c) => c.type !== 'text'), text(item, 'title')).toEqual([]);
    }
    const first = fromHtml(text(items[1]!, 'description')!, { fragment: true });
    expect((first.children[0] as { value: string }).value).toBe(`پررنگ پیوند & ]]> "نقل" 'قول' کلیک`);
    expect(text(items[1]!, 'title')).toBe('<script>alert(1)</script> ]]> & "نقل" javascript:alert(1)');
    expect(findAll(items[1]!, 'category').map((c) => c.text)).toEqual(['سیاسی', '<b>x</b>', 'a&b', '"q"', 'onload=alert(1)']);
  });

  it('gives Atom a feed author and an author on every entry (RFC 4287), text constructs as plain text', () => {
    const atom = parseXml(read('atom.xml'));
    expect(atom.uri).toBe('http://www.w3.org/2005/Atom');
    const feedAuthor = atom.children.find((c) => c.name === 'author');
    expect(text(feedAuthor!, 'name')).toBe('آزمایش & "خبر" <b>');
    const entries = findAll(atom, 'entry');
    expect(entries.map((e) => text(e.children.find((c) => c.name === 'author')!, 'name'))).toEqual([
      'آزمایش & "خبر" <b>',
      `<i>نویسنده</i> & "O'Brien"`,
      '\u202eنویسنده\u202c',
      'آزمایش & "خبر" <b>',
    ]);
    for (const e of entries) expect(findAll(e, 'summary')[0]?.attributes.type).toBe('text');
    expect(findAll(entries[1]!, 'category').map((c) => c.attributes.term)).toEqual(['سیاسی', '<b>x</b>', 'a&b', '"q"', 'onload=alert(1)']);
  });

  it('removes control characters, noncharacters and lone surrogates, and closes a title’s bidi override', () => {
    const title = text(findAll(parseXml(read('atom.xml')), 'entry')[0]!, 'title');
    expect(title).toBe('کنترل     \u202eوارونه \u2028 خط\u202c');
    const summary = text(findAll(parseXml(read('atom.xml')), 'entry')[0]!, 'summary');
    expect(summary).toBe('لید پررنگ ]]> & پایان');
    const page = read('news/2/index.html');
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(read('news/3/index.html')).not.toMatch(/[\u0001\uffff]/);
  });

  it('dates every entry, item and URL with the site’s offset', () => {
    const atom = read('atom.xml');
    expect([...atom.matchAll(/<(published|updated)>([^<]+)</g)].map((m) => m[2]!.slice(19))).toEqual(Array(9).fill('+03:30'));
    expect(read('feed.xml')).toContain('<pubDate>Tue, 19 Mar 2024 10:30:00 +0330</pubDate>');
    expect(read('sitemaps/1.xml')).toContain('<lastmod>2024-03-10T00:00:00+03:30</lastmod>');
    expect(read('news-sitemap.xml')).toContain('<news:publication_date>2024-03-19T12:00:00+03:30</news:publication_date>');
  });

  it('keeps pages free of scripts, handlers and javascript: URLs, and cards and descriptions free of the body’s tags', () => {
    for (const file of files('.html')) expect(unsafe(fromHtml(read(file))), file).toEqual([]);
    const home = read('index.html');
    const summaries = [...home.matchAll(/<p class="summary">([^<]*)<\/p>/g)].map((m) => m[1]);
    // Articles 1 and 3 have no lead: their summaries are the text of their first paragraphs.
    expect(summaries).toContain('پررنگ پیوند &amp; ]]&gt; &#34;نقل&#34; &#39;قول&#39; کلیک');
    expect(summaries).toContain('بند نخست خبر سوم با \ufffd ارجاع و پیوند و .');
    expect(read('news/1/index.html')).toContain('<meta name="description" content="پررنگ پیوند &amp; ]]&gt; &#34;نقل&#34; &#39;قول&#39; کلیک">');
    // Markup in a lead is left out of summaries: a script's text with it, a `<b>` keeps its words.
    expect(summaries).toContain('لید با برچسب');
    for (const summary of summaries) expect(summary).not.toMatch(/&lt;\/?(b|script)/);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(read('news/1/index.html'))![1]!;
    expect((JSON.parse(json) as { headline: string }).headline).toBe('<script>alert(1)</script> ]]> & "نقل" javascript:alert(1)');
  });
});
