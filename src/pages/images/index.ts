export * from './body.ts';
export * from './facts.ts';
export * from './library.ts';
export * from './resize.ts';
export * from './variants.ts';
export * from './source.ts';
export * from './sharp.ts';
