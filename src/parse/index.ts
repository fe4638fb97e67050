export * from './decode.ts';
export * from './markdown.ts';
export * from './source.ts';
