import path from 'node:path';
import type { BuildResult } from '../build/index.ts';
import { phaseLabel, seconds } from './progress.ts';

/** `1 article`, `2 articles`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An output folder as a reader of the terminal finds it: relative to where they are, if below it. */
export function shownFolder(folder: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, folder);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
  return `${shown.split(path.sep).join('/')}/`;
}

function parsedNote(result: BuildResult): string {
  const { rendered, sources } = result;
  if (rendered === sources) return `${rendered} of ${plural(sources, 'source')} parsed`;
  if (rendered === 0) return `0 of ${plural(sources, 'source')} parsed: all from the cache`;
  return `${rendered} of ${plural(sources, 'source')} parsed, ${sources - rendered} from the cache`;
}

function rows(list: Array<[string, string | number, string?]>): string[] {
  const width = Math.max(...list.map(([label]) => label.length)) + 2;
  const valueWidth = Math.max(...list.map(([, value]) => String(value).length));
  return list.map(([label, value, note]) => `  ${label.padEnd(width)}${String(value).padStart(valueWidth)}${note ? `   ${note}` : ''}`.trimEnd());
}

/** The table every build ends with: what was built, what was written, and the time of each phase. */
export function summaryText(result: BuildResult, out: string, ms: number, baseUrl?: string): string {
  const folder = shownFolder(out);
  if (result.upToDate) {
    return `${folder} is up to date: nothing changed since the last build (${plural(result.articles, 'article')}, ${plural(result.files, 'file')}; looked in ${seconds(ms)}).`;
  }
  const { counts } = result;
  const table: Array<[string, string | number, string?]> = [
    ['articles', result.articles, parsedNote(result)],
    ['services', result.services],
    ['tags', result.tags],
    ['files', result.files, `${result.written} written, ${result.unchanged} rendered but unchanged, ${result.skipped} up to date, ${result.removed} removed${result.kept ? `, ${result.kept} not bayegan's kept` : ''}`],
    ['  pages', counts.pages],
    ['  feeds', counts.feeds],
    ['  sitemap files', counts.sitemaps],
    ['  redirects', counts.redirects],
    ['  assets', counts.assets],
    ['  search index', counts.search],
    ['  static and host files', counts.other],
    ['time', seconds(ms)],
    ...result.phases.map((p): [string, string] => [`  ${phaseLabel(p.phase)}`, seconds(p.ms)]),
  ];
  return [`Built ${plural(result.articles, 'article')} into ${folder}${baseUrl ? ` for ${baseUrl}` : ''} in ${seconds(ms)}.`, '', ...rows(table)].join('\n');
}

/** The same summary as one JSON object (the last line of `build --format json`). */
export function summaryJson(result: BuildResult, out: string, ms: number, baseUrl?: string): string {
  return JSON.stringify({
    type: 'summary',
    out: shownFolder(out),
    ...(baseUrl && { baseUrl }),
    ms: Math.round(ms),
    upToDate: result.upToDate,
    articles: result.articles,
    sources: result.sources,
    parsed: result.rendered,
    services: result.services,
    tags: result.tags,
    files: { total: result.files, written: result.written, unchanged: result.unchanged, upToDate: result.skipped, removed: result.removed, kept: result.kept },
    kinds: result.counts,
    phases: result.phases.map((p) => ({ phase: p.phase, ...(p.detail && { detail: p.detail }), ms: Math.round(p.ms) })),
    warnings: result.warnings,
    ...(result.lists && { written: result.lists.written, removed: result.lists.removed }),
  });
}
