export * from './budget.ts';
export * from './decode.ts';
export * from './edit.ts';
export * from './fences.ts';
export { plainLead } from './first-paragraph.ts';
export * from './markdown.ts';
export * from './nesting.ts';
export * from './source.ts';
export * from './yaml-problem.ts';
