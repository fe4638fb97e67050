import { describe, expect, it } from 'vitest';
import { formatJalaliCanonical, formatJalaliDisplay } from './format.ts';
import { AFGHAN_MONTHS, IRAN_MONTHS, monthFromName, monthName } from './months.ts';

describe('formatJalaliCanonical', () => {
  it('writes Latin, zero-padded digits', () => {
    expect(formatJalaliCanonical({ jy: 1393, jm: 9, jd: 6 })).toBe('1393-09-06');
    expect(formatJalaliCanonical({ jy: 1393, jm: 9, jd: 6, hour: 4, minute: 5 })).toBe('1393-09-06 04:05');
  });
});

describe('formatJalaliDisplay', () => {
  const date = { jy: 1393, jm: 9, jd: 6 };

  it('writes Persian digits and the chosen month names', () => {
    expect(formatJalaliDisplay(date, 'iran')).toBe('۶ آذر ۱۳۹۳');
    expect(formatJalaliDisplay(date, 'afghanistan')).toBe('۶ قوس ۱۳۹۳');
  });

  it('names every month in both sets', () => {
    for (let jm = 1; jm <= 12; jm++) {
      expect(formatJalaliDisplay({ jy: 1400, jm, jd: 1 }, 'iran')).toBe(`۱ ${IRAN_MONTHS[jm - 1]} ۱۴۰۰`);
      expect(formatJalaliDisplay({ jy: 1400, jm, jd: 1 }, 'afghanistan')).toBe(`۱ ${AFGHAN_MONTHS[jm - 1]} ۱۴۰۰`);
    }
    expect(IRAN_MONTHS.join('،')).toBe('فروردین،اردیبهشت،خرداد،تیر،مرداد،شهریور،مهر،آبان،آذر،دی،بهمن،اسفند');
    expect(AFGHAN_MONTHS.join('،')).toBe('حمل،ثور،جوزا،سرطان،اسد،سنبله،میزان،عقرب،قوس،جدی،دلو،حوت');
  });

  it('adds the time only when asked and present', () => {
    const timed = { ...date, hour: 14, minute: 30 };
    expect(formatJalaliDisplay(timed, 'iran', { time: true })).toBe('۶ آذر ۱۳۹۳، ساعت ۱۴:۳۰');
    expect(formatJalaliDisplay(timed, 'iran')).toBe('۶ آذر ۱۳۹۳');
    expect(formatJalaliDisplay(date, 'iran', { time: true })).toBe('۶ آذر ۱۳۹۳');
  });
});

describe('month names', () => {
  it('reads both name sets back to the same month', () => {
    for (let jm = 1; jm <= 12; jm++) {
      expect(monthFromName(monthName(jm, 'iran'))).toBe(jm);
      expect(monthFromName(monthName(jm, 'afghanistan'))).toBe(jm);
    }
  });

  it('throws on a month outside 1–12', () => {
    expect(() => monthName(13, 'iran')).toThrow(RangeError);
  });
});
