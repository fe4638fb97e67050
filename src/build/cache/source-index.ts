import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.ts';
import type { FrontMatter, MarkdownFacts } from '../../parse/index.ts';
import type { CheckedSource } from '../../validate/index.ts';
import { pack, unpack, type PackedSource } from './pack.ts';
import { readRecords, writeRecords } from './records.ts';

/** A file's own check (front matter and values), cached under the settings and code it ran with. */
export interface CheckedCache {
  configKey: string;
  source: CheckedSource;
  diagnostics: Diagnostic[];
  /** What the source gives the rules across files (`crossFileKey`); made again when missing. */
  crossKey?: string;
}

/** What parsing a file gave: read back only when the file's own check must run again. */
export interface ParsedPayload {
  frontMatter?: FrontMatter;
  facts?: MarkdownFacts;
}

/**
 * What the cache knows of one source file: its stat stamp and content hash (so an untouched
 * file is not even read), what parsing it reported, and its own check (so an unchanged file is
 * neither parsed nor checked again). The parse payload lives in separate files, read on demand.
 */
export interface SourceRecord extends ParsedPayload {
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
  checked?: CheckedCache;
}

type MetaLine = Omit<SourceRecord, keyof ParsedPayload | 'checked'> & { checked?: Omit<CheckedCache, 'source'> & { source: PackedSource } };
type PayloadLine = ParsedPayload & { path: string; key: string };

/** The source index of a cache folder: path → record, without parse payloads. */
export interface SourceIndex {
  records: Map<string, SourceRecord>;
  /** Records that were damaged and ignored. */
  corrupt: number;
}

// The index is split by path into this many files: each stays small enough to read in one
// piece, and an edit rewrites one of them, not an index of a million records.
const SHARDS = 64;

// FNV-1a over the path's UTF-16 code units: stable, and far cheaper than a crypto hash per file.
function shardOf(file: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

function shardFile(cacheRoot: string, shard: number, kind: 'meta' | 'parse'): string {
  return path.join(cacheRoot, 'sources', `${String(shard).padStart(2, '0')}.${kind}.ndjson`);
}

function metaLine(record: SourceRecord): MetaLine {
  const { frontMatter: _frontMatter, facts: _facts, checked, ...rest } = record;
  return checked ? { ...rest, checked: { ...checked, source: pack(checked.source, record.path, record.hash) } } : rest;
}

/** Read the records (without payloads); a missing or damaged index is an empty one, damage counted. */
export async function readSourceIndex(cacheRoot: string): Promise<SourceIndex> {
  const records = new Map<string, SourceRecord>();
  let corrupt = 0;
  // One shard at a time: reading all at once would hold every shard's text in memory together.
  for (let shard = 0; shard < SHARDS; shard++) {
    const read = await readRecords<MetaLine>(shardFile(cacheRoot, shard, 'meta'));
    corrupt += read.corrupt;
    for (const line of read.records) {
      if (typeof line?.path !== 'string' || typeof line.key !== 'string') continue;
      const record = line as SourceRecord;
      if (line.checked) record.checked = { ...line.checked, source: unpack(line.checked.source, line.path, line.hash) };
      records.set(line.path, record);
    }
  }
  return { records, corrupt };
}

/** The parse payloads of some paths (under their current keys); a path whose payload is missing is left out. */
export async function readPayloads(cacheRoot: string, wanted: Map<string, string>): Promise<Map<string, ParsedPayload>> {
  const found = new Map<string, ParsedPayload>();
  const shards = new Set([...wanted.keys()].map(shardOf));
  for (const shard of [...shards].sort((a, b) => a - b)) {
    for (const line of (await readRecords<PayloadLine>(shardFile(cacheRoot, shard, 'parse'))).records) {
      if (wanted.get(line?.path) === line.key) found.set(line.path, { frontMatter: line.frontMatter, facts: line.facts });
    }
  }
  return found;
}

/**
 * Save the records of this run (entries of deleted files go). A record read from the index and
 * kept is the same object; a record whose payload was parsed now carries it. Only shards with a
 * changed, new or removed record are written; a payload shard keeps the payloads it had for the
 * records that did not change.
 */
export async function writeSourceIndex(cacheRoot: string, records: readonly SourceRecord[], previous: SourceIndex): Promise<void> {
  const shards = Array.from({ length: SHARDS }, () => [] as SourceRecord[]);
  const fresh = Array.from({ length: SHARDS }, () => new Map<string, PayloadLine>());
  const metaDirty = new Set<number>();
  const parseDirty = new Set<number>();
  const kept = new Map<string, string>();
  for (const record of records) {
    const shard = shardOf(record.path);
    shards[shard]!.push(record);
    kept.set(record.path, record.key);
    if (previous.records.get(record.path) !== record) metaDirty.add(shard);
    const { frontMatter, facts } = record;
    if (frontMatter !== undefined || facts !== undefined || previous.records.get(record.path)?.key !== record.key) {
      fresh[shard]!.set(record.path, { path: record.path, key: record.key, frontMatter, facts });
      parseDirty.add(shard);
    }
  }
  for (const file of previous.records.keys()) {
    if (kept.has(file)) continue;
    metaDirty.add(shardOf(file));
    parseDirty.add(shardOf(file));
  }
  // After damage every shard is rewritten: which one was damaged is not worth tracking.
  if (previous.corrupt > 0) for (let shard = 0; shard < SHARDS; shard++) metaDirty.add(shard);
  for (const shard of metaDirty) await writeRecords(shardFile(cacheRoot, shard, 'meta'), shards[shard]!.map(metaLine));
  for (const shard of parseDirty) {
    const old = await readRecords<PayloadLine>(shardFile(cacheRoot, shard, 'parse'));
    const lines = new Map(old.records.filter((l) => kept.get(l?.path) === l.key).map((l) => [l.path, l]));
    for (const [file, line] of fresh[shard]!) lines.set(file, line);
    await writeRecords(shardFile(cacheRoot, shard, 'parse'), lines.values());
  }
  // The index files of earlier versions are dead weight.
  const stale = (await readdir(path.join(cacheRoot, 'sources')).catch(() => [] as string[])).filter((name) => /^\d\d\.ndjson$/.test(name));
  await Promise.all([...stale, '../sources.ndjson'].map((name) => rm(path.join(cacheRoot, 'sources', name), { force: true })));
}
