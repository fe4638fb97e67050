import path from 'node:path';
import type { Diagnostic, FileFix } from '../../diagnostics/index.ts';
import { readKeyed, writeKeyed } from './keyed-file.ts';

/** What the rules across files found for one state of the archive (see `archiveKey`). */
export interface ArchiveFindings {
  diagnostics: Diagnostic[];
  fixes: FileFix[];
}

/** A snapshot as read back: its findings, or why there are none. */
export type StoredFindings = { status: 'hit'; findings: ArchiveFindings } | { status: 'miss' } | { status: 'corrupt' };

const FORMAT = 'bayegan-archive-1';

function fileOf(cacheRoot: string): string {
  return path.join(cacheRoot, 'archive.json');
}

function isPoint(value: unknown): boolean {
  const point = value as { line?: unknown; column?: unknown } | null;
  return typeof point === 'object' && point !== null && Number.isInteger(point.line) && Number.isInteger(point.column);
}

// A line of the cache is an input like any other: only findings of the right shape are used.
function isFindings(value: unknown): value is ArchiveFindings {
  const { diagnostics, fixes } = (value ?? {}) as Partial<ArchiveFindings>;
  const text = (d: object, key: string) => typeof (d as Record<string, unknown>)[key] === 'string';
  return (
    Array.isArray(diagnostics) &&
    Array.isArray(fixes) &&
    diagnostics.every((d) => isPoint(d) && text(d, 'file') && text(d, 'ruleId') && text(d, 'message') && (d.severity === 'error' || d.severity === 'warning')) &&
    fixes.every((f) => isPoint(f) && text(f, 'file') && typeof f.edit === 'object' && f.edit !== null)
  );
}

/**
 * The findings of the rules across files for the archive whose digest is `key`, from
 * `.cache/archive.json`: a format line, the digest, the SHA-1 of the findings, the findings as
 * JSON. An edit that changes nothing those rules read (a body, a title) finds them here instead
 * of running them over the whole archive. Another digest is a miss; a damaged or odd file, corrupt.
 */
export function readFindings(cacheRoot: string, key: string): StoredFindings {
  const stored = readKeyed(fileOf(cacheRoot), FORMAT, key);
  if (stored.status !== 'hit') return stored;
  return isFindings(stored.value) ? { status: 'hit', findings: stored.value } : { status: 'corrupt' };
}

/** Keep the findings for the archive of digest `key`; a cache that cannot be written only makes the next build check again. */
export function writeFindings(cacheRoot: string, key: string, findings: ArchiveFindings): void {
  writeKeyed(fileOf(cacheRoot), FORMAT, key, { diagnostics: findings.diagnostics, fixes: findings.fixes });
}
