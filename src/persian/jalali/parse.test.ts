import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jalaliMonthLength } from './calendar.ts';
import { formatJalaliCanonical } from './format.ts';
import { parseJalaliDate } from './parse.ts';
import type { JalaliParseError } from './types.ts';

/** The error of a parse that must fail. */
function errorOf(input: string): JalaliParseError {
  const result = parseJalaliDate(input);
  if (result.ok) throw new Error(`expected \`${input}\` to fail, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('parseJalaliDate: accepted spellings', () => {
  const spellings = [
    '1393-09-06',
    '1393/09/06',
    '1393/9/6',
    '۱۳۹۳/۰۹/۰۶',
    '١٣٩٣/٠٩/٠٦',
    '۱۳۹۳-۰۹-۰۶',
    '۶ آذر ۱۳۹۳',
    '۶ قوس ۱۳۹۳',
    '6 آذر 1393',
    'پنجشنبه ۶ آذر ۱۳۹۳',
    'پنج‌شنبه، ۶ آذر ۱۳۹۳',
    'پنج شنبه, 6 آذر 1393',
    '  ۱۳۹۳/۰۹/۰۶\u200f ',
  ];
  it.each(spellings)('reads `%s` as 6 Azar 1393 without a time', (input) => {
    expect(parseJalaliDate(input)).toEqual({ ok: true, value: { jy: 1393, jm: 9, jd: 6 } });
  });

  const timed = [
    '1393/09/06 14:30',
    '۱۳۹۳/۰۹/۰۶ ۱۴:۳۰',
    '۶ آذر ۱۳۹۳ ساعت ۱۴:۳۰',
    '۶ آذر ۱۳۹۳، ساعت ۱۴:۳۰',
    '1393-09-06T14:30',
    '1393-09-06 - 14:30',
  ];
  it.each(timed)('reads `%s` as 6 Azar 1393 at 14:30', (input) => {
    expect(parseJalaliDate(input)).toEqual({ ok: true, value: { jy: 1393, jm: 9, jd: 6, hour: 14, minute: 30 } });
  });

  it('accepts a one-digit hour', () => {
    expect(parseJalaliDate('1393-09-06 9:05')).toEqual({ ok: true, value: { jy: 1393, jm: 9, jd: 6, hour: 9, minute: 5 } });
  });

  it('accepts month-name variants and Arabic letters', () => {
    expect(parseJalaliDate('۵ امرداد ۱۳۹۳')).toMatchObject({ ok: true, value: { jm: 5 } });
    expect(parseJalaliDate('۵ جوزاء ۱۳۹۳')).toMatchObject({ ok: true, value: { jm: 3 } });
    expect(parseJalaliDate('۱۰ اردی بهشت ۱۳۹۳')).toMatchObject({ ok: true, value: { jm: 2 } });
    expect(parseJalaliDate('۱ فروردين ۱۳۹۳')).toMatchObject({ ok: true, value: { jm: 1 } });
    expect(parseJalaliDate('۱ جدي ۱۳۹۳')).toMatchObject({ ok: true, value: { jm: 10 } });
  });

  it('reads back every canonical date it writes', () => {
    const dates = fc
      .record({ jy: fc.integer({ min: 1, max: 1700 }), jm: fc.integer({ min: 1, max: 12 }), jd: fc.integer({ min: 1, max: 31 }) })
      .filter((d) => d.jd <= jalaliMonthLength(d.jy, d.jm));
    fc.assert(
      fc.property(dates, (d) => {
        expect(parseJalaliDate(formatJalaliCanonical(d))).toEqual({ ok: true, value: d });
      }),
    );
  });
});

describe('parseJalaliDate: leap years', () => {
  it.each(['1399-12-30', '1403-12-30'])('accepts Esfand 30 of leap year %s', (input) => {
    expect(parseJalaliDate(input)).toMatchObject({ ok: true, value: { jm: 12, jd: 30 } });
  });

  it.each(['1393', '1400', '1402'])('rejects Esfand 30 of common year %s', (year) => {
    const error = errorOf(`${year}-12-30`);
    expect(error.kind).toBe('day');
    expect(error.message).toBe(`Unexpected day \`30\`, expected 1–29: Esfand ${year} has 29 days`);
  });
});

