/**
 * Writing Jalali dates: the canonical machine form (front matter, URLs, messages)
 * and the display form readers see.
 */
import { toPersianDigits } from '../digits.ts';
import { pad } from './convert.ts';
import { monthName, type MonthNames } from './months.ts';
import type { JalaliDate } from './types.ts';

/** Options of {@link formatJalaliDisplay}. */
export interface DisplayOptions {
  /** Append the time (`، ساعت ۱۴:۳۰`) when the date has one. Default: false. */
  time?: boolean;
}

/** The canonical form: `1393-09-06`, or `1393-09-06 14:30` when a time is present; Latin digits, zero-padded. */
export function formatJalaliCanonical(d: JalaliDate): string {
  const date = `${pad(d.jy, 4)}-${pad(d.jm, 2)}-${pad(d.jd, 2)}`;
  return d.hour === undefined ? date : `${date} ${formatTime(d.hour, d.minute ?? 0)}`;
}

/** The reader's form: `۶ آذر ۱۳۹۳`, or `۶ آذر ۱۳۹۳، ساعت ۱۴:۳۰` with `time: true` and a time present. */
export function formatJalaliDisplay(d: JalaliDate, names: MonthNames, opts: DisplayOptions = {}): string {
  const date = `${d.jd} ${monthName(d.jm, names)} ${d.jy}`;
  const withTime =
    opts.time === true && d.hour !== undefined
      ? `${date}، ساعت ${formatTime(d.hour, d.minute ?? 0)}`
      : date;
  return toPersianDigits(withTime);
}

/** `HH:MM`, zero-padded, 24-hour clock. */
function formatTime(hour: number, minute: number): string {
  return `${pad(hour, 2)}:${pad(minute, 2)}`;
}
