/**
 * Calendar arithmetic, delegated to jalaali-js (Borkowski's algorithm, exact for
 * the years a news archive can hold).
 */
import { isLeapJalaaliYear, jalaaliMonthLength } from 'jalaali-js';

/** Whether Esfand of `jy` has 30 days (1399 and 1403 do; 1400 and 1402 do not). */
export function isLeapJalaliYear(jy: number): boolean {
  return isLeapJalaaliYear(jy);
}

/** The number of days of month `jm` (1–12) in year `jy`: 31, 30, or 29/30 for Esfand. */
export function jalaliMonthLength(jy: number, jm: number): number {
  return jalaaliMonthLength(jy, jm);
}

/** The number of days of a Gregorian month, from the proleptic calendar of `Date`. */
export function gregorianMonthLength(gy: number, gm: number): number {
  // Day 0 of the next month is the last day of this one; setUTCFullYear, unlike
  // Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(gy, gm, 0);
  return date.getUTCDate();
}
