import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
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

const FORMAT = 'bayegan-records-1';

function checksum(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * Read a record file: one JSON record per line, each behind the sha1 of its JSON, after a
 * header line naming the format. Lines are read one at a time (a million records never
 * become one string), and a truncated or garbled line is counted and skipped.
 */
export async function readRecords<T>(file: string): Promise<RecordsRead<T>> {
  const result: RecordsRead<T> = { records: [], corrupt: 0, missing: false };
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
    const tab = line.indexOf('\t');
    const json = line.slice(tab + 1);
    if (tab !== 40 || line.slice(0, 40) !== checksum(json)) {
      result.corrupt += 1;
      continue;
    }
    try {
      result.records.push(JSON.parse(json) as T);
    } catch {
      result.corrupt += 1;
    }
  }
  return result;
}

/** Write a record file atomically (temporary file, then rename). */
export async function writeRecords<T>(file: string, records: Iterable<T>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
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
