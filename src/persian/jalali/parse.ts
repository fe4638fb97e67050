/**
 * Reading a written Jalali date in every form authors use: `1393-09-06`, `1393/9/6`,
 * Persian or Arabic-Indic digits, `۶ آذر ۱۳۹۳` or `۶ قوس ۱۳۹۳` after an optional weekday,
 * each with an optional `14:30`. A rejected date says what was expected and, when it can, what was meant.
 */
import { toLatinDigits } from '../digits.ts';
import { nearest, toPersianLetters } from '../normalize.ts';
import { gregorianMonthLength } from './calendar.ts';
import { checkDay, checkMonth, checkTime, checkYear, MAX_JALALI_YEAR } from './check.ts';
import { gregorianToJalali, jalaliWeekday } from './convert.ts';
import { formatJalaliCanonical } from './format.ts';
import { ALL_MONTH_NAMES, englishMonthName, monthFromName } from './months.ts';
import type { JalaliDate, JalaliParseError, ParseResult } from './types.ts';
import { ENGLISH_WEEKDAYS, WEEKDAYS, weekdayFromName } from './weekdays.ts';

const EXAMPLES = 'a Jalali date such as `1393-09-06`, `1393/09/06 14:30`, `۱۳۹۳/۰۹/۰۶` or `۶ آذر ۱۳۹۳`';
/** Four-digit years in this range are Gregorian, not Jalali (Jalali 1701+ is centuries away). */
const MAX_GREGORIAN_YEAR = 2200;

/** A trailing time, after a space, `T`, `ساعت`, `، ساعت` or ` - `. */
const TIME = /^(.*?)(?:[Tt]|\s*[,،]?\s*ساعت\s*|\s+-\s+|\s+)(\d{1,2}):(\d{2})$/;
/** `YYYY-MM-DD` or `YYYY/MM/DD`, one separator throughout. */
const NUMERIC = /^(\d+)([-/])(\d{1,2})\2(\d{1,2})$/;
/** `[weekday][،] D month[،] YYYY`; the month name may hold a space (`اردی بهشت`). */
const NAMED = /^(?:(\D*?)[\s,،]+)?(\d{1,2})\s*([^\d\s,،][^\d,،]*?)[\s,،]*(\d+)$/;
/** Something that starts like an ISO Gregorian date, to explain `2014-11-27T10:00:00Z`. */
const GREGORIAN_START = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/;

type Time = { hour: number; minute: number };

/** The canonical form `1393-09-06` or `1393-09-06 14:30` in Latin digits: most of any archive. */
const CANONICAL = /^(1[0-6]\d\d|0\d\d\d)-(0[1-9]|1[0-2])-(\d\d)(?: ([01]\d|2[0-3]):([0-5]\d))?$/;

/** Parse a written Jalali date (and optional time); never throws. */
export function parseJalaliDate(input: string): ParseResult {
  // Fast path for the canonical form; anything it does not fully vouch for takes the long way.
  const canonical = CANONICAL.exec(input);
  if (canonical) {
    const [, jy, jm, jd, hour, minute] = canonical.map(Number) as number[];
    if (!checkDay(jy!, jm!, jd!) && !checkYear(canonical[1]!)) {
      return { ok: true, value: canonical[4] === undefined ? { jy: jy!, jm: jm!, jd: jd! } : { jy: jy!, jm: jm!, jd: jd!, hour: hour!, minute: minute! } };
    }
  }
  const written = input.trim();
  const text = prepare(written);
  const timed = TIME.exec(text);
  const datePart = timed?.[1] ?? text;
  const time = timed ? { hour: Number(timed[2]), minute: Number(timed[3]) } : undefined;

  const numeric = NUMERIC.exec(datePart);
  const named = numeric ? null : NAMED.exec(datePart);
  let result: JalaliParseError | JalaliDate;
  if (numeric) {
    result = readNumeric(numeric[1] ?? '', Number(numeric[3]), Number(numeric[4]), written, time);
  } else if (named) {
    result = readNamed(named[1] ?? '', Number(named[2]), named[3] ?? '', named[4] ?? '');
  } else {
    result = formatError(datePart, written, time);
  }
  if ('kind' in result) return { ok: false, error: result };
  const timeError = time && checkTime(time.hour, time.minute, `${timed?.[2]}:${timed?.[3]}`);
  if (timeError) return { ok: false, error: timeError };
  return { ok: true, value: time ? { ...result, ...time } : result };
}

