import { articlePath, envWholeNumber, withBase, type ProjectPaths } from '../config/index.ts';
import { outputKey, pageKey, pageMeta, sharedSite, themeAssets, type BodyRef, type Output, type Theme, type ThemeAssets } from '../pages/index.ts';
import { SEARCH_FORM_VERSION, toPersianDigits } from '../persian/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { pagefindVersion, type IndexedShard, type ShardJob } from './search-index.ts';
import { PATCH_MINIMUM, planSearch, shardKeyOf, type Entry, type PlannedShard, type ShardInput, type ShardState } from './search-plan.ts';
import { searchAssets, type BundleCache } from './search-assets.ts';
import { recordInput, searchShards, SHARD_SIZE, type SearchShard } from './search-records.ts';

export type { ShardState } from './search-plan.ts';

/** Bump when a record's fields or the index layout change: every index is built again. */
const SEARCH_INDEX_VERSION = '5';

/** What the build keeps between runs for search (the cache belongs to `build/`). */
export interface SearchMemo {
  /** The indexes the last build left: its shards', and the recent one's (named `recent`). */
  read(): ShardState[];
  write(states: ShardState[]): void;
  /** The bundled search script. */
  bundle: BundleCache;
}

/** What the search outputs need from the build. */
export interface SearchInputs {
  model: SiteModel;
  paths: Pick<ProjectPaths, 'templates' | 'content'>;
  theme: Theme;
  /** Where an article's rendered body is (its key is part of its record's). */
  body: (article: Article) => BodyRef;
  /**
   * Index one shard (with `indexShard`, in this thread or another): Pagefind's files and page ids.
   * Shards may be asked for all at once: the job is made (its records read) only when its turn
   * comes, and the indexer decides how many run at a time.
   */
  index: (job: () => ShardJob) => Promise<IndexedShard>;
  /** Whether these files are in the output folder as the last build made them (a patched index needs its files whole). */
  intact: (files: ReadonlyArray<{ path: string; key: string }>) => Promise<boolean>;
  memo: SearchMemo;
  /** The theme's files as the site serves them, when the build made them already. */
  assets?: ThemeAssets;
}

const RECENT = 'recent';
/** The file of an index that the search page loads first. */
const ENTRY = 'pagefind-entry.json';
/** Where the page finds the recent index and the pages it supersedes. */
const RECENT_FILE = '/pagefind/recent.json';

/** Fewest records in a shard that is patched: {@link PATCH_MINIMUM}, or `BAYEGAN_SEARCH_PATCH_MIN` (tests patch small archives with it). */
const patchMinimum = () => envWholeNumber('BAYEGAN_SEARCH_PATCH_MIN') ?? PATCH_MINIMUM;

/** Fewest articles in a shard: {@link SHARD_SIZE}, or `BAYEGAN_SEARCH_SHARD_SIZE` (tests index small archives in several shards with it). */
const shardSize = () => Math.max(1, envWholeNumber('BAYEGAN_SEARCH_SHARD_SIZE') ?? SHARD_SIZE);

/** Where the index of a shard (or the recent one) is published. */
function indexPath(name: string): string {
  return `/pagefind/${name}/`;
}

/** This build's shards, each record keyed by everything its indexed form is made of. */
function shardInputs(inputs: SearchInputs, shards: SearchShard[], version: string): ShardInput[] {
  return shards.map((shard, index) => ({
    name: shard.name,
    base: outputKey(SEARCH_FORM_VERSION, SEARCH_INDEX_VERSION, version, shard.name, index === 0 ? 'runtime' : ''),
    entries: shard.articles.map((article): Entry => {
      const { model } = inputs;
      const body = inputs.body(article);
      // What a record is made of, by identity, as page keys name it (every article, every build):
      // its file's content hash stands for its title, lead and date (front matter, as written);
      // tag names are the archive's, the service's slug and the month names the settings'.
      const tags = article.tags.map((t) => model.tagOf(t.key).name).join('\u0002');
      const key = outputKey(body.key, article.hash, tags, model.serviceOf(article.service).slug, model.config.months);
      return { url: articlePath(article.shenaseh), key, input: () => recordInput(article, model, body) };
    }),
  }));
}

