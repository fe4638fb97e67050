import { VFile } from 'vfile';
import type { ProjectPaths, SiteConfig } from '../config/index.ts';
import { fromVFile, type Diagnostic, type FileFix } from '../diagnostics/index.ts';
import type { SourceFile } from '../load/index.ts';
import { checkArchive, checkFrontMatter, unreadableSource, type Article, type CheckedSource } from '../validate/index.ts';
import type { CompiledSource } from './compile.ts';

/** The archive after validation: valid articles, every diagnostic, and where each body is cached. */
export interface Analysis {
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Per article path: its source and the cache key of its rendered body. */
  compiled: Map<string, { source: SourceFile; key: string }>;
  /** Fixes that are not problems (spelling variants, other date forms), for `check --fix`. */
  fixes: FileFix[];
  /** Content hash of every source as it was checked, so that `check --fix` never edits a file changed since. */
  hashes: Map<string, string>;
  /** How many sources were parsed now (not answered by the cache). */
  parsed: number;
}

/** Validate compiled sources: each file's front matter, then the rules across files. */
export function analyse(
  sources: SourceFile[],
  compiled: CompiledSource[],
  config: SiteConfig,
  paths: ProjectPaths,
  options: { drafts: boolean; now: number },
): Analysis {
  const files = new Map<string, VFile>();
  const fileOf = (path: string) => {
    let file = files.get(path);
    if (!file) files.set(path, (file = new VFile({ path })));
    return file;
  };
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedSource[] = [];
  const where = new Map<string, { source: SourceFile; key: string }>();
  const hashes = new Map<string, string>();
  let parsed = 0;
  compiled.forEach((result, index) => {
    if (result.cache !== 'hit') parsed += 1;
    hashes.set(result.path, result.hash);
    diagnostics.push(...result.diagnostics);
    if (!result.frontMatter || !result.facts) return void checked.push(unreadableSource(result.path));
    const input = { path: result.path, hash: result.hash, frontMatter: result.frontMatter, facts: result.facts };
    const item = checkFrontMatter(fileOf(result.path), input, config, options.now);
    checked.push(item);
    if (item.article) where.set(result.path, { source: sources[index]!, key: result.key });
  });
  checkArchive(checked, config, fileOf, { drafts: options.drafts, root: paths.root });
  for (const file of files.values()) diagnostics.push(...fromVFile(file));
  const articles = checked.flatMap((c) => (c.article ? [c.article] : []));
  return { articles, diagnostics, compiled: where, fixes: checked.flatMap((c) => c.fixes), hashes, parsed };
}
