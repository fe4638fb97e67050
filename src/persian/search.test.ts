import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ISSUE_PAIRS } from '../../test/helpers/search-pairs.ts';
import { normalizeSearch, searchDisplay, searchQueries, searchText, searchWords } from './search.ts';

// Other words, spelt the ways legacy archives and other keyboards spell them.
const MORE_PAIRS: Array<[string, string]> = [
  ['کتاب‌های', 'كتاب هاي'],
  ['بزرگ‌ترین', 'بزرگ ترین'],
  ['بزرگترین', 'بزرگ‌ترين'],
  ['نمی‌توانند', 'نمي توانند'],
  ['گفته‌اند', 'گفته اند'],
  ['رسانه‌ای', 'رسانه اي'],
  ['خانهٔ', 'خانۀ'],
  ['مسئول', 'مسیٔول'],
  ['پائیز', 'پاییز'],
  ['مؤسسه', 'موسسه'],
  ['إسلام', 'اسلام'],
  ['مدرسة', 'مدرسه'],
  ['کـــتاب', 'کتاب'],
  ['عِلم', 'علم'],
  ['٢٠١٤', '2014'],
  ['۲۰۱۴', '٢٠١٤'],
  ['ﻻ', 'لا'],
  ['COVID', 'covid'],
  ['\u200fتهران\u200e', 'تهران'],
];

describe('normalizeSearch', () => {
  it.each([...ISSUE_PAIRS, ...MORE_PAIRS])('folds %s and %s to one key', (a, b) => {
    expect(normalizeSearch(a)).toBe(normalizeSearch(b));
  });

  it('gives the keys the index and Pagefind compare', () => {
    expect(normalizeSearch('خشونت ها')).toBe('خشونتها');
    expect(normalizeSearch('می شود')).toBe('میشود');
    expect(normalizeSearch('نمی‌شود')).toBe('نمیشود');
    expect(normalizeSearch('كـتاب ۱۲ ٣ عِلمي')).toBe('کتاب 12 3 علمی');
    expect(normalizeSearch('  اخبار \u00a0\t ورزشی\n')).toBe('اخبار ورزشی');
  });

  it('keeps آ apart from nothing that Pagefind keeps apart, and ا apart from و', () => {
    expect(normalizeSearch('آب')).toBe('اب');
    expect(normalizeSearch('باد')).not.toBe(normalizeSearch('بود'));
  });

  it('joins a suffix only to a word: not across punctuation or to a number', () => {
    expect(normalizeSearch('است. ای مردم')).toBe('است. ای مردم');
    expect(normalizeSearch('دهه ۷۰ ها')).toBe('دهه 70 ها');
    expect(normalizeSearch('ها')).toBe('ها');
    expect(normalizeSearch('خشونت ها، درگیری')).toBe('خشونتها، درگیری');
  });

  it('joins می to the next word only when a word follows', () => {
    expect(normalizeSearch('می')).toBe('می');
    expect(normalizeSearch('می 20')).toBe('می 20');
    expect(normalizeSearch('میز ها')).toBe('میزها');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeSearch(normalizeSearch(s)) === normalizeSearch(s)));
    const persian = fc.string({ unit: fc.constantFrom(...'ابپتکگیيكهةۀئ‌ ـ۱۲3٤می'.split('')) });
    fc.assert(fc.property(persian, (s) => normalizeSearch(normalizeSearch(s)) === normalizeSearch(s)));
  });
});

describe('searchText', () => {
  it('keeps the text readable as written: ZWNJ, diacritics and hamza marks stay', () => {
    expect(searchText('خشونت‌ها')).toBe('خشونت‌ها');
    expect(searchText('عِلم')).toBe('عِلم');
    expect(searchText('أسد')).toBe('أسد');
  });

  it('joins a separated affix with a ZWNJ, not by removing the gap', () => {
    expect(searchText('خشونت ها و کتاب های تازه می شود')).toBe('خشونت‌ها و کتاب‌های تازه می‌شود');
    expect(searchText('می‌ شود')).toBe('می‌شود');
  });

  it('spells ۀ and ئ as letter and hamza mark, Arabic letters as Persian, digits in Latin', () => {
    expect(searchText('خانۀ')).toBe('خانه\u0654');
    expect(searchText('مسئول')).toBe('مسی\u0654ول');
    expect(searchText('علي كتاب ۱۳۹۳ ٤')).toBe('علی کتاب 1393 4');
  });

  it('collapses whitespace', () => {
    expect(searchText(' الف\n\nب\t ج ')).toBe('الف ب ج');
    expect(searchText(' \u200c ')).toBe('');
  });
});

describe('searchDisplay', () => {
  it('shows indexed text as the site shows the original', () => {
    expect(searchDisplay(searchText('هیئت مسئول در ۱۳۹۳ و COVID-19'))).toBe('هیئت مسئول در ۱۳۹۳ و COVID-19');
    expect(searchDisplay(searchText('بودجهٔ سال 1393'))).toBe('بودجهٔ سال ۱۳۹۳');
  });
});

describe('searchWords', () => {
  it('drops punctuation, as Pagefind does', () => {
    expect(searchWords('«خشونت ها»، (ایران)؟')).toEqual(['خشونتها', 'ایران']);
    expect(searchWords('۱٬۰۰۰')).toEqual(['1000']);
  });
});

describe('searchQueries', () => {
  it('asks for the words as written first', () => {
    expect(searchQueries('خشونت ها')).toEqual(['خشونتها']);
    expect(searchQueries('  ')).toEqual([]);
  });

  it('also asks for a ZWNJ compound as two words, and two words as one', () => {
    expect(searchQueries('بین‌المللی')).toEqual(['بینالمللی', 'بین المللی']);
    expect(searchQueries('بین المللی')).toEqual(['بین المللی', 'بینالمللی']);
  });

  it('keeps a word and its affixes together when splitting compounds', () => {
    expect(searchQueries('کتاب‌های')).toEqual(['کتابهای']);
    expect(searchQueries('نمی‌توانند')).toEqual(['نمیتوانند']);
  });
});
