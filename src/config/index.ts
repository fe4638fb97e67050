export * from './clock.ts';
export * from './env.ts';
export * from './load.ts';
export * from './parse-budget.ts';
export * from './paths.ts';
export * from './schema.ts';
export * from './urls.ts';
export * from './yaml.ts';
