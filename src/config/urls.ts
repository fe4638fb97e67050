/**
 * The site's URL scheme (design.md, "Outputs and URLs"). Every path here is relative to the
 * site root and starts and ends with `/`; `withBase` adds the base path of `baseUrl`.
 */

/** `/news/<shenaseh>/`. */
export function articlePath(shenaseh: number): string {
  return `/news/${shenaseh}/`;
}

function paged(base: string, page: number | undefined): string {
  return page === undefined ? base : `${base}page/${page}/`;
}

/** `/` or `/page/N/`. */
export function homePath(page?: number): string {
  return paged('/', page);
}

/** `/service/<slug>/`, `/service/<slug>/page/N/`. */
export function servicePath(slug: string, page?: number): string {
  return paged(`/service/${encodeURIComponent(slug)}/`, page);
}

/** `/tag/<slug>/`, `/tag/<slug>/page/N/`. */
export function tagPath(slug: string, page?: number): string {
  return paged(`/tag/${encodeURIComponent(slug)}/`, page);
}

/** `/tags/`. */
export const tagsPath = '/tags/';

/** `/archive/`, `/archive/<jy>/`, `/archive/<jy>/<jm>/`, `/archive/<jy>/<jm>/page/N/`. */
export function archivePath(jy?: number, jm?: number, page?: number): string {
  if (jy === undefined) return '/archive/';
  if (jm === undefined) return `/archive/${jy}/`;
  return paged(`/archive/${jy}/${String(jm).padStart(2, '0')}/`, page);
}

/** Prefix a site path with the base path (`/` or `/sub/`). */
export function withBase(basePath: string, sitePath: string): string {
  return basePath.replace(/\/$/, '') + sitePath;
}

/** The output file of a site path: `/news/1/` → `news/1/index.html`, `/feed.xml` → `feed.xml`. */
export function outputFile(sitePath: string): string {
  // Called for every output of every build: most paths have nothing to decode.
  const decoded = sitePath.includes('%') ? decodeURIComponent(sitePath) : sitePath;
  let start = 0;
  while (decoded.charCodeAt(start) === 0x2f) start += 1;
  const clean = start === 0 ? decoded : decoded.slice(start);
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** What a site path points at, as far as the URL scheme can tell. */
export type PathTarget =
  | { kind: 'article'; shenaseh: number }
  | { kind: 'service'; slug: string; page?: number }
  | { kind: 'tag'; slug: string; page?: number }
  | { kind: 'archive'; jy?: number; jm?: number; page?: number }
  | { kind: 'home'; page?: number }
  | { kind: 'other'; path: string };

const patterns: Array<[RegExp, (m: RegExpExecArray) => PathTarget]> = [
  [/^\/news\/(\d+)\/?$/, (m) => ({ kind: 'article', shenaseh: Number(m[1]) })],
  [/^\/service\/([^/]+)\/(?:page\/(\d+)\/?)?$/, (m) => ({ kind: 'service', slug: m[1]!, page: pageOf(m[2]) })],
  [/^\/tag\/([^/]+)\/(?:page\/(\d+)\/?)?$/, (m) => ({ kind: 'tag', slug: m[1]!, page: pageOf(m[2]) })],
  [/^\/service\/([^/]+)$/, (m) => ({ kind: 'service', slug: m[1]! })],
  [/^\/tag\/([^/]+)$/, (m) => ({ kind: 'tag', slug: m[1]! })],
  [
    /^\/archive\/(?:(\d{1,4})\/(?:(\d{1,2})\/(?:page\/(\d+)\/?)?)?)?$/,
    (m) => ({ kind: 'archive', jy: numberOf(m[1]), jm: numberOf(m[2]), page: pageOf(m[3]) }),
  ],
  [/^\/(?:page\/(\d+)\/?)?$/, (m) => ({ kind: 'home', page: pageOf(m[1]) })],
];

function numberOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}
const pageOf = numberOf;

/** Classify a site path (without base path, query or fragment; percent-decoded). */
export function classifyPath(sitePath: string): PathTarget {
  for (const [pattern, make] of patterns) {
    const match = pattern.exec(sitePath);
    if (match) return make(match);
  }
  return { kind: 'other', path: sitePath };
}

