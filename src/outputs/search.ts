import { withBase, type ProjectPaths } from '../config/index.ts';
import { outputKey, pageKey, pageMeta, sharedSite, themeAssets, type BodyRef, type Output, type Theme } from '../pages/index.ts';
import { SEARCH_FORM_VERSION, toPersianDigits } from '../persian/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { pagefindVersion, type ShardJob } from './search-index.ts';
import { searchAssets, type BundleCache } from './search-assets.ts';
import { recordInput, searchShards, type SearchShard } from './search-records.ts';

/** Bump when a record's fields or the index layout change: every index is built again. */
const SEARCH_INDEX_VERSION = '3';

/** What one shard's index was made from (its key) and the files it made, as the last build left them. */
export interface ShardState {
  name: string;
  key: string;
  files: string[];
}

/** What the build keeps between runs for search (the cache belongs to `build/`). */
export interface SearchMemo {
  /** The shards' states of the last build that indexed. */
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
  /** Where an article's rendered body is (its key is part of its shard's). */
  body: (article: Article) => BodyRef;
  /** Index one shard (with `indexShard`, in this thread or another): Pagefind's files. */
  index: (job: ShardJob) => Promise<Map<string, Uint8Array>>;
  memo: SearchMemo;
}

/** Where the index of a shard is published. */
function shardPath(shard: SearchShard): string {
  return `/pagefind/${shard.name}/`;
}

function shardKey(shard: SearchShard, primary: boolean, inputs: SearchInputs, version: string): string {
  const { model } = inputs;
  const articles = shard.articles.map((a) => `${a.hash}:${inputs.body(a).key}:${a.tags.map((t) => model.tagOf(t.key).name).join('\u0002')}`);
  return outputKey(SEARCH_FORM_VERSION, SEARCH_INDEX_VERSION, version, model.config.hash, shard.name, primary ? 'runtime' : '', articles.join('\u0001'));
}

/**
 * The search index, one Pagefind index per shard of months under `/pagefind/<first month>/`, each
 * keyed by everything its records are made of. A shard whose key the last build recorded is not
 * indexed: its files are announced as they were, so the writer skips them, and Pagefind runs only
 * if one of them must be written again. Shards are indexed while the build renders its pages.
 */
async function indexOutputs(inputs: SearchInputs, shards: SearchShard[]): Promise<Output[]> {
  const version = pagefindVersion();
  const known = new Map(inputs.memo.read().map((s) => [s.name, s]));
  const states: ShardState[] = [];
  const outputs: Output[] = [];
  // A shard is handed to the indexer when the one before it is done (its records are not held
  // meanwhile); an unchanged shard only if the writer asks for one of its files.
  for (const [index, shard] of shards.entries()) {
    const primary = index === 0;
    const key = shardKey(shard, primary, inputs, version);
    let made: Promise<Map<string, Uint8Array>> | undefined;
    const make = () => (made ??= inputs.index({ records: shard.articles.map((a) => recordInput(a, inputs.model, inputs.body(a))), runtime: primary }));
    const before = known.get(shard.name);
    const files = before?.key === key ? before.files : [...(await make()).keys()].sort();
    states.push({ name: shard.name, key, files });
    for (const file of files) {
      outputs.push({
        path: shardPath(shard) + file,
        key,
        content: async () => {
          const bytes = (await make()).get(file);
          if (!bytes) throw new Error(`Search index: \`${file}\` of shard ${shard.name} is no longer made; delete .cache/ and build again.`);
          return bytes;
        },
      });
    }
  }
  inputs.memo.write(states);
  return outputs;
}

/** The search page and its files, known at once, and the index, which takes its time. */
export interface SearchOutputs {
  /** `/search/`, its script and stylesheet. */
  outputs: Output[];
  /** The index's files; started when the search outputs are asked for. */
  index: Promise<Output[]>;
}

/** `/search/`, its script and stylesheet, and the index it searches. */
export function searchOutputs(inputs: SearchInputs): SearchOutputs {
  const { model, paths, theme } = inputs;
  const templates = paths.templates;
  const { config } = model;
  const shards = searchShards(model);
  const index = indexOutputs(inputs, shards);
  const assets = searchAssets(templates, config, inputs.memo.bundle);
  const site = sharedSite(theme, config, themeAssets(templates, config, paths));
  const context = {
    site: site.context,
    page: pageMeta(config, '/search/', 'جست‌وجو', `جست‌وجو در خبرهای ${config.title}`, 'search'),
    search: {
      script: assets.script,
      css: assets.css,
      base: config.basePath,
      indexes: shards.map((s) => withBase(config.basePath, shardPath(s))),
      services: config.services.map((s) => ({ value: s.slug, name: s.name })),
      years: model.years.map((y) => ({ value: String(y.jy), name: toPersianDigits(String(y.jy)) })),
    },
  };
  const page: Output = { path: '/search/', key: pageKey(site.key, context, 'search'), template: 'search', context: () => context };
  return { outputs: [...assets.outputs, page], index };
}
