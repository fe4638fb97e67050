import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.ts';
import type { FrontMatter, MarkdownFacts } from '../../parse/index.ts';
import { readRecords, writeRecords } from './records.ts';

/**
 * What the cache knows of one source file: its stat stamp and content hash (so an untouched
 * file is not even read), and everything parsed from it (so it is not parsed again).
 */
export interface SourceRecord {
  path: string;
  size: number;
  mtimeMs: number;
  /** sha256 of the file's bytes. */
  hash: string;
  /** Compile key: pipeline version, render settings, path and hash. */
  key: string;
  /** The body's HTML is in the HTML store under `key`. */
  rendered: boolean;
  diagnostics: Diagnostic[];
  frontMatter?: FrontMatter;
  facts?: MarkdownFacts;
}

/** The source index of a cache folder, read whole: path → record. */
export interface SourceIndex {
  records: Map<string, SourceRecord>;
  /** Records that were damaged and ignored. */
  corrupt: number;
}

function indexFile(cacheRoot: string): string {
  return path.join(cacheRoot, 'sources.ndjson');
}

/** Read the source index; a missing or damaged one is an empty index (and damage is counted). */
export async function readSourceIndex(cacheRoot: string): Promise<SourceIndex> {
  const read = await readRecords<SourceRecord>(indexFile(cacheRoot));
  const records = new Map<string, SourceRecord>();
  for (const record of read.records) {
    if (typeof record?.path === 'string' && typeof record.key === 'string') records.set(record.path, record);
  }
  return { records, corrupt: read.corrupt };
}

/** Replace the source index with the records of this run (entries of deleted files go). */
export async function writeSourceIndex(cacheRoot: string, records: Iterable<SourceRecord>): Promise<void> {
  await writeRecords(indexFile(cacheRoot), records);
}