/** The outputs of one index: made now (`made`), or as the last build made them, made again only if the writer asks for a file. */
function indexFiles(name: string, key: string, files: readonly string[], bytes: () => Promise<IndexedShard>): Output[] {
  return files.map((file) => ({
    path: indexPath(name) + file,
    key,
    content: async () => {
      const made = (await bytes()).files.get(file);
      if (!made) throw new Error(`Search index: \`${file}\` of index ${name} is no longer made; delete .cache/ and build again.`);
      return made;
    },
  }));
}

function stateOf(name: string, base: string, key: string, made: IndexedShard, entries: Entry[]): ShardState {
  const keys = new Map(entries.map((e) => [e.url, e.key]));
  const pages = made.pages.every(([url]) => keys.has(url)) ? made.pages.map(([url, id]) => ({ url, key: keys.get(url)!, id })) : [];
  return { name, base, key, files: [...made.files.keys()].sort(), pages };
}

/** An index made now: its state, and its files added to `outputs`. */
function published(outputs: Output[], name: string, base: string, key: string, made: IndexedShard, entries: Entry[]): ShardState {
  const state = stateOf(name, base, key, made, entries);
  outputs.push(...indexFiles(name, key, state.files, async () => made));
  return state;
}

/** An index kept as the last build made it: its files added to `outputs`, made again (once) only if one is asked for. */
function keptAsMade(outputs: Output[], state: ShardState, make: () => Promise<IndexedShard>): ShardState {
  let again: Promise<IndexedShard> | undefined;
  outputs.push(...indexFiles(state.name, state.key, state.files, () => (again ??= make())));
  return state;
}

/**
 * The search index: one Pagefind index per shard of months under `/pagefind/<first month>/`,
 * plus, after edits, a small one under `/pagefind/recent/` of the records changed since their
 * shards were indexed, with the ids of the pages they supersede in `/pagefind/recent.json` (the
 * search page drops those results). A shard whose records are unchanged is not indexed: its
 * files are announced as they were, so the writer skips them. Shards are indexed while the build
 * renders its pages. A build from nothing makes the same files as ever; after edits the files
 * depend on what was built before, the results do not.
 */