describe('parseJalaliDate: errors', () => {
  it('names the Jalali date a Gregorian date means', () => {
    expect(errorOf('2014-11-27')).toEqual({
      kind: 'gregorian',
      message: 'Unexpected Gregorian date `2014-11-27`, expected a Jalali date: did you mean `1393-09-06`?',
      suggestion: '1393-09-06',
    });
    expect(errorOf('2014-11-27 14:30').suggestion).toBe('1393-09-06 14:30');
    expect(errorOf('2014-11-27T14:30:00Z')).toMatchObject({ kind: 'gregorian', suggestion: '1393-09-06' });
  });

  it('gives no suggestion for an impossible Gregorian date', () => {
    const error = errorOf('2014-02-30');
    expect(error.kind).toBe('gregorian');
    expect(error.suggestion).toBeUndefined();
  });

  it('rejects a month outside 1–12', () => {
    expect(errorOf('1393-13-01')).toEqual({ kind: 'month', message: 'Unexpected month `13`, expected 1–12' });
    expect(errorOf('1393-00-01').kind).toBe('month');
  });

  it('rejects a day the month does not have', () => {
    expect(errorOf('1393-07-31')).toEqual({ kind: 'day', message: 'Unexpected day `31`, expected 1–30: Mehr 1393 has 30 days' });
    expect(errorOf('1393-01-00').kind).toBe('day');
    expect(errorOf('۳۱ مهر ۱۳۹۳').kind).toBe('day');
  });

  it('rejects an unknown month name', () => {
    const error = errorOf('۶ فلان ۱۳۹۳');
    expect(error.kind).toBe('month-name');
    expect(error.message).toContain('`فلان`');
    expect(error.suggestion).toBeUndefined();
  });

  it('suggests the month a misspelt name probably means', () => {
    expect(errorOf('۶ آذز ۱۳۹۳')).toEqual({
      kind: 'month-name',
      message: 'Unexpected month name `آذز`, expected a Jalali month name: did you mean `آذر`?',
      suggestion: '1393-09-06',
    });
  });

  it('lists the accepted forms when nothing is recognisable', () => {
    expect(errorOf('hello')).toEqual({
      kind: 'format',
      message:
        'Unexpected `hello`, expected a Jalali date such as `1393-09-06`, `1393/09/06 14:30`, `۱۳۹۳/۰۹/۰۶` or `۶ آذر ۱۳۹۳`',
    });
    expect(errorOf('').kind).toBe('format');
    expect(errorOf('1393-09/06').kind).toBe('format');
  });

  it('rejects an impossible time', () => {
    expect(errorOf('1393-09-06 25:00')).toEqual({
      kind: 'time',
      message: 'Unexpected time `25:00`, expected `HH:MM` from 00:00 to 23:59',
    });
    expect(errorOf('1393-09-06 12:60').kind).toBe('time');
  });

  it('rejects years outside 1–1700 and short years', () => {
    expect(errorOf('0000-01-01').kind).toBe('year');
    expect(errorOf('2500-01-01').kind).toBe('year');
    expect(errorOf('93/9/6').kind).toBe('year');
    expect(errorOf('۶ آذر ۲۰۱۴').kind).toBe('year');
  });

  it('rejects a weekday that does not match the date', () => {
    expect(errorOf('شنبه ۶ آذر ۱۳۹۳')).toEqual({
      kind: 'day',
      message: 'Unexpected weekday `شنبه`, expected `پنج‌شنبه`: 6 Azar 1393 is a Thursday',
    });
  });

  it('rejects words that are not a weekday before the day', () => {
    expect(errorOf('فردا ۶ آذر ۱۳۹۳').kind).toBe('format');
  });
});
