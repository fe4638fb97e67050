import { hash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
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

// The index is split by path into this many files: each stays small enough to read in one
// piece, and an edit rewrites one of them, not an index of a million records.
const SHARDS = 64;

function folder(cacheRoot: string): string {
  return path.join(cacheRoot, 'sources');
}

function shardOf(file: string): number {
  return parseInt(hash('sha1', file, 'hex').slice(0, 4), 16) % SHARDS;
}

function shardFile(cacheRoot: string, shard: number): string {
  return path.join(folder(cacheRoot), `${String(shard).padStart(2, '0')}.ndjson`);
}

/** Read the source index; a missing or damaged one is an empty index (and damage is counted). */
export async function readSourceIndex(cacheRoot: string): Promise<SourceIndex> {
  const records = new Map<string, SourceRecord>();
  let corrupt = 0;
  const shards = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => readRecords<SourceRecord>(shardFile(cacheRoot, shard))));
  for (const read of shards) {
    corrupt += read.corrupt;
    for (const record of read.records) {
      if (typeof record?.path === 'string' && typeof record.key === 'string') records.set(record.path, record);
    }
  }
  return { records, corrupt };
}

/**
 * Save the records of this run (entries of deleted files go), rewriting only the shards in
 * which a record is new, changed or gone. A record read from the index and kept is the same
 * object, which is how an unchanged shard is recognised.
 */
export async function writeSourceIndex(cacheRoot: string, records: readonly SourceRecord[], previous: SourceIndex): Promise<void> {
  const shards = Array.from({ length: SHARDS }, () => [] as SourceRecord[]);
  const dirty = new Set<number>();
  const kept = new Set<string>();
  for (const record of records) {
    const shard = shardOf(record.path);
    shards[shard]!.push(record);
    kept.add(record.path);
    if (previous.records.get(record.path) !== record) dirty.add(shard);
  }
  for (const file of previous.records.keys()) if (!kept.has(file)) dirty.add(shardOf(file));
  // After damage every shard is rewritten: which one was damaged is not worth tracking.
  if (previous.corrupt > 0) for (let shard = 0; shard < SHARDS; shard++) dirty.add(shard);
  await Promise.all([...dirty].map((shard) => writeRecords(shardFile(cacheRoot, shard), shards[shard]!)));
  // The single-file index of earlier versions is dead weight.
  const stale = (await readdir(cacheRoot).catch(() => [] as string[])).filter((name) => name === 'sources.ndjson');
  await Promise.all(stale.map((name) => rm(path.join(cacheRoot, name), { force: true })));
}
