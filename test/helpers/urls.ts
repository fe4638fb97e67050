import path from 'node:path';

/** A URL found in an output file, and what kind of place it came from (for messages). */
export interface FoundUrl {
  url: string;
  where: string;
}

function unescape(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function jsonStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) jsonStrings(item, found);
  return found;
}

const looksLikeUrl = (text: string) => /^(https?:\/\/|\/)/.test(text);

function fromHtml(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const m of text.matchAll(/\s(href|src|action|poster|data-src)="([^"]*)"/g)) found.push({ url: unescape(m[2]!), where: m[1]! });
  for (const m of text.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const part of unescape(m[1]!).split(',')) found.push({ url: part.trim().split(/\s+/)[0]!, where: 'srcset' });
  }
  for (const m of text.matchAll(/<meta\s[^>]*content="([^"]*)"[^>]*>/g)) {
    const content = unescape(m[1]!);
    const refresh = /^\d+;\s*url=(.*)$/i.exec(content);
    if (refresh) found.push({ url: refresh[1]!, where: 'meta refresh' });
    else if (looksLikeUrl(content)) found.push({ url: content, where: 'meta content' });
  }
  for (const m of text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    for (const value of jsonStrings(JSON.parse(m[1]!))) if (looksLikeUrl(value)) found.push({ url: value, where: 'JSON-LD' });
  }
  for (const m of text.matchAll(/url\(([^)]*)\)/g)) found.push({ url: m[1]!.replace(/^["']|["']$/g, ''), where: 'style url()' });
  return found;
}

function fromXml(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const m of text.matchAll(/\shref="([^"]*)"/g)) found.push({ url: unescape(m[1]!), where: 'href' });
  for (const m of text.matchAll(/>\s*(https?:\/\/[^<\s]+)\s*</g)) found.push({ url: unescape(m[1]!), where: 'element text' });
  return found;
}

/** Every URL an output file holds, by its kind: HTML, CSS, XML, JSON, `_redirects`, `_headers`, robots.txt. */
export function urlsOf(file: string, text: string): FoundUrl[] {
  const name = path.posix.basename(file);
  if (name === '_redirects') {
    return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).flatMap((l) => {
      const [from, to] = l.trim().split(/\s+/);
      return [{ url: from!, where: '_redirects source' }, { url: to!, where: '_redirects target' }];
    });
  }
  if (name === '_headers') return text.split('\n').filter((l) => /^\//.test(l)).map((l) => ({ url: l.trim(), where: '_headers rule' }));
  if (name === 'robots.txt') return [...text.matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => ({ url: m[1]!, where: 'robots.txt Sitemap' }));
  if (name.endsWith('.html')) return fromHtml(text);
  if (name.endsWith('.css')) return [...text.matchAll(/url\(([^)]*)\)/g)].map((m) => ({ url: m[1]!.replace(/^["']|["']$/g, ''), where: 'css url()' }));
  if (name.endsWith('.xml')) return fromXml(text);
  if (name.endsWith('.json')) return jsonStrings(JSON.parse(text)).filter(looksLikeUrl).map((url) => ({ url, where: 'JSON' }));
  return [];
}

/** True for a URL that is not a page's: in-page, mail, phone, inline data. */
export function isNonPage(url: string): boolean {
  return url === '' || url.startsWith('#') || /^(mailto|tel|data|javascript):/i.test(url);
}
