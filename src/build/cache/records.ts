import { crc32 } from 'node:zlib';
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { temporaryPath } from '../../config/index.ts';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';

/** What a read of a record file found. */
export interface RecordsRead<T> {
  records: T[];
  /** Lines that failed their checksum or did not parse: ignored, never trusted. */
  corrupt: number;
  /** True when the file does not exist (a first build, or a deleted cache). */
  missing: boolean;
}

/**
 * Record files are UTF-16 (little-endian): JavaScript's own strings, so reading one is a copy,
 * where decoding UTF-8 with Persian in it cost most of what reading the source index did (0.2 s
 * of 0.5 s at 20,000 articles). Files of the UTF-8 format before it are still read.
 */
const FORMAT = 'bayegan-records-3';
const FORMAT_BYTES = Buffer.from(`${FORMAT}\n`, 'utf16le');
const UTF8_FORMAT = 'bayegan-records-2';
const NEWLINE = Buffer.from('\n', 'utf16le');

// Below this size a UTF-8 file is read in one piece, which is several times faster than line by line.
const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;
// A UTF-16 file is read this many bytes at a time (a million records never become one string).
const CHUNK_BYTES = 4 * 1024 * 1024;

// CRC-32 finds a cut or garbled line, which is all a cache needs (nothing here is a secret),
// at a fraction of a cryptographic hash's cost over hundreds of megabytes.
function checksum(bytes: string | Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}

/** Parse one line of the UTF-8 format; false when it fails its checksum or does not parse. */
function parseLine<T>(line: string, into: T[]): boolean {
  const tab = line.indexOf('\t');
  const json = line.slice(tab + 1);
  if (tab !== 8 || line.slice(0, 8) !== checksum(json)) return false;
  try {
    into.push(JSON.parse(json) as T);
    return true;
  } catch {
    return false;
  }
}

// A line of the UTF-16 format, bytes [start, end) of `bytes`: 8 hex digits, a tab, the JSON
// (whose UTF-16 bytes the digits are the CRC-32 of); false when it fails its checksum or does not parse.
function parseLine16<T>(bytes: Buffer, start: number, end: number, into: T[]): boolean {
  const json = start + 18;
  if (end < json || bytes.toString('utf16le', start + 16, json) !== '\t') return false;
  // A plain view: a Buffer per line costs more than its checksum.
  if (bytes.toString('utf16le', start, start + 16) !== checksum(new Uint8Array(bytes.buffer, bytes.byteOffset + json, end - json))) return false;
  try {
    into.push(JSON.parse(bytes.toString('utf16le', json, end)) as T);
    return true;
  } catch {
    return false;
  }
}

// The end of the line starting at `from` (a `\n` at an even offset), or -1.
function lineEnd(bytes: Buffer, from: number, to: number): number {
  for (let at = bytes.indexOf(0x0a, from); at !== -1 && at + 1 < to; at = bytes.indexOf(0x0a, at + 1)) {
    if ((at - from) % 2 === 0 && bytes[at + 1] === 0) return at;
  }
  return -1;
}

// Read a UTF-16 record file in chunks, its format line already checked.
function readRecords16<T>(fd: number, result: RecordsRead<T>): void {
  // Every byte of it is read into before it is looked at.
  let buffer = Buffer.allocUnsafe(Math.max(1024, Math.min(CHUNK_BYTES, fstatSync(fd).size)));
  let filled = 0;
  let position = FORMAT_BYTES.length;
  for (;;) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, position);
    position += read;
    filled += read;
    let start = 0;
    for (let end = lineEnd(buffer, 0, filled); end !== -1; end = lineEnd(buffer, start, filled)) {
      if (!parseLine16(buffer, start, end, result.records)) result.corrupt += 1;
      start = end + 2;
    }
    if (read === 0) {
      // A file cut short ends in a partial line, which is damage like any other.
      if (start < filled) result.corrupt += 1;
      return;
    }
    // The partial line goes to the front; a line longer than the buffer makes it grow.
    buffer.copy(buffer, 0, start, filled);
    filled -= start;
    if (filled === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
    }
  }
}

/**
 * Read a record file: one JSON record per line, each behind the CRC-32 of its JSON, after a
 * header line naming the format. A large file is read line by line (a million records never
 * become one string); a truncated or garbled line is counted and skipped.
 */
export async function readRecords<T>(file: string): Promise<RecordsRead<T>> {
  const result: RecordsRead<T> = { records: [], corrupt: 0, missing: false };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { ...result, missing: true };
  }
  try {
    const head = Buffer.alloc(FORMAT_BYTES.length);
    const got = readSync(fd, head, 0, head.length, 0);
    if (got === head.length && head.equals(FORMAT_BYTES)) {
      readRecords16(fd, result);
      return result;
    }
  } finally {
    closeSync(fd);
  }
  return readRecords8(file, result);
}

// A record file of the UTF-8 format (bayegan before records were UTF-16), or anything else.
async function readRecords8<T>(file: string, result: RecordsRead<T>): Promise<RecordsRead<T>> {
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) return { ...result, missing: true };
  if (size < WHOLE_FILE_LIMIT) {
    // Read synchronously: a build waits for the index anyway, and 64 promise round trips idle.
    const lines = readFileSync(file, 'utf8').split('\n');
    // A file cut short ends in a partial line, which fails its checksum like any other damage.
    if (lines[lines.length - 1] === '') lines.pop();
    // Another format or garbage from the first byte: nothing in this file can be trusted.
    if (lines[0] !== UTF8_FORMAT) return { ...result, corrupt: 1 };
    for (let i = 1; i < lines.length; i++) if (!parseLine(lines[i]!, result.records)) result.corrupt += 1;
    return result;
  }
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<boolean>((resolve) => {
    stream.once('open', () => resolve(true));
    stream.once('error', () => resolve(false));
  });
  if (!(await opened)) return { ...result, missing: true };
  let first = true;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (first) {
      first = false;
      if (line !== UTF8_FORMAT) {
        // Another format or garbage from the first byte: nothing in this file can be trusted.
        result.corrupt += 1;
        stream.destroy();
        break;
      }
      continue;
    }
    if (!parseLine(line, result.records)) result.corrupt += 1;
  }
  return result;
}

/** Write a record file atomically (temporary file, then rename). */
export async function writeRecords<T>(file: string, records: Iterable<T>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  const out = createWriteStream(temporary);
  try {
    out.write(FORMAT_BYTES);
    for (const record of records) {
      const json = Buffer.from(JSON.stringify(record), 'utf16le');
      const line = Buffer.concat([Buffer.from(`${checksum(json)}\t`, 'utf16le'), json, NEWLINE]);
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await finished(out);
    await rename(temporary, file);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
