import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from '../helpers/images.ts';
import { IMMUTABLE, REVALIDATE, headersText } from '../../src/outputs/index.ts';
import { filesUnder, isServedFile } from '../helpers/files.ts';
import { articleFile, build, siteYml, writeSite } from '../helpers/site.ts';

/** `_headers` read the way Netlify and Cloudflare Pages read it: rules of a path pattern and its headers. */
function parseHeaders(text: string): Array<{ pattern: string; headers: string[] }> {
  const rules: Array<{ pattern: string; headers: string[] }> = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) rules.at(-1)!.headers.push(line.trim());
    else rules.push({ pattern: line, headers: [] });
  }
  return rules;
}

// A splat matches the rest of the path (also nothing); anything else matches exactly.
function matches(pattern: string, urlPath: string): boolean {
  return pattern.endsWith('*') ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
}

const site = `-- content/site.yml --
${siteYml()}
${articleFile(1, { extra: 'image: map.png\naliases: [/قدیمی/1.html, /old/a]\n' })}-- static/CNAME --
archive.example
-- static/files/guide.txt --
guide
`;

// The site with its article's image, a real PNG (an image's bytes are checked).
function siteWithImage(): string {
  const root = writeSite(site);
  writeFileSync(path.join(root, 'content/news/map.png'), PNG);
  return root;
}

describe('_headers', () => {
  it('gives every served file exactly one Cache-Control: a year for assets/, a minute with revalidation for the rest', async () => {
    for (const baseUrl of ['https://test.example/', 'https://test.example/archive/']) {
      const built = await build(siteWithImage(), { baseUrl });
      const base = new URL(baseUrl).pathname;
      const rules = parseHeaders(built.read('_headers'));
      expect(rules.every((r) => r.pattern.startsWith(base))).toBe(true);
      for (const file of filesUnder(built.dist).filter(isServedFile)) {
        const urlPath = base + file.split('/').map(encodeURIComponent).join('/').replace(/(^|\/)index\.html$/, '$1');
        const cache = rules.filter((r) => matches(r.pattern, urlPath)).flatMap((r) => r.headers.filter((h) => h.startsWith('Cache-Control:')));
        expect(cache, urlPath).toEqual([`Cache-Control: ${file.startsWith('assets/') ? IMMUTABLE : REVALIDATE}`]);
        const nosniff = rules.filter((r) => matches(r.pattern, urlPath)).flatMap((r) => r.headers.filter((h) => h.startsWith('X-Content-Type-Options:')));
        expect(nosniff, urlPath).toEqual(['X-Content-Type-Options: nosniff']);
      }
    }
  });

  it('adds the rules of static/_headers after its own, and does not copy the file otherwise', async () => {
    const root = siteWithImage();
    mkdirSync(path.join(root, 'static'), { recursive: true });
    writeFileSync(path.join(root, 'static/_headers'), "/*\n  Content-Security-Policy: default-src 'self'\n");
    const built = await build(root);
    const text = built.read('_headers');
    expect(text).toMatch(/^# Written by bayegan/);
    expect(text.endsWith("\n# From static/_headers:\n/*\n  Content-Security-Policy: default-src 'self'\n")).toBe(true);
  });

  it('stays within Cloudflare’s 100 rules however many files static/ puts at the root', () => {
    const tops = new Map<string, 'file' | 'folder'>([['', 'file'], ['news', 'folder'], ['assets', 'folder']]);
    for (let i = 0; i < 150; i++) tops.set(`verify-${i}.html`, 'file');
    const config = { basePath: '/' } as Parameters<typeof headersText>[1];
    const rules = parseHeaders(headersText(tops, config));
    expect(rules.length).toBeLessThanOrEqual(100);
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/assets/*', '/', '/news/*']);
  });

  it('writes a path segment so that no name can become a splat or a placeholder', () => {
    const tops = new Map<string, 'file' | 'folder'>([['a*b', 'folder'], [':id', 'file'], ['نشانی', 'folder']]);
    const text = headersText(tops, { basePath: '/' } as Parameters<typeof headersText>[1]);
    expect(parseHeaders(text).map((r) => r.pattern)).toEqual(['/*', '/assets/*', '/%3Aid', '/a%2Ab/*', '/%D9%86%D8%B4%D8%A7%D9%86%DB%8C/*']);
  });
});