/**
 * The absolute URL of a site path under `baseUrl` (which ends with `/`). Site paths of pages are
 * ASCII (slugs are percent-encoded), so joining is enough; anything else goes through `URL`.
 */
export function absoluteUrl(baseUrl: string, sitePath: string): string {
  const relative = sitePath.replace(/^\/+/, '');
  return /^[\x21-\x7e]*$/.test(relative) && !/[\\#?%]/.test(relative) ? baseUrl + relative : new URL(relative, baseUrl).href;
}

/** The site path an alias is written at: `/old/a.html` stays, `/old/a` becomes `/old/a/` (an `index.html`). */
export function aliasSitePath(alias: string): string {
  return /\.[a-z0-9]+$/i.test(alias) || alias.endsWith('/') ? alias : `${alias}/`;
}

/** Where an alias's redirect page goes (its site path and output file), or why it cannot go anywhere safely. */
export type AliasOutput = { sitePath: string; file: string; problem?: undefined } | { problem: string; sitePath?: undefined; file?: undefined };

/** Longest segment of a path a file system takes (ext4, APFS, NTFS: 255 bytes). */
const MAX_SEGMENT_BYTES = 255;
/** Longest alias accepted, in bytes after decoding: far more than any real URL, far less than a path may be. */
export const MAX_ALIAS_BYTES = 2000;
// C0 controls, DEL and C1 controls: never part of a real URL, and some end a path on disk (NUL).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function segmentProblem(segment: string, index: number, last: boolean): string | undefined {
  if (segment === '.' || segment === '..') return 'a path without `.` or `..` segments';
  if (segment === '' && !last) return 'a path without empty segments (`//`)';
  // `.htaccess`, `.well-known/`: hosts and servers read such files as their settings.
  if (segment.startsWith('.')) return 'a path without segments that start with `.` (hidden files such as `/.htaccess`)';
  // `/_headers`, `/_redirects`, `/_worker.js`, `/_routes.json`: Netlify and Cloudflare Pages read them as settings.
  if (index === 0 && segment.startsWith('_')) return 'a path whose first segment does not start with `_` (`/_headers` and `/_redirects` are host settings)';
  if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return `a path whose segments are at most ${MAX_SEGMENT_BYTES} bytes long`;
  return undefined;
}

/**
 * The one judge of an alias: where its redirect page is written (`/old/a` → `old/a/index.html`)
 * and whether that is safe. The path is judged as the writer will use it, after percent-decoding
 * once (`outputFile`), so `%2e%2e`, `%2F`, `%5C` and `%00` are judged as what they decode to.
 * The validator reports the problem; the redirect writer writes only what this accepts.
 */
export function aliasOutput(alias: string): AliasOutput {
  if (!alias.startsWith('/') || alias.startsWith('//')) return { problem: 'an absolute site path starting with `/`, such as `/old/news/123.html`' };
  if (/[?#\s]/.test(alias)) return { problem: 'a path without spaces, `?` or `#`' };
  if (alias.includes('\\') || /%5c/i.test(alias)) return { problem: 'a path without `\\` (browsers read it as `/`), written or as `%5C`' };
  if (/%2f/i.test(alias)) return { problem: 'a path without an encoded `/` (`%2F`): write `/` itself' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(alias);
  } catch {
    return { problem: 'a path whose every `%` starts an escape of UTF-8 such as `%20` (write a `%` sign as `%25`)' };
  }
  if (CONTROL.test(decoded)) return { problem: 'a path without control characters (`%00`–`%1F`, `%7F`)' };
  if (Buffer.byteLength(decoded) > MAX_ALIAS_BYTES) return { problem: `a path of at most ${MAX_ALIAS_BYTES} bytes` };
  const segments = decoded.slice(1).split('/');
  for (const [index, segment] of segments.entries()) {
    const problem = segmentProblem(segment, index, index === segments.length - 1);
    if (problem) return { problem };
  }
  const sitePath = aliasSitePath(alias);
  return { sitePath, file: outputFile(sitePath) };
}

/** The site page an output file serves: `news/1/index.html` → `/news/1/`, `feed.xml` → `/feed.xml`. */
export function pageOfFile(file: string): string {
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}