async function indexOutputs(inputs: SearchInputs, shards: SearchShard[], outputs: Output[]): Promise<void> {
  const version = pagefindVersion();
  const states = inputs.memo.read();
  const known = new Map(states.map((s) => [s.name, s]));
  const candidates = shardInputs(inputs, shards, version);
  const minimum = patchMinimum();
  let plan = planSearch(candidates, known, { minimum });
  const make = (entries: Entry[], runtime: boolean) => inputs.index(() => ({ records: entries.map((e) => e.input()), runtime }));
  const recentBase = outputKey(SEARCH_FORM_VERSION, SEARCH_INDEX_VERSION, version, RECENT);
  const recentKey = (entries: Entry[]) => shardKeyOf({ name: RECENT, base: recentBase, entries });
  // The recent index is started at once, while the output folder is prepared: only a shard
  // found broken below (rare) changes what it must hold.
  const earlyKey = recentKey(plan.recent);
  const early = plan.recent.length > 0 && known.get(RECENT)?.key !== earlyKey ? make(plan.recent, false) : undefined;
  early?.catch(() => undefined);
  // So are the shards to index: every one of them is handed to the indexer now, in order (it runs
  // as many at a time as it has room for). One that a shard found broken below makes needless
  // (rare: it was folded into a fresh index to make room for patches) is simply not published.
  const started = new Map<string, Promise<IndexedShard>>();
  const start = (p: PlannedShard, index: number) => {
    let made = started.get(p.shard.name);
    if (!made) {
      started.set(p.shard.name, (made = make(p.shard.entries, index === 0)));
      // Awaited in turn below; one that fails meanwhile must not be an unhandled rejection.
      made.catch(() => undefined);
    }
    return made;
  };
  plan.shards.forEach((p, index) => p.mode === 'fresh' && start(p, index));
  // A patched index is published as it was: its files must be whole in the output folder. An
  // unchanged one whose entry is not there (a CI run that restored .cache/ but not dist/) is
  // indexed again now, beside the pages, rather than when the writer asks for its files after them;
  // one missing only some other file is made again then, as ever.
  const broken = new Set<string>();
  const filesOf = (state: ShardState, files: readonly string[]) => files.map((file) => ({ path: indexPath(state.name) + file, key: state.key }));
  for (const p of plan.shards) {
    if (p.mode === 'fresh') continue;
    const files = p.mode === 'patched' ? p.before.files : p.before.files.filter((file) => file === ENTRY);
    if (files.length > 0 && !(await inputs.intact(filesOf(p.before, files)))) broken.add(p.shard.name);
  }
  if (broken.size > 0) plan = planSearch(candidates, known, { minimum, broken });
  const next: ShardState[] = [];
  // Indexes are published in order; an unchanged one is made only if the writer asks for one of its files.
  plan.shards.forEach((p, index) => p.mode === 'fresh' && start(p, index));
  for (const [index, p] of plan.shards.entries()) {
    const { name, base, entries } = p.shard;
    if (p.mode === 'fresh') next.push(published(outputs, name, base, p.key, await start(p, index), entries));
    // A patched index's records are no longer all at hand: it was checked whole above.
    else if (p.mode === 'patched') next.push(keptAsMade(outputs, p.before, () => Promise.reject(new Error(`Search index: the files of index ${name} changed in the output folder during the build; build again.`))));
    else next.push(keptAsMade(outputs, p.before, () => make(entries, index === 0)));
  }
  let superseded = plan.shards.flatMap((p) => (p.mode === 'patched' ? p.superseded : []));
  if (plan.recent.length > 0) {
    const key = recentKey(plan.recent);
    const before = known.get(RECENT);
    const recent =
      before?.key === key
        ? keptAsMade(outputs, before, () => make(plan.recent, false))
        : published(outputs, RECENT, recentBase, key, await (early && key === earlyKey ? early : make(plan.recent, false)), plan.recent);
    next.push(recent);
    // A record whose page came out the same as before keeps its id: it is not superseded.
    const kept = new Set(recent.pages.map((p) => p.id));
    superseded = superseded.filter((id) => !kept.has(id));
  }
  const manifest = JSON.stringify({ index: plan.recent.length > 0 ? withBase(inputs.model.config.basePath, indexPath(RECENT)) : null, superseded: [...new Set(superseded)].sort() });
  outputs.push({ path: RECENT_FILE, key: outputKey(manifest), content: () => manifest });
  inputs.memo.write(next);
}

/** The files of the index, handed over as each shard is made, so that its bytes are written and let go while the pages are rendered. */
export interface SearchIndex {
  /** The files made since the last call. */
  take(): Output[];
  /** Settled when every file has been made (rejected if one could not be). */
  done: Promise<void>;
}

/** The search page and its files, known at once, and the index, which takes its time. */
export interface SearchOutputs {
  /** `/search/`, its script and stylesheet. */
  outputs: Output[];
  /** The index's files; started when the search outputs are asked for. */
  index: SearchIndex;
}

/** `/search/`, its script and stylesheet, and the index it searches. */
export function searchOutputs(inputs: SearchInputs): SearchOutputs {
  const { model, paths, theme } = inputs;
  const templates = paths.templates;
  const { config } = model;
  const shards = searchShards(model, shardSize());
  const ready: Output[] = [];
  const index: SearchIndex = {
    take: () => ready.splice(0),
    done: indexOutputs(inputs, shards, ready),
  };
  const assets = searchAssets(templates, config, inputs.memo.bundle);
  const site = sharedSite(theme, config, inputs.assets ?? themeAssets(templates, config, paths));
  const context = {
    site: site.context,
    page: pageMeta(config, '/search/', 'جست‌وجو', `جست‌وجو در خبرهای ${config.title}`, 'search'),
    search: {
      script: assets.script,
      css: assets.css,
      base: config.basePath,
      indexes: shards.map((s) => withBase(config.basePath, indexPath(s.name))),
      recent: withBase(config.basePath, RECENT_FILE),
      services: config.services.map((s) => ({ value: s.slug, name: s.name })),
      years: model.years.map((y) => ({ value: String(y.jy), name: toPersianDigits(String(y.jy)) })),
    },
  };
  const page: Output = { path: '/search/', key: pageKey(site.key, context, 'search'), template: 'search', context: () => context };
  return { outputs: [...assets.outputs, page], index };
}
