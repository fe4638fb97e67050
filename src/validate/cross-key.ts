import { hash } from 'node:crypto';
import type { StaticFile } from '../load/index.ts';
import type { CheckedSource } from './article.ts';

// What the rules across files never read of an article: its words, its content hash, its
// attribution. Everything else counts, so a field added later counts until it is named here.
const UNREAD = new Set(['title', 'lead', 'summary', 'hash', 'caption', 'source', 'author', 'hasHtml', 'updated']);

/**
 * The digest of what one source gives the rules across files ({@link checkRules}): equal for two
 * versions of a file that no such rule can tell apart, as a body edited without touching its
 * links or images. Computed once per checked file and cached with its check.
 */
export function crossFileKey(source: CheckedSource): string {
  const { fixes: _fixes, article, ...rest } = source;
  const read = article && Object.fromEntries(Object.entries(article).filter(([field]) => !UNREAD.has(field)));
  return hash('sha1', JSON.stringify([rest, read ?? null]), 'hex');
}

/**
 * The digest of everything the rules across files read, given each source's {@link crossFileKey}:
 * the settings' key, whether drafts count, the sources in order with whether their own check
 * failed, and the files of `static/`. Equal digests, equal findings.
 */
export function archiveKey(
  settingsKey: string,
  drafts: boolean,
  sources: ReadonlyArray<{ path: string; crossKey: string; failed: boolean }>,
  statics: readonly StaticFile[],
): string {
  const parts = [settingsKey, String(drafts), JSON.stringify(statics.map(({ size: _size, mtimeMs: _mtimeMs, ...rest }) => rest))];
  for (const s of sources) parts.push(`${s.path}\u0001${s.crossKey}\u0001${s.failed ? 1 : 0}`);
  return hash('sha1', parts.join('\u0000'), 'hex');
}
