import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(abs);
    return entry.name.endsWith('.html') ? [abs] : [];
  });
}

function resolvesToFile(dist: string, pathname: string): boolean {
  const file = path.join(dist, decodeURIComponent(pathname));
  if (pathname.endsWith('/')) return existsSync(path.join(file, 'index.html'));
  return existsSync(file) && statSync(file).isFile();
}

/** Every internal `href` and `src` in every HTML file of `dist` whose target file does not exist. */
export function brokenLinks(dist: string, baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  const broken: string[] = [];
  for (const file of htmlFiles(dist)) {
    const relative = path.relative(dist, file).split(path.sep).join('/');
    const pageUrl = new URL(relative.replace(/index\.html$/, ''), new URL('/', baseUrl));
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = match[1]!.replace(/&amp;/g, '&');
      if (raw.startsWith('#') || /^(mailto|tel|data):/.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== origin) continue;
      if (!resolvesToFile(dist, url.pathname)) broken.push(`${relative}: ${raw}`);
    }
  }
  return broken;
}

/** All HTML files of a folder, relative, with `/`. */
export function listHtml(dist: string): string[] {
  return htmlFiles(dist).map((f) => path.relative(dist, f).split(path.sep).join('/')).sort();
}
