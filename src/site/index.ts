export * from './model.ts';
export * from './paginate.ts';
export * from './related.ts';
