export * from './html-store.ts';
export * from './records.ts';
export * from './source-index.ts';
export * from './archive-snapshot.ts';
export * from './related-cache.ts';
