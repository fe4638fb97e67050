import type { SiteConfig } from '../config/index.ts';
import type { StaticFile } from '../load/index.ts';
import { outputKey, type Output } from '../pages/index.ts';
import { readStaticFile } from './static.ts';

/** Files whose name changes with their bytes (`/assets/`): a browser or CDN may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages, feeds, sitemaps, images next to articles): a minute, then asked again. */
export const REVALIDATE = 'public, max-age=60, must-revalidate';

/** Cloudflare Pages reads at most this many rules from `_headers`. */
const MAX_RULES = 100;
/** Read by the host, never served: no rule of their own. */
const HOST_FILES = new Set(['_headers', '_redirects']);

type Tops = Map<string, 'file' | 'folder'>;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// A path segment as a rule writes it: percent-encoded, and `*` and `:` (a splat and a
// placeholder in these files) encoded too.
function rulePath(segment: string): string {
  return encodeURIComponent(segment).replace(/[*!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Note the top-level file or folder of a site path. Most paths share a few top folders (`news`,
// `tag`): each spelling is decoded once (`names`), not once per path of the site.
function note(tops: Tops, names: Map<string, string>, sitePath: string): void {
  let start = 0;
  while (sitePath.charCodeAt(start) === 0x2f) start += 1;
  if (start === sitePath.length) {
    tops.set('', 'file');
    return;
  }
  const slash = sitePath.indexOf('/', start);
  const raw = slash === -1 ? sitePath.slice(start) : sitePath.slice(start, slash);
  let name = names.get(raw);
  if (name === undefined) names.set(raw, (name = decoded(raw)));
  if (slash !== -1) tops.set(name, 'folder');
  else if (!tops.has(name)) tops.set(name, 'file');
}

/**
 * `_headers` for Netlify and Cloudflare Pages. Both hosts apply every rule whose path matches,
 * and Cloudflare joins two values of one header with a comma, so no two rules that set
 * `Cache-Control` may match one path: `/assets/*` is immutable, and every other top-level file
 * and folder gets its own short rule, never one `/*` for all.
 */
export function headersText(tops: ReadonlyMap<string, 'file' | 'folder'>, config: SiteConfig, extra = ''): string {
  const base = config.basePath;
  const rule = (pattern: string, header: string) => `${pattern}\n  ${header}\n`;
  const rules = [rule(`${base}*`, 'X-Content-Type-Options: nosniff'), rule(`${base}assets/*`, `Cache-Control: ${IMMUTABLE}`)];
  const entries = [...tops].filter(([name]) => name !== 'assets' && !HOST_FILES.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Past the host's limit, loose files at the root (then whatever is left over) keep the host's
  // default, which on Netlify and Cloudflare revalidates every time.
  const room = MAX_RULES - rules.length;
  const kept = entries.length <= room ? entries : entries.filter(([name, kind]) => name === '' || kind === 'folder').slice(0, room);
  for (const [name, kind] of kept) {
    const pattern = name === '' ? base : kind === 'folder' ? `${base}${rulePath(name)}/*` : `${base}${rulePath(name)}`;
    rules.push(rule(pattern, `Cache-Control: ${REVALIDATE}`));
  }
  const own = extra === '' ? '' : `\n# From static/_headers:\n${extra.endsWith('\n') ? extra : `${extra}\n`}`;
  return `# Written by bayegan: files in assets/ are named by their bytes and kept for a year; everything else for a minute, then revalidated.\n${rules.join('')}${own}`;
}

/**
 * The build's outputs, passed on in the batches they come in, then `/_headers` with a rule for every top-level
 * file and folder they made. `static/_headers`, if there is one, is added after the generated rules.
 */
export async function* withCacheHeaders(batches: AsyncIterable<readonly Output[]>, config: SiteConfig, statics: readonly StaticFile[]): AsyncGenerator<readonly Output[]> {
  const tops: Tops = new Map();
  const names = new Map<string, string>();
  for await (const batch of batches) {
    for (const output of batch) note(tops, names, output.path);
    yield batch;
  }
  const own = statics.find((s) => s.sitePath === '/_headers' && s.problem === undefined);
  const text = headersText(tops, config, own ? readStaticFile(own).toString('utf8') : '');
  yield [{ path: '/_headers', key: outputKey('headers-1', text), content: () => text }];
}
