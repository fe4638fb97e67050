export * from './feeds.ts';
export * from './headers.ts';
export * from './redirects.ts';
export * from './sitemaps.ts';
export * from './static.ts';
