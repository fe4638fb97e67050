export * from './analyse.ts';
export * from './build.ts';
export * from './compile.ts';
export * from './run.ts';
export * from './version.ts';
