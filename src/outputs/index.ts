export * from './feeds.ts';
export * from './redirects.ts';
export * from './sitemaps.ts';
