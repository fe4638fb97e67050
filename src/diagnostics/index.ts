export * from './diagnostic.ts';
export * from './failure.ts';
export * from './format.ts';
export * from './rules.ts';
