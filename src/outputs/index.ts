export * from './feeds.ts';
export * from './headers.ts';
export * from './redirects.ts';
export * from './sitemaps.ts';
export * from './search.ts';
export { hasSearchPage } from './search-assets.ts';
export { bodyText, searchRecord, searchShards } from './search-records.ts';
export { indexShard, type IndexedShard, type ShardJob } from './search-index.ts';
export * from './static.ts';
