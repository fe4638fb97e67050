export * from './read.ts';
export * from './scan.ts';
