export * from './read.ts';
export * from './scan.ts';
export * from './static.ts';
