export * from './stage.ts';
export * from './manifest.ts';
export * from './writer.ts';
