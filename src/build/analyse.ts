import { VFile } from 'vfile';
import type { ProjectPaths, SiteConfig } from '../config/index.ts';
import { fromVFile, type Diagnostic } from '../diagnostics/index.ts';
import type { SourceFile } from '../load/index.ts';
import { checkArchive, checkFrontMatter, type Article, type CheckedArticle } from '../validate/index.ts';
import type { CompiledSource } from './compile.ts';

/** The archive after validation: valid articles, every diagnostic, and where each body is cached. */
export interface Analysis {
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Per article path: its source and the cache key of its rendered body. */
  compiled: Map<string, { source: SourceFile; key: string }>;
  /** How many sources were parsed now (not answered by the cache). */
  parsed: number;
}

/** Validate compiled sources: each file's front matter, then the rules across articles. */
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
  const checked: CheckedArticle[] = [];
  const where = new Map<string, { source: SourceFile; key: string }>();
  let parsed = 0;
  compiled.forEach((result, index) => {
    if (result.cache !== 'hit') parsed += 1;
    diagnostics.push(...result.diagnostics);
    if (!result.frontMatter || !result.facts) return;
    const item = checkFrontMatter(
      fileOf(result.path),
      { path: result.path, hash: result.hash, frontMatter: result.frontMatter, facts: result.facts },
      config,
      options.now,
    );
    if (item) {
      checked.push(item);
      where.set(result.path, { source: sources[index]!, key: result.key });
    }
  });
  checkArchive(checked, config, fileOf, { drafts: options.drafts, root: paths.root });
  for (const file of files.values()) diagnostics.push(...fromVFile(file));
  return { articles: checked.map((c) => c.article), diagnostics, compiled: where, parsed };
}
