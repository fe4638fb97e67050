export * from './changes.ts';
export * from './session.ts';
export { TemplateProblem, type ServedFile } from './site.ts';
