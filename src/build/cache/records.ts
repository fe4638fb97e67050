import { crc32 } from 'node:zlib';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
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

const FORMAT = 'bayegan-records-2';

// Below this size a file is read in one piece, which is several times faster than line by line.
const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

// CRC-32 finds a cut or garbled line, which is all a cache needs (nothing here is a secret),
// at a fraction of a cryptographic hash's cost over hundreds of megabytes.
function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}

/** Parse one line; false when it fails its checksum or does not parse. */
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

/**
 * Read a record file: one JSON record per line, each behind the CRC-32 of its JSON, after a
 * header line naming the format. A large file is read line by line (a million records never
 * become one string); a truncated or garbled line is counted and skipped.
 */
export async function readRecords<T>(file: string): Promise<RecordsRead<T>> {
  const result: RecordsRead<T> = { records: [], corrupt: 0, missing: false };
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) return { ...result, missing: true };
  if (size < WHOLE_FILE_LIMIT) {
    // Read synchronously: a build waits for the index anyway, and 64 promise round trips idle.
    const lines = readFileSync(file, 'utf8').split('\n');
    // A file cut short ends in a partial line, which fails its checksum like any other damage.
    if (lines[lines.length - 1] === '') lines.pop();
    // Another format or garbage from the first byte: nothing in this file can be trusted.
    if (lines[0] !== FORMAT) return { ...result, corrupt: 1 };
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
      if (line !== FORMAT) {
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
    out.write(`${FORMAT}\n`);
    for (const record of records) {
      const json = JSON.stringify(record);
      if (!out.write(`${checksum(json)}\t${json}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
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
