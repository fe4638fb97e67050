import { describe, expect, it } from 'vitest';
import { isLeapJalaliYear, jalaliMonthLength } from './calendar.ts';
import { compareJalali, gregorianToJalali, jalaliSortKey, jalaliToGregorian, jalaliWeekday, toIsoDate } from './convert.ts';

describe('conversion', () => {
  it('converts 1393-09-06 to 2014-11-27 and back', () => {
    expect(jalaliToGregorian({ jy: 1393, jm: 9, jd: 6 })).toEqual({ gy: 2014, gm: 11, gd: 27 });
    expect(gregorianToJalali(2014, 11, 27)).toEqual({ jy: 1393, jm: 9, jd: 6 });
    expect(toIsoDate({ jy: 1393, jm: 9, jd: 6 })).toBe('2014-11-27');
  });

  it('puts Nowruz on the right Gregorian day', () => {
    expect(toIsoDate({ jy: 1403, jm: 1, jd: 1 })).toBe('2024-03-20');
    expect(toIsoDate({ jy: 1403, jm: 12, jd: 30 })).toBe('2025-03-20');
  });

  it('knows the weekday, Saturday first', () => {
    expect(jalaliWeekday({ jy: 1393, jm: 9, jd: 6 })).toBe(5); // Thursday
    expect(jalaliWeekday({ jy: 1393, jm: 9, jd: 8 })).toBe(0); // Saturday
  });
});

describe('leap years', () => {
  it('finds exactly 1395, 1399 and 1403 leap among 1393–1404', () => {
    // 1395 is leap too: 1 Farvardin 1396 fell on 21 March 2017, a day after Esfand 30.
    const years = Array.from({ length: 12 }, (_, i) => 1393 + i);
    expect(years.filter((jy) => isLeapJalaliYear(jy))).toEqual([1395, 1399, 1403]);
  });

  it('agrees with the persian calendar of Intl for 1300–1500', () => {
    const persian = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', day: 'numeric' });
    for (let jy = 1300; jy <= 1500; jy++) {
      // The day before 1 Farvardin of the next year is the last day of Esfand.
      const nowruz = toIsoDate({ jy: jy + 1, jm: 1, jd: 1 });
      const lastDay = Number(persian.format(Date.parse(nowruz) - 86_400_000));
      expect(lastDay, `Esfand ${jy}`).toBe(isLeapJalaliYear(jy) ? 30 : 29);
    }
  });

  it('gives Esfand 30 days in leap years and 29 otherwise', () => {
    expect(jalaliMonthLength(1399, 12)).toBe(30);
    expect(jalaliMonthLength(1400, 12)).toBe(29);
    expect(jalaliMonthLength(1393, 1)).toBe(31);
    expect(jalaliMonthLength(1393, 7)).toBe(30);
  });
});

describe('ordering', () => {
  it('builds a monotonic sort key', () => {
    expect(jalaliSortKey({ jy: 1393, jm: 9, jd: 6, hour: 14, minute: 30 })).toBe(139309061430);
    expect(jalaliSortKey({ jy: 1393, jm: 9, jd: 6 })).toBe(139309060000);
  });

  it('sorts a missing time as midnight', () => {
    const day = { jy: 1393, jm: 9, jd: 6 };
    expect(compareJalali(day, { ...day, hour: 0, minute: 0 })).toBe(0);
    expect(compareJalali(day, { ...day, hour: 0, minute: 1 })).toBeLessThan(0);
    expect(compareJalali({ jy: 1394, jm: 1, jd: 1 }, { jy: 1393, jm: 12, jd: 29, hour: 23, minute: 59 })).toBeGreaterThan(0);
  });
});
