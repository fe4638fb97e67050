/**
 * Range checks of a parsed date: year, month, day (with leap years) and time.
 * Each returns the error of the first field that is wrong, or undefined.
 */
import { jalaliMonthLength } from './calendar.ts';
import { englishMonthName } from './months.ts';
import type { JalaliParseError } from './types.ts';

/** Jalali years a news archive can mean; later four-digit years are read as Gregorian elsewhere. */
export const MAX_JALALI_YEAR = 1700;

/** Check a written year: four digits, 1 … 1700. */
export function checkYear(written: string): JalaliParseError | undefined {
  const jy = Number(written);
  if (written.length === 4 && jy >= 1 && jy <= MAX_JALALI_YEAR) return undefined;
  // A two-digit year (`93/9/6`) could be 1393 or 1493; guessing would silently misdate an article.
  return {
    kind: 'year',
    message: `Unexpected year \`${written}\`, expected a four-digit Jalali year from 0001 to ${MAX_JALALI_YEAR}, such as \`1393\``,
  };
}

/** Check a month number (1–12). */
export function checkMonth(jm: number): JalaliParseError | undefined {
  if (jm >= 1 && jm <= 12) return undefined;
  return { kind: 'month', message: `Unexpected month \`${jm}\`, expected 1–12` };
}

/** Check a day against the real length of its month, Esfand of leap years included. */
export function checkDay(jy: number, jm: number, jd: number): JalaliParseError | undefined {
  const length = jalaliMonthLength(jy, jm);
  if (jd >= 1 && jd <= length) return undefined;
  return {
    kind: 'day',
    message: `Unexpected day \`${jd}\`, expected 1–${length}: ${englishMonthName(jm)} ${jy} has ${length} days`,
  };
}

/** Check a 24-hour time. */
export function checkTime(hour: number, minute: number, written: string): JalaliParseError | undefined {
  if (hour <= 23 && minute <= 59) return undefined;
  return {
    kind: 'time',
    message: `Unexpected time \`${written}\`, expected \`HH:MM\` from 00:00 to 23:59`,
  };
}
