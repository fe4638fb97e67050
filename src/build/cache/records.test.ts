import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { readRecords, writeRecords } from './records.ts';

const folder = () => mkdtempSync(path.join(tmpdir(), 'bayegan-records-'));

describe('record files', () => {
  it('read back what was written, Persian and lines longer than a read included, as UTF-16', async () => {
    const file = path.join(folder(), 'r.ndjson');
    const records = [{ title: 'بین‌الملل', n: 1 }, { text: 'خشونت‌ها\n\t"«»"'.repeat(400_000) }, { empty: '' }, { ch: '\u0a0a\u060a\u0600' }];
    await writeRecords(file, records);
    expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from('ba', 'utf16le'));
    expect(await readRecords(file)).toEqual({ records, corrupt: 0, missing: false });
  });

  it('count a damaged or cut line and keep the rest', async () => {
    const file = path.join(folder(), 'r.ndjson');
    await writeRecords(file, [{ a: 'یک' }, { b: 'دو' }, { c: 'سه' }]);
    const bytes = readFileSync(file);
    // One byte of the second record's JSON changed: its checksum fails.
    const at = bytes.indexOf(Buffer.from('دو', 'utf16le'));
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(file, bytes);
    expect(await readRecords(file)).toEqual({ records: [{ a: 'یک' }, { c: 'سه' }], corrupt: 1, missing: false });
    truncateSync(file, bytes.length - 5);
    expect(await readRecords(file)).toEqual({ records: [{ a: 'یک' }], corrupt: 2, missing: false });
  });

  it('still read the UTF-8 files of earlier versions, and trust nothing of another format', async () => {
    const dir = folder();
    const line = (record: unknown) => {
      const json = JSON.stringify(record);
      return `${crc32(json).toString(16).padStart(8, '0')}\t${json}\n`;
    };
    writeFileSync(path.join(dir, 'old.ndjson'), `bayegan-records-2\n${line({ t: 'تهران' })}${line({ n: 2 })}`);
    expect(await readRecords(path.join(dir, 'old.ndjson'))).toEqual({ records: [{ t: 'تهران' }, { n: 2 }], corrupt: 0, missing: false });
    writeFileSync(path.join(dir, 'other.ndjson'), `bayegan-records-9\n${line({ n: 1 })}`);
    expect(await readRecords(path.join(dir, 'other.ndjson'))).toEqual({ records: [], corrupt: 1, missing: false });
    expect((await readRecords(path.join(dir, 'none.ndjson'))).missing).toBe(true);
  });
});
