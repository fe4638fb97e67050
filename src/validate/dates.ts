import type { VFile } from 'vfile';
import type { SiteConfig } from '../config/index.ts';
import { report, type FileFix, type RuleId } from '../diagnostics/index.ts';
import {
  compareJalali,
  formatJalaliCanonical,
  jalaliFromEpochMs,
  MAX_JALALI_YEAR,
  parseJalaliDate,
  toLatinDigits,
  type JalaliDate,
  type JalaliParseError,
} from '../persian/index.ts';
import type { CheckedSource, ValueSpot } from './article.ts';
import { replaceValue, valueFix } from './edits.ts';

const ACCEPTED = 'Accepted forms, with Latin, Persian or Arabic-Indic digits: `1393-09-06`, `1393/9/6`, `۶ آذر ۱۳۹۳`, `۶ قوس ۱۳۹۳`, `پنجشنبه ۶ آذر ۱۳۹۳`, each optionally followed by a time such as `14:30`.';
const NOTES: Partial<Record<RuleId, string>> = {
  'date-format': ACCEPTED,
  'date-invalid': 'Check the day, month and time against the Jalali calendar: months 1–6 have 31 days, 7–11 have 30, Esfand 29 (30 in a leap year).',
  'date-gregorian': 'Convert the date to the Jalali calendar; bayegan reads every date as Jalali.',
};
/** A Gregorian-looking date written with nothing else: converting it names the same day, so `--fix` may. */
const PLAIN_GREGORIAN = /^\d{4}([-/])\d{1,2}\1\d{1,2}(?: \d{1,2}:\d{2})?$/;
/** Day first: `06/09/1393` or `27-11-2014`. */
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

function ruleOf(error: JalaliParseError): RuleId {
  if (error.kind === 'gregorian') return 'date-gregorian';
  if (error.kind === 'year') {
    // A four-digit year after the last Jalali year is a Gregorian year (`27 November 2014`).
    const year = /`(\d{4})`/.exec(error.message)?.[1];
    return year && Number(year) > MAX_JALALI_YEAR ? 'date-gregorian' : 'date-format';
  }
  return error.kind === 'format' || error.kind === 'month-name' ? 'date-format' : 'date-invalid';
}

// `06/09/1393` is a Jalali date written day first: parse it year first to say what was meant.
function dayFirst(written: string): JalaliParseError | undefined {
  const match = DAY_FIRST.exec(toLatinDigits(written.trim()));
  if (!match || Number(match[4]) > MAX_JALALI_YEAR) return undefined;
  const meant = parseJalaliDate(`${match[4]}-${match[3]}-${match[1]}`);
  const suggestion = meant.ok ? formatJalaliCanonical(meant.value) : undefined;
  return {
    kind: 'format',
    message: `Unexpected day-first date \`${written.trim()}\`, expected the year first${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`,
    ...(suggestion && { suggestion }),
  };
}

function parseOne(file: VFile, key: string, value: string, spot: ValueSpot | undefined, fixes: FileFix[]): JalaliDate | undefined {
  const result = parseJalaliDate(value);
  if (result.ok) {
    const canonical = formatJalaliCanonical(result.value);
    const fix = spot && value.trim() !== canonical ? valueFix(file.path, spot, canonical) : undefined;
    if (fix) fixes.push(fix);
    return result.value;
  }
  const error = dayFirst(value) ?? result.error;
  const sameDay = error.kind === 'gregorian' && error.suggestion && PLAIN_GREGORIAN.test(toLatinDigits(value.trim()));
  const rule = ruleOf(error);
  report(file, error.message, {
    ruleId: rule,
    place: spot,
    note: error.suggestion ? `Write \`${key}: ${error.suggestion}\`.` : NOTES[rule],
    fix: sameDay && spot ? replaceValue(spot, error.suggestion!) : undefined,
  });
  return undefined;
}

/**
 * Parse and check `date` and `updated`: each a real Jalali date, `updated` not before `date`.
 * Whether one is in the future is {@link checkFutureDates}'s job: it depends on the day of the
 * run, and this check must not (its result is cached per file).
 */
export function checkDates(
  file: VFile,
  values: { date?: string; updated?: string },
  spots: { date?: ValueSpot; updated?: ValueSpot },
): { date?: JalaliDate; updated?: JalaliDate; fixes: FileFix[] } {
  const fixes: FileFix[] = [];
  const date = values.date === undefined ? undefined : parseOne(file, 'date', values.date, spots.date, fixes);
  const updated = values.updated === undefined ? undefined : parseOne(file, 'updated', values.updated, spots.updated, fixes);
  if (date && updated && compareJalali(updated, date) < 0) {
    report(file, `Unexpected \`updated\` ${formatJalaliCanonical(updated)} before \`date\` ${formatJalaliCanonical(date)}, expected the same day or later`, {
      ruleId: 'updated-before-date',
      place: spots.updated,
      related: spots.date && { file: file.path, line: spots.date.line, column: spots.date.column, message: '`date` is here' },
      note: '`updated` is when the article was last edited; it cannot come before publication.',
    });
  }
  return { date, updated, fixes };
}

/** Warn about a `date` or `updated` after today in the site's time zone (whole days). */
export function checkFutureDates(fileOf: (path: string) => VFile, sources: readonly CheckedSource[], site: SiteConfig, now: number): void {
  const today = jalaliFromEpochMs(now, site.timeZone);
  const day = { jy: today.jy, jm: today.jm, jd: today.jd };
  for (const source of sources) {
    for (const [key, dated] of [['date', source.dates?.date], ['updated', source.dates?.updated]] as const) {
      if (!dated || compareJalali({ jy: dated.value.jy, jm: dated.value.jm, jd: dated.value.jd }, day) <= 0) continue;
      report(fileOf(source.path), `Unexpected \`${key}\` ${formatJalaliCanonical(dated.value)} in the future, expected ${formatJalaliCanonical(day)} or earlier`, {
        ruleId: 'date-future',
        place: dated.place,
        note: 'Check the year; a scheduled article is published as soon as it is built.',
      });
    }
  }
}
