import { describe, expect, it } from 'vitest';
import { planSearch, shardKeyOf, type Entry, type ShardInput, type ShardState } from './search-plan.ts';
import type { RecordInput } from './search-records.ts';

const entry = (id: number, version = 'a'): Entry => ({ url: `/news/${id}/`, key: `${id}${version}`.padEnd(40, '0'), input: () => ({}) as RecordInput });

function shard(name: string, entries: Entry[], base = 'b'.repeat(40)): ShardInput {
  return { name, base, entries };
}

// The state an index of `input` left: each page's id made from its URL and key.
function indexed(input: ShardInput): ShardState {
  return { name: input.name, base: input.base, key: shardKeyOf(input), files: ['pagefind-entry.json'], pages: input.entries.map((e) => ({ url: e.url, key: e.key, id: `fa_${e.key.slice(0, 8)}` })) };
}

const ids = (state: ShardState, ...urls: number[]) => state.pages.filter((p) => urls.some((u) => p.url === `/news/${u}/`)).map((p) => p.id);

describe('planSearch', () => {
  const a = shard('139301', [entry(1), entry(2), entry(3)]);
  const b = shard('139401', [entry(4), entry(5)]);
  const known = new Map([a, b].map((s) => [s.name, indexed(s)]));

  it('indexes every shard of an archive built from nothing', () => {
    const plan = planSearch([a, b], new Map(), { minimum: 0 });
    expect(plan.shards.map((p) => p.mode)).toEqual(['fresh', 'fresh']);
    expect(plan.recent).toEqual([]);
  });

  it('keeps shards whose records are those of their index', () => {
    const plan = planSearch([a, b], known, { minimum: 0 });
    expect(plan.shards.map((p) => p.mode)).toEqual(['same', 'same']);
    expect(plan.recent).toEqual([]);
  });

  it('patches a shard with an edited, an added and a deleted record: the changed ones indexed apart, the old pages superseded', () => {
    const now = shard('139301', [entry(1), entry(2, 'b'), entry(6)]);
    const plan = planSearch([now, b], known, { minimum: 0 });
    expect(plan.shards.map((p) => p.mode)).toEqual(['patched', 'same']);
    expect(plan.recent.map((e) => e.url)).toEqual(['/news/2/', '/news/6/']);
    const patched = plan.shards[0]!;
    expect(patched.mode === 'patched' && patched.superseded).toEqual(ids(known.get('139301')!, 2, 3));
  });

  it('indexes a shard again when its base changed (versions, its place) or its pages cannot be told', () => {
    const moved = shard('139301', [entry(1), entry(2, 'b'), entry(3)], 'c'.repeat(40));
    expect(planSearch([moved], known, { minimum: 0 }).shards[0]!.mode).toBe('fresh');
    const unknown = new Map([['139301', { ...known.get('139301')!, pages: [] }]]);
    expect(planSearch([shard('139301', [entry(1), entry(2, 'b'), entry(3)])], unknown, { minimum: 0 }).shards[0]!.mode).toBe('fresh');
  });

  it('indexes a small shard again rather than patching it (its files stay those of a build from nothing)', () => {
    const now = shard('139301', [entry(1), entry(2, 'b'), entry(3)]);
    expect(planSearch([now, b], known, { minimum: 3 }).shards.map((p) => p.mode)).toEqual(['patched', 'same']);
    expect(planSearch([now, b], known, { minimum: 4 }).shards.map((p) => p.mode)).toEqual(['fresh', 'same']);
    expect(planSearch([now, b], known).shards.map((p) => p.mode)).toEqual(['fresh', 'same']);
  });

  it('indexes a shard again whose files are not whole in the output folder', () => {
    const now = shard('139301', [entry(1), entry(2, 'b'), entry(3)]);
    expect(planSearch([now, b], known, { minimum: 0, broken: new Set(['139301']) }).shards.map((p) => p.mode)).toEqual(['fresh', 'same']);
    // Unchanged, but not in the output folder (dist/ not restored): indexed again, not kept as it was.
    expect(planSearch([now, b], known, { minimum: 0, broken: new Set(['139401']) }).shards.map((p) => p.mode)).toEqual(['patched', 'fresh']);
  });

  it('folds the most changed shards back into fresh indexes once the patches would hold more than the limit', () => {
    const many = shard('139301', [entry(1, 'b'), entry(2, 'b'), entry(3, 'b')]);
    const few = shard('139401', [entry(4, 'b'), entry(5)]);
    // 3 changed + 3 superseded in the first, 1 + 1 in the second.
    expect(planSearch([many, few], known, { minimum: 0, limit: 8 }).shards.map((p) => p.mode)).toEqual(['patched', 'patched']);
    const folded = planSearch([many, few], known, { minimum: 0, limit: 7 });
    expect(folded.shards.map((p) => p.mode)).toEqual(['fresh', 'patched']);
    expect(folded.recent.map((e) => e.url)).toEqual(['/news/4/']);
    expect(planSearch([many, few], known, { minimum: 0, limit: 1 }).shards.map((p) => p.mode)).toEqual(['fresh', 'fresh']);
  });

  it('treats an article moved between shards as gone from one and new in the other', () => {
    const from = shard('139301', [entry(1), entry(2)]);
    const to = shard('139401', [entry(3, 'b'), entry(4), entry(5)]);
    const plan = planSearch([from, to], known, { minimum: 0 });
    expect(plan.shards.map((p) => p.mode)).toEqual(['patched', 'patched']);
    expect(plan.recent.map((e) => e.url)).toEqual(['/news/3/']);
    expect(plan.shards.flatMap((p) => (p.mode === 'patched' ? p.superseded : []))).toEqual(ids(known.get('139301')!, 3));
  });
});
