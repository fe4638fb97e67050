import { describe, expect, it } from 'vitest';
import { applyEdits } from './edit.ts';

describe('applyEdits', () => {
  it('changes only the edited ranges and keeps a BOM and CRLF line ends', () => {
    const before = Buffer.from('\uFEFFtitle: كتاب\r\ndate: ۶ آذر ۱۳۹۳\r\n');
    const text = before.toString('utf8').slice(1);
    const start = text.indexOf('۶');
    const result = applyEdits(before, [
      { start, end: text.indexOf('\r', start), text: '1393-09-06' },
      { start: 7, end: 8, text: 'ک' },
    ]);
    expect(Buffer.from(result!.bytes).toString('utf8')).toBe('\uFEFFtitle: کتاب\r\ndate: 1393-09-06\r\n');
  });

  it('applies the first of two overlapping edits, the same edit once, and nothing to a file that is not UTF-8', () => {
    const result = applyEdits(Buffer.from('abcdef'), [
      { start: 1, end: 3, text: 'X' },
      { start: 2, end: 4, text: 'Y' },
      { start: 1, end: 3, text: 'X' },
    ]);
    expect(Buffer.from(result!.bytes).toString()).toBe('aXdef');
    expect(result!.skipped).toEqual([{ start: 2, end: 4, text: 'Y' }]);
    expect(applyEdits(Buffer.of(0xff), [{ start: 0, end: 0, text: 'x' }])).toBeUndefined();
  });
});
