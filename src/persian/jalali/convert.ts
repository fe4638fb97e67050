/**
 * Conversion between Jalali and Gregorian dates, ordering, and the ISO date.
 */
import { toGregorian, toJalaali } from 'jalaali-js';
import type { JalaliDate } from './types.ts';

/** A Gregorian calendar date (month 1–12). */
export interface GregorianDate {
  gy: number;
  gm: number;
  gd: number;
}

/** The Gregorian date of a Jalali date (the time, if any, is ignored). */
export function jalaliToGregorian(d: JalaliDate): GregorianDate {
  return toGregorian(d.jy, d.jm, d.jd);
}

/** The Jalali date of a Gregorian date, without a time. */
export function gregorianToJalali(gy: number, gm: number, gd: number): JalaliDate {
  const { jy, jm, jd } = toJalaali(gy, gm, gd);
  return { jy, jm, jd };
}

/** The Gregorian ISO-8601 calendar date, e.g. `2014-11-27`. */
export function toIsoDate(d: JalaliDate): string {
  const { gy, gm, gd } = jalaliToGregorian(d);
  return `${pad(gy, 4)}-${pad(gm, 2)}-${pad(gd, 2)}`;
}

/** The day of the week, 0 = Saturday (شنبه) … 6 = Friday (جمعه), as the Persian week counts. */
export function jalaliWeekday(d: JalaliDate): number {
  const { gy, gm, gd } = jalaliToGregorian(d);
  const date = new Date(0);
  date.setUTCFullYear(gy, gm - 1, gd);
  // getUTCDay counts from Sunday; Saturday is one day earlier.
  return (date.getUTCDay() + 1) % 7;
}

/** A number that orders dates, e.g. 139309061430; a missing time counts as 00:00. */
export function jalaliSortKey(d: JalaliDate): number {
  return ((d.jy * 100 + d.jm) * 100 + d.jd) * 10_000 + (d.hour ?? 0) * 100 + (d.minute ?? 0);
}

/** Negative when `a` is earlier than `b`, positive when later, 0 when equal; a missing time counts as 00:00. */
export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return jalaliSortKey(a) - jalaliSortKey(b);
}

/** Zero-pad a non-negative integer to `width` digits. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
