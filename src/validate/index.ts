export * from './archive.ts';
export * from './article.ts';
export * from './dates.ts';
export * from './front-matter.ts';
export * from './keys.ts';
export * from './site-paths.ts';
export * from './tags.ts';
export * from './values.ts';
