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
  const clean = decodeURIComponent(sitePath).replace(/^\/+/, '');
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
