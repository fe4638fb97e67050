/**
 * `bayegan import`: legacy archive dumps (text or HTML, one article each) into Markdown articles.
 */
export { importDumps, type ImportOptions, type ImportResult } from './import.ts';
export { escapeParagraph } from './escape-markdown.ts';
export { parseDump } from './parse-dump.ts';
export { readDump, type Dump } from './read-dump.ts';
export type { DumpArticle, DumpLine, ImportProblem } from './types.ts';
