import { hash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, type ProjectPaths } from '../config/index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import type { SourceFile, SourceStat, StaticFile } from '../load/index.ts';
import { NEWS_WINDOW_MS } from '../outputs/index.ts';
import { toEpochMs } from '../persian/index.ts';
import type { SiteModel } from '../site/index.ts';

/**
 * What the last successful build saw, so that a build with nothing new can stop after looking:
 * a fingerprint of every input, until when the outputs that depend on the clock stay valid,
 * and what that build reported.
 */
export interface BuildStamp {
  fingerprint: string;
  /** ms since the epoch: when the news sitemap would change without any input changing. */
  validUntil: number;
  /** Images and other files the articles use: they are inputs too. */
  assets: string[];
  diagnostics: Diagnostic[];
  warnings: string[];
  articles: number;
}

/** Everything a build's output depends on, besides the clock. */
export interface StampInputs {
  paths: ProjectPaths;
  /** The code that builds (the bundle's digest). */
  code: string;
  /** Options that change the output (drafts). */
  options: string;
  /** The Jalali day of the run in the site's time zone (future-date warnings). */
  day: string;
  sources: SourceFile[];
  stats: SourceStat[];
  /** The files of `static/`: a file added, changed or removed there changes the site too. */
  statics: StaticFile[];
  themeHash: string;
}

function stampFile(paths: ProjectPaths): string {
  return path.join(paths.cache, 'build-stamp.json');
}

/** The fingerprint of a build's inputs; `assets` are stat-ed here. */
export function fingerprintOf(inputs: StampInputs, assets: readonly string[]): string {
  const lines = [inputs.code, inputs.options, inputs.day, inputs.themeHash, inputs.paths.root, inputs.paths.out];
  lines.push(hash('sha1', readFileSync(inputs.paths.siteFile)));
  inputs.sources.forEach((source, at) => lines.push(`${source.path}\t${inputs.stats[at]!.size}\t${inputs.stats[at]!.mtimeMs}`));
  for (const item of inputs.statics) lines.push(`${item.path}\t${item.abs}\t${item.size}\t${item.mtimeMs}\t${item.problem ?? ''}`);
  for (const asset of assets) {
    const stat = statSync(asset, { throwIfNoEntry: false });
    lines.push(`${asset}\t${stat?.size}\t${stat?.mtimeMs}`);
  }
  return hash('sha1', lines.join('\n'), 'hex');
}

/** The stamp of the last successful build, if any. */
export function readStamp(paths: ProjectPaths): BuildStamp | undefined {
  try {
    return JSON.parse(readFileSync(stampFile(paths), 'utf8')) as BuildStamp;
  } catch {
    return undefined;
  }
}

/** Record a successful build. */
export function writeStamp(paths: ProjectPaths, stamp: BuildStamp): void {
  writeFileAtomic(stampFile(paths), JSON.stringify(stamp));
}

/** Forget the last build (a build is under way, or failed). */
export function clearStamp(paths: ProjectPaths): void {
  try {
    // Removed, not written over: a link planted under its name in .cache/ is unlinked, never followed.
    rmSync(stampFile(paths), { force: true });
  } catch {
    // Not a file (a folder planted there): it is no stamp either.
  }
}

/** When the news sitemap changes next: a scheduled article's time, or a recent one leaving the window. */
export function clockValidUntil(model: SiteModel, now: number): number {
  // A finite number: the stamp is JSON, where Infinity would become null.
  let until = Number.MAX_SAFE_INTEGER;
  for (let i = model.articles.length - 1; i >= 0; i--) {
    const published = toEpochMs(model.articles[i]!.date, model.config.timeZone);
    if (published > now) until = Math.min(until, published);
    else if (now - published <= NEWS_WINDOW_MS) until = Math.min(until, published + NEWS_WINDOW_MS);
    // Articles are oldest first; one a day before the window ends the search (times within a day vary).
    else if (now - published > NEWS_WINDOW_MS + 24 * 60 * 60 * 1000) break;
  }
  return until;
}
