import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from './edit-distance.ts';
import { nearest, normalizeIdentity, toPersianLetters } from './normalize.ts';

describe('toPersianLetters', () => {
  it('replaces Arabic yeh, alef maksura and kaf, and nothing else', () => {
    expect(toPersianLetters('كتاب علي موسى')).toBe('کتاب علی موسی');
    expect(toPersianLetters('مدرسة ۱۲ أ')).toBe('مدرسة ۱۲ أ');
  });
});

describe('normalizeIdentity', () => {
  it('gives one key to the space, ZWNJ, Arabic-yeh and joined spellings', () => {
    const spellings = ['بین الملل', 'بین‌الملل', 'بين‌الملل', 'بینالملل', 'بین‌ الملل', 'بین\u00a0الملل', 'بین-الملل'];
    const keys = new Set(spellings.map(normalizeIdentity));
    expect([...keys]).toEqual(['بینالملل']);
  });

  it('folds Arabic kaf', () => {
    expect(normalizeIdentity('كتاب')).toBe(normalizeIdentity('کتاب'));
  });

  it('removes tatweel and diacritics', () => {
    expect(normalizeIdentity('کـــتاب')).toBe('کتاب');
    expect(normalizeIdentity('کِتاب')).toBe('کتاب');
    expect(normalizeIdentity('مُحَمَّد')).toBe('محمد');
  });

  it('folds teh marbuta, heh with yeh and hamza-carrying letters', () => {
    expect(normalizeIdentity('مدرسة')).toBe('مدرسه');
    expect(normalizeIdentity('خانۀ')).toBe(normalizeIdentity('خانهٔ'));
    expect(normalizeIdentity('أسد')).toBe('اسد');
    expect(normalizeIdentity('مؤمن')).toBe('مومن');
    // A Persian keyboard writes ی + hamza mark, an Arabic one ئ: both must meet.
    expect(normalizeIdentity('پائیز')).toBe(normalizeIdentity('پاییز'));
    expect(normalizeIdentity('مسئول')).toBe(normalizeIdentity('مسیٔول'));
  });

  it('keeps آ distinct from ا', () => {
    expect(normalizeIdentity('آب')).not.toBe(normalizeIdentity('اب'));
  });

  it('folds digits and Latin case, drops bidi marks and dashes', () => {
    expect(normalizeIdentity('G۲۰')).toBe('g20');
    expect(normalizeIdentity('G٢٠')).toBe('g20');
    expect(normalizeIdentity('\u200fورزش\u200e')).toBe('ورزش');
    expect(normalizeIdentity('Hello_World — x')).toBe('helloworldx');
  });

  it('recomposes what removing a mark unblocks', () => {
    expect(normalizeIdentity('e\u0654\u0301')).toBe('\u00e9');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeIdentity(normalizeIdentity(s)) === normalizeIdentity(s)));
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('serivce', 'service')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('nearest', () => {
  it('suggests the closest candidate', () => {
    expect(nearest('serivce', ['title', 'service', 'shenaseh'])).toBe('service');
    expect(nearest('بین‌المل', ['ورزش', 'بین‌الملل'])).toBe('بین‌الملل');
  });

  it('compares identity keys, so spelling variants cost nothing', () => {
    expect(nearest('بين الملل', ['اقتصاد', 'بین‌الملل'])).toBe('بین‌الملل');
  });

  it('suggests nothing when no candidate is near', () => {
    expect(nearest('xyzzy', ['title', 'service', 'shenaseh'])).toBeUndefined();
    expect(nearest('', ['a'])).toBeUndefined();
  });

  it('honours an explicit maximum distance', () => {
    expect(nearest('servize', ['service'], 0)).toBeUndefined();
    expect(nearest('servize', ['service'], 1)).toBe('service');
  });

  it('breaks ties by candidate order', () => {
    expect(nearest('cat', ['bat', 'hat'])).toBe('bat');
    expect(nearest('cat', ['hat', 'bat'])).toBe('hat');
  });
});
