import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../helpers/crawl.ts';
import { buildSample, serveUnder } from '../helpers/serve.ts';
import { filesUnder, isServedFile } from '../helpers/files.ts';
import { isNonPage, urlsOf, type FoundUrl } from '../helpers/urls.ts';

const BASE = 'https://example.org/archive/';
const TEXT = /\.(html|xml|json|css|txt)$|^_redirects$|^_headers$/;

function sourcesText(dir: string): string {
  return filesUnder(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
}

/** The file of the output that a URL of the site names, or undefined. */
function fileOf(dist: string, pathname: string): string | undefined {
  const rest = decodeURIComponent(pathname.slice(new URL(BASE).pathname.length));
  // A folder is answered by its index.html, with or without the slash (servers redirect to it).
  const file = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
  const abs = path.join(dist, file);
  if (existsSync(abs) && statSync(abs).isDirectory()) return existsSync(path.join(abs, 'index.html')) ? `${file}/index.html` : undefined;
  return existsSync(abs) && statSync(abs).isFile() ? file : undefined;
}

describe('the sample archive built under a base path', () => {
  let root: string;
  let dist: string;
  let server: Awaited<ReturnType<typeof serveUnder>>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'bayegan-base-path-'));
    mkdirSync(path.join(root, 'static/.well-known'), { recursive: true });
    writeFileSync(path.join(root, 'static/.well-known/security.txt'), 'Contact: mailto:security@example.org\n');
    await buildSample(BASE, root);
    dist = path.join(root, 'dist');
    // A real static server, answering only under /archive/, as a host serving the site from a subfolder.
    server = await serveUnder(dist, '/archive/');
  }, 120_000);

  afterAll(() => server?.close());

  it('starts every internal URL of every HTML, XML, JSON, CSS, _redirects, _headers and robots.txt file with the base, and each names a file', () => {
    const authored = sourcesText(path.join(root, 'content'));
    const wrong: string[] = [];
    const seen = new Map<string, number>();
    for (const file of filesUnder(dist).filter((f) => TEXT.test(path.posix.basename(f)))) {
      const page = new URL(file.replace(/(^|\/)index\.html$/, '$1'), BASE);
      for (const { url, where } of urlsOf(file, readFileSync(path.join(dist, file), 'utf8')) as FoundUrl[]) {
        if (isNonPage(url)) continue;
        const resolved = new URL(url, page);
        if (resolved.origin !== new URL(BASE).origin) continue;
        seen.set(where, (seen.get(where) ?? 0) + 1);
        if (!resolved.href.startsWith(BASE) || (url.startsWith('/') && !url.startsWith('/archive/'))) {
          // An author may link to another part of the same host; that URL is theirs, as written.
          if (/^https?:/.test(url) && authored.includes(url)) continue;
          wrong.push(`${file}: ${where} ${url} is outside ${BASE}`);
          continue;
        }
        if (where === '_headers rule') continue;
        if (!fileOf(dist, resolved.pathname)) wrong.push(`${file}: ${where} ${url} names no file of the output`);
      }
    }
    expect(wrong).toEqual([]);
    // Every kind of place was looked at, so the test cannot pass by finding nothing.
    for (const where of ['href', 'src', 'meta content', 'JSON-LD', 'element text', '_redirects source', '_redirects target', '_headers rule', 'robots.txt Sitemap', 'css url()', 'meta refresh']) {
      expect(seen.get(where) ?? 0, where).toBeGreaterThan(0);
    }
  });

  it('serves from a subfolder: every link followed from the home page, the feeds, sitemaps and redirects answers 200', async () => {
    const redirects = readFileSync(path.join(dist, '_redirects'), 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')[0]!);
    const starts = ['/archive/', '/archive/robots.txt', '/archive/sitemap.xml', '/archive/news-sitemap.xml', '/archive/feed.xml', '/archive/atom.xml', '/archive/404.html', '/archive/.well-known/security.txt', ...redirects];
    const { visited, broken } = await crawl(server.origin, BASE, starts);
    expect(broken).toEqual([]);
    // Every file of the site was reached, but for full list pages whose articles an index's
    // front page still shows (stable pagination: they are linked once newer pages push them back).
    const reached = new Set([...visited.keys()].map((url) => fileOf(dist, new URL(url).pathname)));
    // The search index is fetched by the search page's script, not linked: its base is checked above.
    const missed = filesUnder(dist).filter((f) => !reached.has(f) && isServedFile(f) && !/(^|\/)page\/\d+\/index\.html$/.test(f) && !f.startsWith('pagefind/'));
    expect(missed).toEqual([]);
  }, 120_000);
});
