export * from './session.ts';
export { TemplateProblem, type ServedFile } from './site.ts';
