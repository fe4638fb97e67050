import { slugify, toPersianLetters } from '../persian/index.ts';
import type { Article } from './article.ts';

/** One tag of the archive: all spellings of one identity. */
export interface TagInfo {
  key: string;
  /** The spelling shown everywhere: the most used one. */
  name: string;
  /** URL slug, unique in the archive. */
  slug: string;
  /** Every spelling with its number of articles, most used first. */
  spellings: Array<{ name: string; count: number }>;
}

const collator = new Intl.Collator('fa');

/**
 * Longest tag slug, in bytes: its page is the folder `tag/<slug>/`, and a file name holds at
 * most 255 bytes, with room for the `-2` of a second tag with the same slug. About 100 Persian letters.
 */
export const MAX_TAG_SLUG_BYTES = 200;

/** The slug a tag gets (before a `-2` when another tag has it), by which its page is named. */
export function tagSlug(name: string): string {
  return slugify(toPersianLetters(name)) || 'tag';
}

// Most used first; on a tie, a spelling already in Persian letters, then one with the
// zero-width non-joiner of Persian orthography rather than a space (`زیست‌بوم`), then Persian alphabetical order.
function bySpellingPreference(a: { name: string; count: number }, b: { name: string; count: number }): number {
  const persian = (name: string) => (toPersianLetters(name) === name ? 0 : 1);
  const spaces = (name: string) => name.split(' ').length;
  return (
    b.count - a.count ||
    persian(a.name) - persian(b.name) ||
    spaces(a.name) - spaces(b.name) ||
    collator.compare(a.name, b.name) ||
    (a.name < b.name ? -1 : 1)
  );
}

/** Group the tags of the archive by identity, choose each one's name and a unique slug. */
export function collectTags(articles: Iterable<Pick<Article, 'tags'>>): Map<string, TagInfo> {
  const counts = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const tag of article.tags) {
      let spellings = counts.get(tag.key);
      if (!spellings) counts.set(tag.key, (spellings = new Map()));
      spellings.set(tag.name, (spellings.get(tag.name) ?? 0) + 1);
    }
  }
  const tags = new Map<string, TagInfo>();
  const taken = new Set<string>();
  // Keys in a fixed order so that slug suffixes never depend on file order.
  for (const key of [...counts.keys()].sort()) {
    const spellings = [...counts.get(key)!].map(([name, count]) => ({ name, count })).sort(bySpellingPreference);
    const name = toPersianLetters(spellings[0]!.name);
    const base = tagSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    tags.set(key, { key, name, slug, spellings });
  }
  return tags;
}
