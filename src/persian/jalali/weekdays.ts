/**
 * Weekday names, which may open a written date (`پنج‌شنبه، ۶ آذر ۱۳۹۳`).
 */
import { normalizeIdentity } from '../normalize.ts';

/** Persian weekday names, Saturday (the first day of the Persian week) first. */
export const WEEKDAYS = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنج‌شنبه', 'جمعه'] as const;

/** English weekday names in the same order, for messages. */
export const ENGLISH_WEEKDAYS = ['Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

// normalizeIdentity drops ZWNJ and spaces, so سه‌شنبه, سه شنبه and سهشنبه share one key.
const BY_KEY = new Map<string, number>(WEEKDAYS.map((name, i) => [normalizeIdentity(name), i]));

/** The weekday (0 = Saturday … 6 = Friday) a name means, in any ZWNJ, spacing or ي/ك spelling; undefined if none. */
export function weekdayFromName(name: string): number | undefined {
  return BY_KEY.get(normalizeIdentity(name));
}
