import type { Article, CheckedSource, TagRef, TagUse, ValueSpot } from '../../validate/index.ts';

/**
 * The cached form of a file's own check, without what can be derived again: the article
 * repeats the file's path, hash, dates, tags and aliases. Every archive build reads one of these
 * per file, so a third less JSON is a third less time. A field is left out only when deriving
 * it gives exactly the value, so `unpack(pack(x))` is always `x`.
 */
export type PackedSource = Omit<Partial<CheckedSource>, 'tags'> & { article?: Partial<Article>; tags?: Array<TagUse | PackedTag> };

/**
 * A tag use as a row instead of an object of eight keys: tags are a third of the index's JSON,
 * and parsing their keys again in every build is most of what reading it costs.
 */
type PackedTag = [key: string, name: string, line: number, column: number, start: number, end: number, style: ValueSpot['style'], flow: 0 | 1];

const TAG_KEYS = 'key,name,spot';
const SPOT_KEYS = 'line,column,start,end,style,flow';

function packTag(tag: TagUse): TagUse | PackedTag {
  const { key, name, spot } = tag;
  // Only the shape written here becomes a row: anything else is kept as it is.
  if (Object.keys(tag).join() !== TAG_KEYS || Object.keys(spot).join() !== SPOT_KEYS) return tag;
  return [key, name, spot.line, spot.column, spot.start, spot.end, spot.style, spot.flow ? 1 : 0];
}

function unpackTag(tag: TagUse | PackedTag): TagUse {
  if (!Array.isArray(tag)) return tag;
  const [key, name, line, column, start, end, style, flow] = tag;
  return { key, name, spot: { line, column, start, end, style, flow: flow === 1 } };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function derivedTags(source: CheckedSource): TagRef[] {
  const seen = new Set<string>();
  return source.tags.filter((t) => !seen.has(t.key) && seen.add(t.key)).map(({ key, name }) => ({ key, name }));
}

function derived(source: CheckedSource, path: string, hash: string): Record<string, unknown> {
  return {
    path,
    date: source.dates?.date?.value,
    'article.path': path,
    'article.hash': hash,
    'article.date': source.dates?.date?.value,
    'article.updated': source.dates?.updated?.value,
    'article.tags': derivedTags(source),
    'article.aliases': source.aliases.map((a) => a.alias),
    'article.summary': source.article?.lead,
  };
}

/** Pack a file's check for the cache, given the path and content hash the record keeps anyway. */
export function pack(source: CheckedSource, path: string, hash: string): PackedSource {
  const values = derived(source, path, hash);
  const packed: PackedSource = { ...source, tags: source.tags.map(packTag) };
  if (source.article) packed.article = { ...source.article };
  for (const [field, value] of Object.entries(values)) {
    const [head, tail] = field.split('.') as [string, string | undefined];
    const holder = (tail ? packed.article : packed) as Record<string, unknown> | undefined;
    const name = tail ?? head;
    if (holder && name in holder && same(holder[name], value)) delete holder[name];
  }
  return packed;
}

/** Restore a file's check from its packed form (in place: the packed object is read from JSON and not kept). */
export function unpack(packed: PackedSource, path: string, hash: string): CheckedSource {
  const source = packed as CheckedSource;
  if (packed.tags) source.tags = packed.tags.map(unpackTag);
  const dates = source.dates;
  if (!('path' in packed)) source.path = path;
  if (!('date' in packed) && dates?.date) source.date = dates.date.value;
  const article = packed.article as Record<string, unknown> | undefined;
  if (article) {
    if (!('path' in article)) article.path = path;
    if (!('hash' in article)) article.hash = hash;
    if (!('date' in article) && dates?.date) article.date = dates.date.value;
    if (!('updated' in article) && dates?.updated) article.updated = dates.updated.value;
    if (!('tags' in article)) article.tags = derivedTags(source);
    if (!('aliases' in article)) article.aliases = source.aliases.map((a) => a.alias);
    if (!('summary' in article) && article.lead !== undefined) article.summary = article.lead;
  }
  return source;
}
