import { outputKey } from '../pages/index.ts';
import type { RecordInput } from './search-records.ts';

/** One record as an index holds it: its page's URL, the key of what it was made of, Pagefind's id for its page. */
export interface IndexedPage {
  url: string;
  key: string;
  id: string;
}

/** What one index was made from and the files it made, as the last build left them. */
export interface ShardState {
  /** The shard's first month, or `recent`. */
  name: string;
  /** What all its records share (versions, its place among the shards): another base means a fresh index. */
  base: string;
  /** The base and every record's key: the key of the index's files. */
  key: string;
  files: string[];
  /** Its records, by URL (none when Pagefind's ids could not be read: such an index is replaced, never patched). */
  pages: IndexedPage[];
}

/** One record this build's index must hold. */
export interface Entry {
  url: string;
  /** Everything its indexed form is made of. */
  key: string;
  /** What its record is made from (made only for a record that is indexed). */
  input: () => RecordInput;
}

/** One shard as this build has it. */
export interface ShardInput {
  name: string;
  base: string;
  entries: Entry[];
}

/** What becomes of a shard: its index as it is (`same`), as it is with some pages superseded by `recent` (`patched`), or indexed again (`fresh`). */
export type PlannedShard =
  | { mode: 'same' | 'patched'; shard: ShardInput; key: string; before: ShardState; changed: Entry[]; superseded: string[] }
  | { mode: 'fresh'; shard: ShardInput; key: string };

/** The index of a build: its shards, and the records indexed apart that supersede pages of patched shards. */
export interface SearchPlan {
  shards: PlannedShard[];
  recent: Entry[];
}

/**
 * Records that may be indexed apart before their shards are indexed again: an edit then indexes
 * these few instead of a shard of thousands (Pagefind cannot update an index), at about 1.5 ms
 * of CPU each, every build, until shards are folded.
 */
export const RECENT_LIMIT = 200;

/**
 * Fewest records in a shard that is patched rather than indexed again: a smaller one costs less
 * than 0.2 s to index, and indexing it keeps its files those of a build from nothing.
 */
export const PATCH_MINIMUM = 128;

/** How a plan patches: see {@link RECENT_LIMIT}, {@link PATCH_MINIMUM}; `broken` shards are not whole in the output folder (indexed again, changed or not). */
export interface PlanOptions {
  limit?: number;
  minimum?: number;
  broken?: ReadonlySet<string>;
}

/** The key of a shard's index files: its base and its records. */
export function shardKeyOf(shard: ShardInput): string {
  return outputKey(shard.base, shard.entries.map((e) => `${e.url}\u0002${e.key}`).join('\u0001'));
}

function diff(shard: ShardInput, key: string, before: ShardState): PlannedShard {
  const was = new Map(before.pages.map((p) => [p.url, p]));
  const changed = shard.entries.filter((e) => was.get(e.url)?.key !== e.key);
  const now = new Map(shard.entries.map((e) => [e.url, e.key]));
  // A page goes when its article left the shard or changed; a new article supersedes nothing.
  const superseded = before.pages.filter((p) => now.get(p.url) !== p.key).map((p) => p.id);
  return { mode: 'patched', shard, key, before, changed, superseded };
}

const weight = (p: PlannedShard) => (p.mode === 'fresh' ? 0 : p.changed.length + p.superseded.length);

/**
 * Which shards to index again. A shard whose records all match its last index is kept; one of
 * `minimum` records or more with the same base and a few records changed, added or gone is
 * patched; the rest, and any that is `broken` (its files are not in the output folder as they
 * were made), are indexed again. When the
 * patches would hold more than `limit` records, the most changed shards are indexed again
 * instead until they do not, so the recent index stays small and each shard is whole again in time.
 */
export function planSearch(shards: ShardInput[], known: ReadonlyMap<string, ShardState>, options: PlanOptions = {}): SearchPlan {
  const { limit = RECENT_LIMIT, minimum = PATCH_MINIMUM, broken = new Set() } = options;
  const planned = shards.map((shard): PlannedShard => {
    const key = shardKeyOf(shard);
    const before = known.get(shard.name);
    if (!before || broken.has(shard.name)) return { mode: 'fresh', shard, key };
    if (before.key === key) return { mode: 'same', shard, key, before, changed: [], superseded: [] };
    if (shard.entries.length < minimum || before.base !== shard.base || before.pages.length === 0) return { mode: 'fresh', shard, key };
    return diff(shard, key, before);
  });
  let total = planned.reduce((sum, p) => sum + (p.mode === 'patched' ? weight(p) : 0), 0);
  const heaviest = planned.filter((p) => p.mode === 'patched').sort((a, b) => weight(b) - weight(a) || (a.shard.name < b.shard.name ? -1 : 1));
  for (const p of heaviest) {
    if (total <= limit) break;
    total -= weight(p);
    planned[planned.indexOf(p)] = { mode: 'fresh', shard: p.shard, key: p.key };
  }
  return { shards: planned, recent: planned.flatMap((p) => (p.mode === 'patched' ? p.changed : [])) };
}