/** Fold digits and letters, drop bidi marks, and make every separator a plain space. */
function prepare(s: string): string {
  return toPersianLetters(toLatinDigits(s.normalize('NFC')))
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\u200c(?=[\d,،])|(?<=[\d,،])\u200c/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Check `YYYY-MM-DD`; a year in the Gregorian range gets its Jalali equivalent as a suggestion. */
function readNumeric(year: string, jm: number, jd: number, written: string, time?: Time): JalaliParseError | JalaliDate {
  const jy = Number(year);
  if (year.length === 4 && jy > MAX_JALALI_YEAR && jy <= MAX_GREGORIAN_YEAR) return gregorianError(jy, jm, jd, written, time);
  return checkYear(year) ?? checkMonth(jm) ?? checkDay(jy, jm, jd) ?? { jy, jm, jd };
}

/** Check `D month YYYY` with an optional weekday, which must match the date. */
function readNamed(prefix: string, jd: number, month: string, year: string): JalaliParseError | JalaliDate {
  const weekday = prefix.trim() === '' ? undefined : weekdayFromName(prefix);
  if (prefix.trim() !== '' && weekday === undefined) {
    return { kind: 'format', message: `Unexpected \`${prefix.trim()}\`, expected a weekday such as \`${WEEKDAYS[5]}\` or the day of the month` };
  }
  const jy = Number(year);
  const yearError = checkYear(year);
  if (yearError) return yearError;
  const jm = monthFromName(month);
  if (jm === undefined) return monthNameError(month, jy, jd);
  const dayError = checkDay(jy, jm, jd);
  if (dayError) return dayError;
  const date = { jy, jm, jd };
  const actual = jalaliWeekday(date);
  if (weekday !== undefined && weekday !== actual) {
    return {
      kind: 'day',
      message: `Unexpected weekday \`${prefix.trim()}\`, expected \`${WEEKDAYS[actual]}\`: ${jd} ${englishMonthName(jm)} ${jy} is a ${ENGLISH_WEEKDAYS[actual]}`,
    };
  }
  return date;
}

/** An unknown month name, with the nearest real one when there is one. */
function monthNameError(month: string, jy: number, jd: number): JalaliParseError {
  // Month names are short: the default of two edits would offer آبان for فلان.
  const guess = nearest(month, ALL_MONTH_NAMES, Math.max(1, Math.floor([...month].length / 3)));
  const jm = guess === undefined ? undefined : monthFromName(guess);
  if (guess === undefined || jm === undefined) {
    return {
      kind: 'month-name',
      message: `Unexpected month name \`${month}\`, expected an Iranian (فروردین … اسفند) or Afghan (حمل … حوت) month name`,
    };
  }
  const meant = checkDay(jy, jm, jd) ? undefined : formatJalaliCanonical({ jy, jm, jd });
  return {
    kind: 'month-name',
    message: `Unexpected month name \`${month}\`, expected a Jalali month name: did you mean \`${guess}\`?`,
    ...(meant === undefined ? {} : { suggestion: meant }),
  };
}

/** A Gregorian date where a Jalali one belongs, with the Jalali date it names. */
function gregorianError(gy: number, gm: number, gd: number, written: string, time?: Time): JalaliParseError {
  const valid = gm >= 1 && gm <= 12 && gd >= 1 && gd <= gregorianMonthLength(gy, gm);
  if (!valid) {
    return { kind: 'gregorian', message: `Unexpected Gregorian date \`${written}\`, expected a Jalali date such as \`1393-09-06\`` };
  }
  const keepTime = time !== undefined && checkTime(time.hour, time.minute, '') === undefined;
  const suggestion = formatJalaliCanonical({ ...gregorianToJalali(gy, gm, gd), ...(keepTime ? time : {}) });
  return {
    kind: 'gregorian',
    message: `Unexpected Gregorian date \`${written}\`, expected a Jalali date: did you mean \`${suggestion}\`?`,
    suggestion,
  };
}

/** Nothing matched: explain a Gregorian timestamp if that is what it is, else list the accepted forms. */
function formatError(datePart: string, written: string, time?: Time): JalaliParseError {
  const start = GREGORIAN_START.exec(datePart);
  const gy = Number(start?.[1]);
  if (start && gy > MAX_JALALI_YEAR && gy <= MAX_GREGORIAN_YEAR) {
    return gregorianError(gy, Number(start[2]), Number(start[3]), written, time);
  }
  if (written === '') return { kind: 'format', message: `Unexpected empty date, expected ${EXAMPLES}` };
  return { kind: 'format', message: `Unexpected \`${written}\`, expected ${EXAMPLES}` };
}
