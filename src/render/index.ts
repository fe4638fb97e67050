export * from './cache.ts';
export * from './processor.ts';
