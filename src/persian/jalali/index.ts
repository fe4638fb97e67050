/**
 * The Jalali date layer: parse, check, convert, format, and place in a time zone.
 */
export type { JalaliDate, JalaliParseError, ParseResult } from './types.ts';
export type { MonthNames } from './months.ts';
export type { GregorianDate } from './convert.ts';
export type { DisplayOptions } from './format.ts';
export { AFGHAN_MONTHS, ENGLISH_MONTHS, IRAN_MONTHS, englishMonthName, monthFromName, monthName } from './months.ts';
export { WEEKDAYS, weekdayFromName } from './weekdays.ts';
export { isLeapJalaliYear, jalaliMonthLength } from './calendar.ts';
export { MAX_JALALI_YEAR } from './check.ts';
export { parseJalaliDate } from './parse.ts';
export { formatJalaliCanonical, formatJalaliDisplay } from './format.ts';
export { compareJalali, gregorianToJalali, jalaliSortKey, jalaliToGregorian, jalaliWeekday, toIsoDate } from './convert.ts';
export { formatOffset, isValidTimeZone, jalaliFromEpochMs, offsetMinutes, toEpochMs, toIsoDateTime } from './time-zone.ts';
export { toRfc822DateTime } from './rfc822.ts';
