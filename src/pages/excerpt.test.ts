import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.ts';

describe('excerpt', () => {
  it('leaves a short text as it is, whitespace tidied', () => {
    expect(excerpt('  خبر   کوتاه ', 20)).toBe('خبر کوتاه');
  });

  it('cuts at the last word boundary with «…», never inside a word', () => {
    const text = 'شورای شهر نارین‌دشت بودجهٔ سال آیندهٔ شهرداری را تصویب کرد';
    const cut = excerpt(text, 24);
    expect(cut).toBe('شورای شهر نارین‌دشت…');
    expect(cut).not.toContain('...');
    for (let max = 5; max < text.length; max++) {
      const words = excerpt(text, max).replace(/…$/, '').split(' ');
      expect([...excerpt(text, max)].length).toBeLessThanOrEqual(max + 1);
      for (const word of words) expect(text.split(' ')).toContain(word);
    }
  });

  it('keeps a ZWNJ-joined word whole and drops a dangling comma', () => {
    expect(excerpt('نمایندگان، کارشناسان حمل‌ونقل', 25)).toBe('نمایندگان، کارشناسان…');
    expect(excerpt('یک، دو سه', 5)).toBe('یک…');
    expect(excerpt('یک، دو سه', 6)).toBe('یک، دو…');
  });

  it('cuts a single long word at a character boundary', () => {
    expect(excerpt('الف'.repeat(10), 4)).toBe('الفا…');
  });
});
