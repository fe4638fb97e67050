import { hash } from 'node:crypto';
import { VFile } from 'vfile';
import type { ProjectPaths, SiteConfig } from '../config/index.ts';
import { fromVFile, hasErrors, type Diagnostic, type FileFix } from '../diagnostics/index.ts';
import type { SourceFile, StaticFile } from '../load/index.ts';
import {
  archiveKey,
  checkArchiveImages,
  checkFrontMatter,
  checkFutureDates,
  checkRules,
  crossFileKey,
  unreadableSource,
  type ArchiveContext,
  type Article,
  type CheckedSource,
} from '../validate/index.ts';
import { readFindings, writeFindings, type ArchiveFindings, type CheckedCache } from './cache/index.ts';
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
  /** Per-file results computed in this run, for the cache. */
  checkedNow: Map<string, CheckedCache>;
  /** A damaged part of the cache that was ignored, for the user to know. */
  warning?: string;
}

/**
 * The key under which a file's own check is cached: the site settings and the checking code
 * (the bundle's digest, `BAYEGAN_CODE_VERSION`; from sources, a fixed name). Not the day:
 * whatever depends on it is checked across files on every run.
 */
export function checkKey(config: SiteConfig): string {
  return hash('sha1', `${config.hash}\u0000${process.env.BAYEGAN_CODE_VERSION ?? 'sources'}`, 'hex');
}

/** Check one compiled source on its own (its front matter against the settings), for the cache under `key`. */
export function checkOne(result: CompiledSource, config: SiteConfig, key: string): CheckedCache {
  if (!result.frontMatter || !result.facts) return { configKey: key, source: unreadableSource(result.path), diagnostics: [] };
  const file = new VFile({ path: result.path });
  const input = { path: result.path, hash: result.hash, frontMatter: result.frontMatter, facts: result.facts };
  const source = checkFrontMatter(file, input, config);
  return { configKey: key, source, diagnostics: fromVFile(file), crossKey: crossFileKey(source) };
}

/** One VFile per path, made when a rule first reports on it: where diagnostics gather. */
function fileMessages(): { files: Map<string, VFile>; fileOf: (path: string) => VFile } {
  const files = new Map<string, VFile>();
  const fileOf = (path: string) => {
    let file = files.get(path);
    if (!file) files.set(path, (file = new VFile({ path })));
    return file;
  };
  return { files, fileOf };
}

/**
 * Validate compiled sources: each file on its own (answered by the cache when the file and the
 * settings are unchanged), then the rules across files, which always run.
 */
export function analyse(
  sources: SourceFile[],
  compiled: CompiledSource[],
  config: SiteConfig,
  paths: ProjectPaths,
  options: { drafts: boolean; now: number; statics?: readonly StaticFile[] },
): Analysis {
  const { files, fileOf } = fileMessages();
  const key = checkKey(config);
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedSource[] = [];
  const failed = new Set<string>();
  const where = new Map<string, { source: SourceFile; key: string }>();
  const hashes = new Map<string, string>();
  const checkedNow = new Map<string, CheckedCache>();
  let parsed = 0;
  compiled.forEach((result, index) => {
    if (result.cache !== 'hit') parsed += 1;
    hashes.set(result.path, result.hash);
    diagnostics.push(...result.diagnostics);
    let entry = result.checked?.configKey === key ? result.checked : undefined;
    if (!entry) checkedNow.set(result.path, (entry = checkOne(result, config, key)));
    diagnostics.push(...entry.diagnostics);
    if (hasErrors(result.diagnostics) || hasErrors(entry.diagnostics)) failed.add(result.path);
    checked.push(entry.source);
    if (entry.source.article) where.set(result.path, { source: sources[index]!, key: result.key });
  });
  const crossKeys = compiled.map((result, index) => {
    const own = result.checked?.configKey === key ? result.checked.crossKey : checkedNow.get(result.path)?.crossKey;
    return { path: result.path, crossKey: typeof own === 'string' ? own : crossFileKey(checked[index]!), failed: failed.has(result.path) };
  });
  const ruleOptions = { drafts: options.drafts, root: paths.root, failed, statics: options.statics ?? [] };
  const { findings, context, warning } = ruleFindings(checked, config, paths.cache, archiveKey(key, options.drafts, crossKeys, ruleOptions.statics), ruleOptions);
  diagnostics.push(...findings.diagnostics);
  checkArchiveImages(checked, fileOf, paths.root, context);
  checkFutureDates(fileOf, checked, config, options.now);
  for (const file of files.values()) diagnostics.push(...fromVFile(file));
  const articles = checked.flatMap((c) => (c.article ? [c.article] : []));
  return { articles, diagnostics, compiled: where, fixes: [...checked.flatMap((c) => c.fixes), ...findings.fixes], hashes, parsed, checkedNow, ...(warning && { warning }) };
}

/**
 * The findings of the rules across files: from the snapshot of the last run when nothing they
 * read has changed since (digest `archive`), else found now and kept for the next run. The
 * context of link and image checks is made only if an image asks for it.
 */
function ruleFindings(
  checked: readonly CheckedSource[],
  config: SiteConfig,
  cacheRoot: string,
  archive: string,
  options: Parameters<typeof checkRules>[3],
): { findings: ArchiveFindings; context: () => ArchiveContext; warning?: string } {
  const stored = readFindings(cacheRoot, archive);
  const fresh = () => {
    const { files, fileOf } = fileMessages();
    const { fixes, context } = checkRules(checked, config, fileOf, options);
    return { findings: { diagnostics: [...files.values()].flatMap(fromVFile), fixes }, context };
  };
  if (stored.status === 'hit') {
    let context: ArchiveContext | undefined;
    return { findings: stored.findings, context: () => (context ??= fresh().context) };
  }
  const { findings, context } = fresh();
  writeFindings(cacheRoot, archive, findings);
  return { findings, context: () => context, ...(stored.status === 'corrupt' && { warning: 'The record of the last check across files (.cache/archive.json) was damaged; it was ignored and made again.' }) };
}
