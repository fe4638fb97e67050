export * from './article.ts';
export * from './assets.ts';
export * from './catalogue.ts';
export * from './context.ts';
export * from './engine.ts';
export * from './generate.ts';
export * from './lists.ts';
export * from './output.ts';
