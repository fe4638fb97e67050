import { describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from './digits.ts';

describe('toPersianDigits', () => {
  it('converts Latin and Arabic-Indic digits to Persian', () => {
    expect(toPersianDigits('0123456789')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(toPersianDigits('٠١٢٣٤٥٦٧٨٩')).toBe('۰۱۲۳۴۵۶۷۸۹');
  });

  it('keeps everything that is not a digit', () => {
    expect(toPersianDigits('سال 1393، ساعت 14:30')).toBe('سال ۱۳۹۳، ساعت ۱۴:۳۰');
  });
});

describe('toLatinDigits', () => {
  it('converts Persian and Arabic-Indic digits to Latin', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('folds mixed digits in one string', () => {
    expect(toLatinDigits('۱۳٩3/۰٩/06')).toBe('1393/09/06');
  });
});
