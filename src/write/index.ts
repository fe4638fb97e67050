export * from './lock.ts';
export * from './location.ts';
export * from './manifest.ts';
export * from './marker.ts';
export * from './output-folder.ts';
export * from './safe-path.ts';
export * from './stage.ts';
export * from './writer.ts';
