export * from './image-file.ts';
export * from './image-format.ts';
export * from './read.ts';
export * from './safe-read.ts';
export * from './scan.ts';
export * from './static.ts';
