export * from './processor.ts';
