export * from './manifest.ts';
export * from './writer.ts';
