import { describe, expect, it } from 'vitest';
import { toDisplayText } from './typography.ts';

describe('toDisplayText', () => {
  it('uses Persian digits and letters in Persian text', () => {
    expect(toDisplayText('سال 2014، ويروس كرونا')).toBe('سال ۲۰۱۴، ویروس کرونا');
    expect(toDisplayText('(٢٠١٤)')).toBe('(۲۰۱۴)');
  });

  it('leaves digits of Latin-script tokens alone', () => {
    for (const token of ['COVID-19', 'H2O', 'MP3', 'G20', 'v1.2']) {
      expect(toDisplayText(`واژهٔ ${token} در متن`)).toBe(`واژهٔ ${token} در متن`);
    }
  });

  it('leaves URLs and e-mail addresses exactly as written', () => {
    expect(toDisplayText('نشانی https://x.org/a1 است')).toBe('نشانی https://x.org/a1 است');
    expect(toDisplayText('https://fa.example.org/مقاله/1393')).toBe('https://fa.example.org/مقاله/1393');
    expect(toDisplayText('ایمیل a1@b.com')).toBe('ایمیل a1@b.com');
  });

  it('writes Persian decimal and thousands separators and percent sign', () => {
    expect(toDisplayText('3.5')).toBe('۳٫۵');
    expect(toDisplayText('1,200')).toBe('۱٬۲۰۰');
    expect(toDisplayText('50%')).toBe('۵۰٪');
  });

  it('keeps time and date separators', () => {
    expect(toDisplayText('14:30')).toBe('۱۴:۳۰');
    expect(toDisplayText('1393/09/06')).toBe('۱۳۹۳/۰۹/۰۶');
  });

  it('does not read a list comma as a thousands separator', () => {
    expect(toDisplayText('1,2')).toBe('۱,۲');
  });

  it('preserves whitespace exactly', () => {
    expect(toDisplayText(' a  1\n2 ')).toBe(' a  ۱\n۲ ');
  });
});
